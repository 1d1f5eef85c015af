import type { AstNode } from 'langium';

/**
 * The nodes of a tree in the order of Langium's `AstUtils.streamAst` (the
 * node, then each child in the order of its properties), collected by a
 * plain loop. Why: on a large map a build walks every node several times,
 * and Langium's stream allocates an iterator and a state object per node —
 * as much time as the work done at the nodes. `descend` is asked of each
 * node whether its children are wanted.
 */
export function astNodesOf(root: AstNode, descend: (node: AstNode) => boolean = () => true): AstNode[] {
    const nodes: AstNode[] = [];
    const visit = (node: AstNode): void => {
        nodes.push(node);
        if (!descend(node)) return;
        for (const key in node) {
            if (key.charCodeAt(0) === DOLLAR) continue;
            const value = (node as unknown as Record<string, unknown>)[key];
            if (Array.isArray(value)) {
                for (const item of value) if (isNode(item)) visit(item);
            } else if (isNode(value)) {
                visit(value);
            }
        }
    };
    visit(root);
    return nodes;
}

const DOLLAR = '$'.charCodeAt(0);

function isNode(value: unknown): value is AstNode {
    return typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';
}
