import { Cancellation, DocumentState } from 'langium';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestWorkspace } from '../../helpers/workspace.js';

/*
 * Every keystroke cancels the build the previous one started. A build
 * cancelled after linking and before the references are indexed must not
 * leave a map linked to the declarations of a text that is gone: the fuzzer
 * found a segments file, edited and restored, still reporting each of its
 * segments as unused because the maps' `for` lists pointed at segments of an
 * intermediate text.
 */

const SEGMENTS = 'segment smb "Small business"\nsegment agency "Agencies"\n';
const MAP = `team cs "CS"
journey j {
  owner cs
  reviewed 2026-11-01
  stage s { touchpoint t { channel web  emotion 0  for smb, agency } }
}
`;

describe('a build cancelled by the next keystroke', () => {
    it('leaves the maps linked to the segments of the text that is there now', async () => {
        const workspace = new TestWorkspace();
        await workspace.write({ 'segments.journey': SEGMENTS, 'map.journey': MAP });
        expect(workspace.document('segments.journey').diagnostics).toEqual([]);

        const builder = workspace.services.shared.workspace.DocumentBuilder;
        const cancelled = new Cancellation.CancellationTokenSource();
        const afterLinking = builder.onBuildPhase(DocumentState.Linked, () => cancelled.cancel());
        const textDocuments = workspace.services.shared.workspace.TextDocuments as unknown as { set(document: TextDocument): void };
        const uri = workspace.uri('segments.journey');
        textDocuments.set(TextDocument.create(uri.toString(), 'journey', 100, `// a comment typed above\n${SEGMENTS}`));
        await expect(builder.update([uri], [], cancelled.token)).rejects.toThrow();
        afterLinking.dispose();

        await workspace.write({ 'segments.journey': SEGMENTS });
        expect(workspace.document('segments.journey').diagnostics?.map((diagnostic) => diagnostic.message)).toEqual([]);
        expect(workspace.document('map.journey').diagnostics?.map((diagnostic) => diagnostic.message)).toEqual([]);
    });
});
