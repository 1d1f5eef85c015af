/**
 * Rename (F2) across files, for every named element. Langium's default finds
 * the declaration and its references in every document of the workspace and
 * replaces only those name tokens, so comments and layout stay as written.
 * We refuse, with a message the editor shows, a new name that is not an
 * identifier, a keyword that would not be read as a name everywhere it is
 * written (contextual-keywords.ts: only on the line of the word before it), or
 * a name that another element already has where the two would clash (the same
 * journey, or the project for teams, segments and journeys).
 */
import { type AstNode, AstUtils, type CstNode, CstUtils, GrammarAST, type LangiumDocument, type LangiumDocuments, type LeafCstNode, isLeafCstNode, isNamed } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import { ErrorCodes, ResponseError, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver';
import { isJourney, type Journey } from '../generated/ast.js';
import { kindLabel } from '../element-kinds.js';
import type { JourneyServices } from '../journey-module.js';
import type { ProjectRegistry } from '../projects/project-registry.js';
import { isNamePosition } from '../parser/contextual-keywords.js';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export class JourneyRenameProvider extends DefaultRenameProvider {
    private readonly keywords: ReadonlySet<string>;
    private readonly documents: LangiumDocuments;

    private readonly projects: ProjectRegistry;

    constructor(services: JourneyServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
        this.projects = services.projects.ProjectRegistry;
        this.keywords = AstUtils.streamAst(services.Grammar)
            .filter(GrammarAST.isKeyword)
            .map((keyword) => keyword.value)
            .filter((value) => IDENTIFIER.test(value))
            .toSet();
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        const newName = params.newName.trim();
        this.checkIdentifier(newName);
        const target = this.targetAt(document, params);
        if (target && target.name !== newName) {
            this.checkNoClash(target, newName);
        }
        const edit = await super.rename(document, { ...params, newName });
        if (this.keywords.has(newName)) this.checkReadAsName(edit, newName);
        return edit;
    }

    /** A keyword is a name only on the line of the word before it: `touchpoint high`, not `touchpoint` ⏎ `high`. */
    private checkReadAsName(edit: WorkspaceEdit | undefined, newName: string): void {
        for (const [uri, edits] of Object.entries(edit?.changes ?? {})) {
            const document = this.documents.all.find((candidate) => candidate.uri.toString() === uri);
            const root = document?.parseResult.value.$cstNode;
            if (!document || !root) continue;
            for (const { range } of edits) {
                const leaf = CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(range.start));
                const before = leaf && lastLeafOf(CstUtils.getPreviousNode(leaf, false));
                if (!before || !isNamePosition(tokenOf(before), range.start.line)) {
                    throw new ResponseError(
                        ErrorCodes.InvalidParams,
                        `'${newName}' is a keyword of the .journey language and is read as a name only on the line of the word before it, which line ${range.start.line + 1} of ${document.uri.path.split('/').pop()} is not; pick another name or join the lines.`,
                    );
                }
            }
        }
    }

    private checkIdentifier(newName: string): void {
        if (!IDENTIFIER.test(newName)) {
            throw new ResponseError(
                ErrorCodes.InvalidParams,
                `'${newName}' is not a valid name: a name starts with a letter or '_' and contains only letters, digits and '_'.`,
            );
        }
    }

    private checkNoClash(target: AstNode & { name: string }, newName: string): void {
        const journey = AstUtils.getContainerOfType(target.$container, isJourney);
        const clash = this.namesThatMustDiffer(target, journey).find((node) => node.name === newName);
        if (clash) {
            const where = journey ? `in journey '${journey.name}'` : 'in the workspace';
            throw new ResponseError(
                ErrorCodes.InvalidParams,
                `'${newName}' is already the name of a ${kindLabel(clash.$type)} ${where}: two elements there cannot share a name.`,
            );
        }
    }

    /**
     * The elements whose names must differ from the target's (LANGUAGE.md, "Names and
     * references"): every element of its journey, or for a team, segment or journey,
     * the others of its kind in its project.
     */
    private namesThatMustDiffer(target: AstNode, journey: Journey | undefined): Array<AstNode & { name: string }> {
        const candidates = journey
            ? AstUtils.streamAllContents(journey)
            : this.documents.all
                .filter((document) => this.projects.sameProject(document.uri.toString(), AstUtils.getDocument(target).uri.toString()))
                .flatMap((document) => AstUtils.streamContents(document.parseResult.value));
        return candidates
            .filter((node): node is AstNode & { name: string } => isNamed(node) && node !== target)
            .filter((node) => journey !== undefined || node.$type === target.$type)
            .toArray();
    }

    private targetAt(document: LangiumDocument, params: RenameParams): (AstNode & { name: string }) | undefined {
        const root = document.parseResult.value.$cstNode;
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = root && CstUtils.findDeclarationNodeAtOffset(root, offset, this.grammarConfig.nameRegexp);
        const target = leaf && this.references.findDeclarations(leaf)[0];
        return target && isNamed(target) ? target : undefined;
    }
}

/** A leaf as the lexer's token it was made of (lines 0-based here, as in the range they are compared with). */
function tokenOf(leaf: LeafCstNode): { image: string; endLine: number; tokenType: { name: string } } {
    return { image: leaf.text, endLine: leaf.range.end.line, tokenType: leaf.tokenType };
}

/** The last token of a node (`improves` of a change's effect is inside its own rule). */
function lastLeafOf(node: CstNode | undefined): LeafCstNode | undefined {
    return node && CstUtils.streamCst(node).filter((child): child is LeafCstNode => isLeafCstNode(child) && !child.hidden).toArray().at(-1);
}
