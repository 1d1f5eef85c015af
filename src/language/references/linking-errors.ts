import { AstUtils, type AstReflection, DocumentValidator, type IndexManager, type LangiumDocuments, type LinkingError, type ScopeProvider } from 'langium';
import { isDocument, isEffect, isJourney, type Journey } from '../generated/ast.js';
import type { JourneyServices } from '../journey-module.js';
import { DiagnosticCode } from '../diagnostic-codes.js';
import { elementKind, kindKeyword, kindLabel } from '../element-kinds.js';
import { referenceKeyword } from '../element-properties.js';
import { projectLabel, type ProjectRegistry } from '../projects/project-registry.js';
import { closestNames, namesInScope } from './closest-names.js';

/** What a quick fix needs to know about a reference that did not resolve. */
export interface UnresolvedReferenceData {
    /** Langium's own code, as for syntax errors: its `stopAfterLinkingErrors` option looks for it. Our code is the diagnostic's `code`. */
    code: typeof DocumentValidator.LinkingError;
    /** The name as written. */
    name: string;
    /** The AST type the reference expects: Team, Segment, Touchpoint, PainPoint or Stage. */
    kind: string;
    /** The keyword the reference follows: owner, for, next, at, addresses, improves, worsens. */
    property: string;
    /** For journey.at-other-journey: the journey that has a touchpoint of that name. */
    journey?: string;
}

export interface LinkingErrorDescription {
    code: typeof DiagnosticCode.UnresolvedReference | typeof DiagnosticCode.AtOtherJourney;
    message: string;
    data: UnresolvedReferenceData;
}

/**
 * Turns the linker's "Could not resolve reference" into a message that says
 * what was looked for, where, and what kind of element was expected. An `at`
 * naming a touchpoint of another journey gets its own error: journey-wide
 * scoping cannot resolve it, but the user needs to know why.
 */
export class JourneyLinkingErrors {
    protected readonly documents: LangiumDocuments;
    protected readonly reflection: AstReflection;
    protected readonly indexManager: IndexManager;
    protected readonly projects: ProjectRegistry;
    protected readonly scopeProvider: ScopeProvider;

    constructor(services: JourneyServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        this.reflection = services.shared.AstReflection;
        this.indexManager = services.shared.workspace.IndexManager;
        this.projects = services.projects.ProjectRegistry;
        this.scopeProvider = services.references.ScopeProvider;
    }

    /** A describer for one validation pass: the workspace's touchpoint names are collected at most once. */
    describer(): (error: LinkingError) => LinkingErrorDescription {
        let touchpointJourneys: Map<string, Journey[]> | undefined;
        // The names in scope are the same for every reference of a kind in a journey: asked once, for a file full of typos.
        const inScope = new Map<string, string[]>();
        const namesFor = (error: LinkingError, kind: string, journey: Journey | undefined): string[] => {
            const key = `${kind} ${journey ? AstUtils.getDocument(journey).uri.toString() + journey.$containerIndex : ''}`;
            let names = inScope.get(key);
            if (!names) {
                names = namesInScope(this.scopeProvider, error.info).map((description) => description.name);
                inScope.set(key, names);
            }
            return names;
        };
        return (error) => {
            const name = error.info.reference.$refText;
            const kind = this.reflection.getReferenceType(error.info);
            const property = propertyKeyword(error);
            const ownJourney = AstUtils.getContainerOfType(error.info.container, isJourney);
            if (ownJourney && kind === 'Touchpoint' && error.info.property === 'at') {
                touchpointJourneys ??= this.touchpointJourneys();
                const other = touchpointJourneys.get(name)?.find((journey) => journey !== ownJourney);
                if (other) {
                    return {
                        code: DiagnosticCode.AtOtherJourney,
                        message: `Touchpoint '${name}' belongs to journey '${other.name}', not to ${ownJourney.name ? `journey '${ownJourney.name}'` : 'this journey'}: \`at\` names touchpoints of its own journey`,
                        data: { code: DocumentValidator.LinkingError, name, kind, property, journey: other.name },
                    };
                }
            }
            const documentUri = AstUtils.getDocument(error.info.container).uri.toString();
            const elsewhere = this.projectDeclaring(name, kind, documentUri);
            const suggestions = elsewhere ? [] : closestNames(name, namesFor(error, kind, ownJourney).map((candidate) => ({ name: candidate }))).map((candidate) => candidate.name);
            return {
                code: DiagnosticCode.UnresolvedReference,
                message: elsewhere
                    ? `No ${kindLabel(kind)} named '${name}' in ${elsewhere.here}: '${name}' is declared in project '${elsewhere.there}', and projects do not share names; declare it in this project too (\`${kindKeyword(kind)} ${name}\`)`
                    : unresolvedMessage(name, kind, property, ownJourney, projectLabel(this.projects.projectOf(documentUri)), suggestions),
                data: { code: DocumentValidator.LinkingError, name, kind, property },
            };
        };
    }

    /** The other project that declares a top-level name this reference cannot see, if any. */
    protected projectDeclaring(name: string, kind: string, documentUri: string): { here: string; there: string } | undefined {
        if (elementKind(kind)?.scope !== 'workspace') return undefined;
        const own = this.projects.projectOf(documentUri);
        const other = this.indexManager.allElements(kind)
            .filter((description) => description.name === name)
            .map((description) => this.projects.projectOf(description.documentUri.toString()))
            .find((project) => project.root !== own.root);
        return other && { here: own.file === undefined ? 'this workspace folder' : projectLabel(own), there: other.name };
    }

    /** Every touchpoint name of the workspace, with the journeys that declare it. */
    protected touchpointJourneys(): Map<string, Journey[]> {
        const journeysByName = new Map<string, Journey[]>();
        for (const document of this.documents.all) {
            const root = document.parseResult.value;
            if (!isDocument(root)) continue;
            for (const journey of root.elements.filter(isJourney)) {
                for (const touchpoint of journey.stages.flatMap((stage) => stage.touchpoints)) {
                    const journeys = journeysByName.get(touchpoint.name) ?? [];
                    journeys.push(journey);
                    journeysByName.set(touchpoint.name, journeys);
                }
            }
        }
        return journeysByName;
    }
}

function propertyKeyword(error: LinkingError): string {
    const container = error.info.container;
    return isEffect(container) ? container.direction : referenceKeyword(error.info.property) ?? error.info.property;
}

function unresolvedMessage(name: string, kind: string, property: string, journey: Journey | undefined, where: string, suggestions: string[]): string {
    const label = kindLabel(kind);
    const didYouMean = suggestions.length > 0 ? `did you mean ${orList(suggestions.map((suggestion) => `'${suggestion}'`))}?` : undefined;
    // Names declared at the top level are looked up in the whole workspace; all others inside their journey.
    if (elementKind(kind)?.scope === 'workspace' || !journey) {
        const declare = `\`${kindKeyword(kind)} ${name}\``;
        return `No ${label} named '${name}' in ${where}; ${didYouMean ?? `\`${property}\` expects a ${label} (declared with ${declare})`}`;
    }
    const inJourney = journey.name ? `journey '${journey.name}'` : 'this journey';
    return `No ${label} named '${name}' in ${inJourney}; ${didYouMean ?? `\`${property}\` expects a ${label} of this journey`}`;
}

function orList(words: string[]): string {
    return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}
