import type { Diagnostic, Position, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagramRequestMethod, ElementAtRequestMethod } from '../../src/protocol/diagram-requests.js';
import { AUDIENCES } from '../../src/protocol/audience.js';
import { THEMES } from '../../src/protocol/theme.js';
import type { Random } from './random.js';

/** One request an editor sends, with its parameters. */
export interface EditorRequest {
    method: string;
    params: unknown;
}

/**
 * The requests VS Code and the preview send while someone types: at a random
 * position, for the document as it is now.
 */
export function editorRequests(document: TextDocument, diagnostics: readonly Diagnostic[], random: Random): EditorRequest[] {
    const textDocument = { uri: document.uri };
    const position = document.positionAt(random.int(0, document.getText().length));
    const around = aroundPosition(position);
    const near = diagnostics.filter((diagnostic) => diagnostic.range.start.line === position.line);
    return [
        { method: 'textDocument/completion', params: { textDocument, position } },
        { method: 'textDocument/hover', params: { textDocument, position } },
        { method: 'textDocument/documentSymbol', params: { textDocument } },
        { method: 'textDocument/formatting', params: { textDocument, options: { tabSize: 2, insertSpaces: true } } },
        { method: 'textDocument/semanticTokens/full', params: { textDocument } },
        { method: 'textDocument/foldingRange', params: { textDocument } },
        { method: 'textDocument/codeAction', params: { textDocument, range: near[0]?.range ?? around, context: { diagnostics: near } } },
        { method: 'textDocument/definition', params: { textDocument, position } },
        { method: 'textDocument/references', params: { textDocument, position, context: { includeDeclaration: true } } },
        {
            method: DiagramRequestMethod,
            params: { uri: document.uri, audience: random.pick(AUDIENCES), theme: random.pick(THEMES) },
        },
        { method: ElementAtRequestMethod, params: { uri: document.uri, position } },
    ];
}

function aroundPosition(position: Position): Range {
    return { start: position, end: position };
}
