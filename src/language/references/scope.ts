import {
    type AstNode,
    type AstNodeDescription,
    AstUtils,
    DefaultScopeComputation,
    DefaultScopeProvider,
    type LangiumDocument,
    type LocalSymbols,
    MultiMap,
    type ReferenceInfo,
    type Scope,
    type Stream,
    stream,
    MultiMapScope,
    WorkspaceCache,
} from 'langium';
import { isJourney, type Journey } from '../generated/ast.js';
import type { JourneyServices } from '../journey-module.js';
import type { ProjectRegistry } from '../projects/project-registry.js';

/**
 * Everything declared inside a journey (stages, touchpoints, pain points,
 * metrics, initiatives, reviews, changes) is visible by its simple name from
 * anywhere in that journey: a touchpoint in `renewal` may say `next kickoff`.
 * Langium's default puts a name in the scope of its direct container only, so
 * we attach every name inside a journey to the journey itself.
 * Teams, segments and journeys are exported to the workspace by the default
 * (they are the document's top-level elements); the scope provider shows a
 * reference only those of its own project.
 */
export class JourneyScopeComputation extends DefaultScopeComputation {
    /**
     * The local symbols after one declaration inside a journey was replaced:
     * those of the old declaration's names give way to the new one's, at the
     * same place in the journey's list (the first of two equal names wins), and
     * every other description is kept. `undefined` when the old declaration had
     * no name to find that place by.
     */
    replaceDeclaration(symbols: LocalSymbols, old: AstNode, parsed: AstNode, document: LangiumDocument): LocalSymbols | undefined {
        const journey = parsed.$container ? AstUtils.getContainerOfType(parsed.$container, isJourney) : undefined;
        const gone = new Set([old, ...AstUtils.streamAllContents(old)]);
        const listed = journey && symbols.has(journey) ? symbols.getStream(journey).toArray() : [];
        const at = listed.findIndex((description) => gone.has(description.node!));
        if (!journey || at < 0) return undefined;
        const added = new MultiMap<AstNode, AstNodeDescription>();
        for (const node of [parsed, ...AstUtils.streamAllContents(parsed)]) this.addLocalSymbol(node, document, added);
        if ([...added.keys()].some((key) => key !== journey)) return undefined;
        const kept = listed.filter((description) => !gone.has(description.node!));
        const replaced = new MultiMap<AstNode, AstNodeDescription>();
        for (const [key, descriptions] of (symbols as MultiMap<AstNode, AstNodeDescription>).entriesGroupedByKey()) {
            if (key === journey) replaced.addAll(key, [...kept.slice(0, at), ...added.get(journey), ...kept.slice(at)]);
            else if (!gone.has(key)) replaced.addAll(key, descriptions);
        }
        return replaced;
    }

    protected override addLocalSymbol(node: AstNode, document: LangiumDocument, symbols: MultiMap<AstNode, AstNodeDescription>): void {
        const journey = node.$container ? AstUtils.getContainerOfType(node.$container, isJourney) : undefined;
        if (!journey) {
            super.addLocalSymbol(node, document, symbols);
            return;
        }
        const name = this.nameProvider.getName(node);
        if (name) {
            symbols.add(journey, this.descriptions.createDescription(node, name, document));
        }
    }
}

/** The names of one journey that fit one reference type, looked up by name. */
interface NameTable {
    byName: Map<string, AstNodeDescription[]>;
    all: AstNodeDescription[];
}

/**
 * Langium's default scope scans every name of the journey for every
 * reference: with thousands of touchpoints, linking becomes quadratic. This
 * provider builds, once per scope computation, a table per journey and
 * reference type, and answers each reference with a map lookup.
 */
export class JourneyScopeProvider extends DefaultScopeProvider {
    /** Keyed by the document's local symbols, which are replaced whenever the document's scopes are recomputed. */
    private readonly tables = new WeakMap<LocalSymbols, Map<Journey, Map<string, NameTable>>>();
    private readonly projects: ProjectRegistry;
    /** Keyed by project root, project registry version and reference type; emptied on every workspace change. */
    private readonly projectScopes: WorkspaceCache<string, Scope>;

    constructor(services: JourneyServices) {
        super(services);
        this.projects = services.projects.ProjectRegistry;
        this.projectScopes = new WorkspaceCache(services.shared);
    }

    /** The top-level names of the reference's own project: projects do not see each other's teams, segments and journeys. */
    protected override getGlobalScope(referenceType: string, context: ReferenceInfo): Scope {
        const uri = AstUtils.getDocument(context.container).uri.toString();
        const project = this.projects.projectOf(uri);
        return this.projectScopes.get(`${project.root}\0${this.projects.version}\0${referenceType}`, () => new MultiMapScope(
            this.indexManager.allElements(referenceType).filter((description) => this.projects.projectOf(description.documentUri.toString()).root === project.root),
        ));
    }

    override getScope(context: ReferenceInfo): Scope {
        const journey = AstUtils.getContainerOfType(context.container, isJourney);
        const localSymbols = AstUtils.getDocument(context.container).localSymbols;
        if (!journey || !localSymbols) {
            return super.getScope(context);
        }
        const referenceType = this.reflection.getReferenceType(context);
        let outer = this.getGlobalScope(referenceType, context);
        const root = journey.$container;
        if (localSymbols.has(root)) {
            outer = this.createScope(localSymbols.getStream(root).filter((description) => this.reflection.isSubtype(description.type, referenceType)), outer);
        }
        return new JourneyScope(this.nameTable(localSymbols, journey, referenceType), outer);
    }

    private nameTable(localSymbols: LocalSymbols, journey: Journey, referenceType: string): NameTable {
        let byJourney = this.tables.get(localSymbols);
        if (!byJourney) {
            byJourney = new Map();
            this.tables.set(localSymbols, byJourney);
        }
        let byType = byJourney.get(journey);
        if (!byType) {
            byType = new Map();
            byJourney.set(journey, byType);
        }
        let table = byType.get(referenceType);
        if (!table) {
            const all = localSymbols.getStream(journey).filter((description) => this.reflection.isSubtype(description.type, referenceType)).toArray();
            const byName = new Map<string, AstNodeDescription[]>();
            for (const description of all) {
                const named = byName.get(description.name);
                if (named) named.push(description);
                else byName.set(description.name, [description]);
            }
            table = { byName, all };
            byType.set(referenceType, table);
        }
        return table;
    }
}

/** A journey's names of one type, in front of the names outside the journey. */
class JourneyScope implements Scope {
    constructor(private readonly table: NameTable, private readonly outer: Scope) {}

    getElement(name: string): AstNodeDescription | undefined {
        return this.table.byName.get(name)?.[0] ?? this.outer.getElement(name);
    }

    getElements(name: string): Stream<AstNodeDescription> {
        return stream(this.table.byName.get(name) ?? []).concat(this.outer.getElements(name));
    }

    getAllElements(): Stream<AstNodeDescription> {
        return stream(this.table.all).concat(this.outer.getAllElements());
    }
}
