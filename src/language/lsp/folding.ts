/**
 * Folding ranges: every declaration's block, multi-line block comments (both
 * from Langium's default) and runs of consecutive `//` comment lines, which
 * is how people usually write a long comment in a .journey file.
 */
import { type AstNode, CstUtils, type LangiumDocument, isNamed } from 'langium';
import { DefaultFoldingRangeProvider, type FoldingRangeAcceptor } from 'langium/lsp';
import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver';

export class JourneyFoldingRangeProvider extends DefaultFoldingRangeProvider {
    /** Only declarations fold; their parts (a target, an effect) are one line anyway. */
    protected override shouldProcess(node: AstNode): boolean {
        return isNamed(node);
    }

    protected override collectCommentFolding(document: LangiumDocument, node: AstNode, acceptor: FoldingRangeAcceptor): void {
        super.collectCommentFolding(document, node, acceptor);
        if (!node.$cstNode) return;
        const lines = document.textDocument;
        let run: { start: number; end: number } | undefined;
        const flush = () => {
            if (run && run.end > run.start) acceptor(FoldingRange.create(run.start, run.end, undefined, undefined, FoldingRangeKind.Comment));
            run = undefined;
        };
        for (const leaf of CstUtils.flattenCst(node.$cstNode)) {
            const line = leaf.range.start.line;
            const ownLine = lines.getText({ start: { line, character: 0 }, end: leaf.range.start }).trim() === '';
            if (leaf.tokenType.name === 'SL_COMMENT' && ownLine) {
                if (run && line === run.end + 1) run.end = line;
                else { flush(); run = { start: line, end: line }; }
            } else {
                flush();
            }
        }
        flush();
    }
}
