import {
    type AstNodeDescription, type IndexManager, type LangiumDocuments, MultiMap, UriUtils, type ValidationAcceptor,
} from 'langium';
import { type Document, isSegment, type Segment } from '../generated/ast.js';
import type { JourneyServices } from '../journey-module.js';
import { DiagnosticCode } from '../diagnostic-codes.js';
import { capitalizedKindLabel, joinedList, times } from './diagnostic-wording.js';
import { kindLabel, WORKSPACE_GLOBAL_TYPES } from '../element-kinds.js';
import { type Project, projectLabel, type ProjectRegistry } from '../projects/project-registry.js';

/**
 * The rules over the names of a whole project (the workspace when it has no
 * project file): a team, segment or journey declared twice across its files,
 * a segment no `for` list of the project uses. They run once per
 * document (checks on `Document`); JourneyDocumentBuilder re-validates the
 * files whose diagnostics another file's change affects.
 */
export class WorkspaceValidator {
    protected readonly indexManager: IndexManager;
    protected readonly documents: LangiumDocuments;
    protected readonly projects: ProjectRegistry;

    constructor(services: JourneyServices) {
        this.indexManager = services.shared.workspace.IndexManager;
        this.documents = services.shared.workspace.LangiumDocuments;
        this.projects = services.projects.ProjectRegistry;
    }

    readonly checkWorkspaceDuplicates = (document: Document, accept: ValidationAcceptor): void => {
        const documentUri = document.$document?.uri.toString() ?? '';
        const project = this.projects.projectOf(documentUri);
        const declarations = new MultiMap<string, AstNodeDescription>();
        for (const type of WORKSPACE_GLOBAL_TYPES) {
            this.indexManager.allElements(type)
                .filter((description) => this.projects.projectOf(description.documentUri.toString()).root === project.root)
                .forEach((description) => declarations.add(`${type}:${description.name}`, description));
        }
        for (const element of document.elements) {
            if (!element.name) continue;
            const others = declarations.get(`${element.$type}:${element.name}`).filter((description) => description.node !== element);
            if (others.length === 0) continue;
            const places = others.map((description) => placeOf(description, documentUri));
            const kind = kindLabel(element.$type);
            accept('error', `${capitalizedKindLabel(element.$type)} '${element.name}' is declared ${times(others.length + 1)} in ${projectLabel(project)} (also at ${joinedList(places)}); a ${kind} name must be unique across ${project.file === undefined ? 'all' : 'the project\'s'} .journey files`, {
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
        const project = this.projects.projectOf(document.$document?.uri.toString() ?? '');
        const used = this.segmentsInUse(new Set(segments.map((segment) => segment.name)), project);
        for (const segment of segments) {
            if (used.has(segment)) continue;
            accept('warning', `Segment '${segment.name}' is not used: no journey, stage, touchpoint, pain point or initiative names it in \`for\`; use it in a \`for\` list or remove it`, {
                node: segment,
                property: 'name',
                code: DiagnosticCode.UnusedSegment,
                data: { name: segment.name },
            });
        }
    };

    /** The segments among `names` that some `for` list of the project resolves to. */
    protected segmentsInUse(names: ReadonlySet<string>, project: Project): Set<Segment> {
        const used = new Set<Segment>();
        for (const document of this.documents.all) {
            if (this.projects.projectOf(document.uri.toString()).root !== project.root) continue;
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
