import type { LangiumDocument } from 'langium';
import type { Position, Range } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { Document } from '../../src/language/generated/ast.js';
import { buildDocuments } from '../../src/language/workspace-loader.js';
import { createTestServices } from './services.js';

/** One file of a test workspace, with its markers: `<|>` a cursor, `<|name|>` a range. */
export interface MarkedDocument {
    document: LangiumDocument<Document>;
    uri: string;
    /** Cursor positions, in the order of their `<|>` markers. */
    cursors: Position[];
    /** Ranges, in the order of their `<|` markers. */
    ranges: Range[];
}

/**
 * Builds (parses, indexes, links) in-memory files as one workspace, so that
 * cross-file features can be tested: `workspaceOf({ 'teams.journey': '…' })`.
 */
export async function workspaceOf(files: Record<string, string>, services = createTestServices()) {
    const stripped = Object.entries(files).map(([name, text]) => ({ name, uri: URI.parse(`memory:///${name}`), ...stripMarkers(text) }));
    const documents = await buildDocuments(services.shared, stripped.map(({ uri, output }) => ({ uri, text: output })), { validation: true });
    const marked: Record<string, MarkedDocument> = {};
    stripped.forEach(({ name, uri, cursors, ranges }, i) => {
        const document = documents[i];
        const at = (offset: number) => document.textDocument.positionAt(offset);
        marked[name] = {
            document,
            uri: uri.toString(),
            cursors: cursors.map(at),
            ranges: ranges.map(([start, end]) => ({ start: at(start), end: at(end) })),
        };
    });
    return { services, files: marked };
}

function stripMarkers(text: string): { output: string; cursors: number[]; ranges: Array<[number, number]> } {
    const cursors: number[] = [];
    const ranges: Array<[number, number]> = [];
    const open: number[] = [];
    let output = '';
    for (let i = 0; i < text.length; ) {
        if (text.startsWith('<|>', i)) {
            cursors.push(output.length);
            i += 3;
        } else if (text.startsWith('<|', i)) {
            open.push(output.length);
            i += 2;
        } else if (text.startsWith('|>', i)) {
            ranges.push([open.pop()!, output.length]);
            i += 2;
        } else {
            output += text[i++];
        }
    }
    ranges.sort((a, b) => a[0] - b[0]);
    return { output, cursors, ranges };
}
