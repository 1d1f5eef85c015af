import { type AstNode, CstUtils, type LangiumDocument } from 'langium';
import type { Position } from 'vscode-languageserver';
import type { DeclaredKind } from '../protocol/element-id.js';

/** Declarations that have a card (or column) on the map, by AST type → diagram kind. */
const MAP_KINDS: Record<string, DeclaredKind> = {
    Stage: 'stage',
    Touchpoint: 'touchpoint',
    PainPoint: 'painpoint',
    Initiative: 'initiative',
    Metric: 'metric',
};

/** The innermost declaration with a place on the map around a position, as kind and name. */
export function mapElementAt(document: LangiumDocument, position: Position): { kind: DeclaredKind; name: string } | undefined {
    const root = document.parseResult.value.$cstNode;
    if (!root) return undefined;
    const offset = document.textDocument.offsetAt(position);
    const leaf = CstUtils.findLeafNodeAtOffset(root, offset) ?? CstUtils.findLeafNodeAtOffset(root, Math.max(0, offset - 1));
    for (let node: AstNode | undefined = leaf?.astNode; node; node = node.$container) {
        const kind = MAP_KINDS[node.$type];
        const name = (node as { name?: unknown }).name;
        if (kind && typeof name === 'string' && name) return { kind, name };
    }
    return undefined;
}
