import {
    type AstNodeDescription, type IndexManager, type LangiumDocuments, MultiMap, UriUtils, type ValidationAcceptor,
} from 'langium';
import { type Document, isSegment, type Segment } from '../generated/ast.js';
import type { JourneyServices } from '../journey-module.js';
import { DiagnosticCode } from '../diagnostic-codes.js';
import { capitalizedKindLabel, joinedList, times } from './diagnostic-wording.js';
import { kindLabel, WORKSPACE_GLOBAL_TYPES } from '../element-kinds.js';

/**
 * The rules over the names of the whole workspace: a team, segment or journey
 * declared twice across files, a segment no `for` list uses. They run once per
 * document (checks on `Document`); JourneyDocumentBuilder re-validates the
 * files whose diagnostics another file's change affects.
 */
export class WorkspaceValidator {
    protected readonly indexManager: IndexManager;
    protected readonly documents: LangiumDocuments;

    constructor(services: JourneyServices) {
        this.indexManager = services.shared.workspace.IndexManager;
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    readonly checkWorkspaceDuplicates = (document: Document, accept: ValidationAcceptor): void => {
        const declarations = new MultiMap<string, AstNodeDescription>();
        for (const type of WORKSPACE_GLOBAL_TYPES) {
            this.indexManager.allElements(type).forEach((description) => declarations.add(`${type}:${description.name}`, description));
        }
        const documentUri = document.$document?.uri.toString() ?? '';
        for (const element of document.elements) {
            if (!element.name) continue;
            const others = declarations.get(`${element.$type}:${element.name}`).filter((description) => description.node !== element);
            if (others.length === 0) continue;
            const places = others.map((description) => placeOf(description, documentUri));
            const kind = kindLabel(element.$type);
            accept('error', `${capitalizedKindLabel(element.$type)} '${element.name}' is declared ${times(others.length + 1)} in the workspace (also at ${joinedList(places)}); a ${kind} name must be unique across all .journey files`, {
                node: element,
                property: 'name',
                code: DiagnosticCode.DuplicateName,
                data: { name: element.name, kind: element.$type },
            });
        }
    };

    readonly checkUnusedSegments = (document: Document, accept: ValidationAcceptor): void => {
        const segments = document.elements.filter(isSegment).filter((segment) => segment.name);
        if (segments.length === 0) return;
        const used = this.segmentsInUse(new Set(segments.map((segment) => segment.name)));
        for (const segment of segments) {
            if (used.has(segment)) continue;
            accept('warning', `Segment '${segment.name}' is not used: no touchpoint, pain point or initiative of any journey names it in \`for\`; use it in a \`for\` list or remove it`, {
                node: segment,
                property: 'name',
                code: DiagnosticCode.UnusedSegment,
                data: { name: segment.name },
            });
        }
    };

    /** The segments among `names` that some `for` list of the workspace resolves to. */
    protected segmentsInUse(names: ReadonlySet<string>): Set<Segment> {
        const used = new Set<Segment>();
        for (const document of this.documents.all) {
            for (const reference of document.references) {
                if (!names.has(reference.$refText) || !('ref' in reference)) continue;
                const target = reference.ref;
                if (isSegment(target)) used.add(target);
            }
        }
        return used;
    }
}

/** "line 7" in the same file, "teams.journey line 3" in another. */
function placeOf(description: AstNodeDescription, documentUri: string): string {
    const line = `line ${(description.nameSegment?.range.start.line ?? 0) + 1}`;
    return description.documentUri.toString() === documentUri ? line : `${UriUtils.basename(description.documentUri)} ${line}`;
}
