import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { GrammarAST } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { createTestServices } from '../helpers/services.js';
import { randomEdit, type TextEdit } from './edits.js';
import { editorRequests } from './editor-requests.js';
import { comparable, EditorSession } from './editor-session.js';
import { Random } from './random.js';
import { DiagramRequestMethod } from '../../src/protocol/diagram-requests.js';
import { copyWorkspace, type FuzzWorkspace } from './workspaces.js';

export interface FuzzOptions {
    seed: number;
    /** Edits in all, shared out over the files. */
    edits: number;
    workspaces: FuzzWorkspace[];
    /** Every request must be answered within this. */
    requestTimeoutMs?: number;
    /** Progress lines, for long runs. */
    log?: (line: string) => void;
}

export interface FuzzFailure {
    workspace: string;
    file: string;
    /** The edit count at which it happened, in the whole run. */
    edit: number;
    problem: string;
    /** The text at the time, saved for a minimal reproduction. */
    textFile: string;
    recentEdits: string[];
}

export interface FuzzReport {
    seed: number;
    edits: number;
    requests: number;
    /** Slowest answer, in ms, and to which request. */
    slowestMs: number;
    slowestMethod: string;
    undoFallbacks: number;
    failures: FuzzFailure[];
}

/** How long diagnostics may take to settle after the text is restored. */
const SETTLE_MS = 10_000;

/**
 * Random edits of every file through the bundled server, with the editor's
 * requests between bursts, and undo back to the original text. Checks that the
 * server stays up, never answers with an internal error, answers every request
 * in time, and that after the undo its diagnostics equal a fresh server's.
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
    const random = new Random(options.seed);
    const keywords = grammarKeywords();
    const report: FuzzReport = { seed: options.seed, edits: 0, requests: 0, slowestMs: 0, slowestMethod: '', undoFallbacks: 0, failures: [] };
    const fileCount = options.workspaces.reduce((sum, workspace) => sum + workspace.files.length, 0);
    const perFile = Math.max(1, Math.ceil(options.edits / fileCount));
    for (const workspace of options.workspaces) {
        const folder = copyWorkspace(workspace);
        const [editor, fresh] = await Promise.all([EditorSession.start(folder), EditorSession.start(folder)]);
        try {
            await openThePreview(editor, pathToFileURL(join(folder, workspace.files[0])).toString());
            for (const file of workspace.files) {
                const failure = await fuzzFile({ workspace, folder, file, editor, fresh, random, keywords, perFile, report, options });
                if (failure) {
                    report.failures.push(failure);
                    options.log?.(`FAILURE in ${workspace.name}/${file} at edit ${failure.edit} (text in ${failure.textFile}): ${failure.problem}`);
                    break; // The server's state is suspect from here on; go on with the next workspace.
                }
            }
        } finally {
            await Promise.all([editor.stop(), fresh.stop()]);
            rmSync(folder, { recursive: true, force: true });
        }
        options.log?.(`${workspace.name}: ${report.edits} edits, ${report.requests} requests so far, slowest answer ${Math.round(report.slowestMs)} ms (${report.slowestMethod})`);
    }
    return report;
}

/** As an editor opens the preview before typing: the layout worker's start is not part of any keystroke's time. */
async function openThePreview(editor: EditorSession, uri: string): Promise<void> {
    await editor.send({ method: DiagramRequestMethod, params: { uri, audience: 'internal', theme: 'light' } }, 60_000);
}

interface FileRun {
    workspace: FuzzWorkspace;
    folder: string;
    file: string;
    editor: EditorSession;
    fresh: EditorSession;
    random: Random;
    keywords: readonly string[];
    perFile: number;
    report: FuzzReport;
    options: FuzzOptions;
}

async function fuzzFile(run: FileRun): Promise<FuzzFailure | undefined> {
    const { editor, fresh, random, report, options } = run;
    const uri = pathToFileURL(join(run.folder, run.file)).toString();
    const original = readFileSync(join(run.folder, run.file), 'utf8');
    await fresh.open(uri, original);
    const expected = await fresh.client.diagnosticsFor(uri, () => true, SETTLE_MS);
    await editor.open(uri, original);
    const recent: string[] = [];
    const fail = (problem: string): FuzzFailure => {
        const textFile = join(tmpdir(), `journey-fuzz-${options.seed}-${report.edits}.journey`);
        writeFileSync(textFile, editor.document(uri).getText());
        return { workspace: run.workspace.name, file: run.file, edit: report.edits, problem, textFile, recentEdits: recent.slice(-12) };
    };
    let done = 0;
    while (done < run.perFile) {
        const undo: TextEdit[] = [];
        for (let burst = random.int(1, 4); burst > 0; burst--) {
            for (let count = random.int(1, 6); count > 0; count--) {
                const text = editor.document(uri).getText();
                const edit = randomEdit(text, original, run.keywords, random);
                recent.push(`${edit.kind} at ${edit.start}-${edit.end}: ${JSON.stringify(edit.text.slice(0, 60))}`);
                const before = editor.document(uri);
                // Offsets as the document has them: a position cannot point between \r and \n.
                const start = before.offsetAt(before.positionAt(edit.start));
                const end = before.offsetAt(before.positionAt(edit.end));
                const after = await editor.change(uri, start, end, edit.text);
                undo.push({ start, end: after.offsetAt(after.positionAt(start + edit.text.length)), text: text.slice(start, end), kind: 'undo' });
                done++;
                report.edits++;
            }
            const problem = await checkRequests(editor, uri, random, report, options.requestTimeoutMs ?? 2_000);
            if (problem) return fail(problem);
        }
        for (const edit of undo.reverse()) {
            await editor.change(uri, edit.start, edit.end, edit.text);
        }
        if (editor.document(uri).getText() !== original) {
            // An undo step that a position could not express exactly (inside a \r\n): put the original back whole.
            report.undoFallbacks++;
            await editor.change(uri, 0, editor.document(uri).getText().length, original);
        }
        const problem = await checkRestored(editor, uri, expected);
        if (problem) return fail(problem);
    }
    return undefined;
}

async function checkRequests(editor: EditorSession, uri: string, random: Random, report: FuzzReport, timeoutMs: number): Promise<string | undefined> {
    const requests = editorRequests(editor.document(uri), await editor.diagnostics(uri), random);
    const text = editor.document(uri).getText();
    const outcomes = await Promise.all(requests.map((request) => editor.send(request, timeoutMs, text)));
    report.requests += requests.length;
    for (const outcome of outcomes) {
        if (!outcome.ok) return outcome.problem;
        if (outcome.ms > report.slowestMs) {
            report.slowestMs = outcome.ms;
            report.slowestMethod = outcome.method;
        }
    }
    if (editor.loggedErrors.length > 0) return `the server logged an error: ${editor.loggedErrors[0]}`;
    const internal = EditorSession.internalDiagnostics(await editor.diagnostics(uri), text);
    if (internal.length > 0) return `a diagnostic shows an internal error: ${internal[0].message}`;
    return undefined;
}

async function checkRestored(editor: EditorSession, uri: string, expected: readonly Diagnostic[]): Promise<string | undefined> {
    const settled = await editor.settledDiagnostics(uri, expected, SETTLE_MS);
    if (comparable(settled) === comparable(expected)) return undefined;
    return `after the text was restored, the diagnostics differ from a fresh server's:\n  got      ${comparable(settled)}\n  expected ${comparable(expected)}`;
}

/** Every keyword of the grammar: the stray words people type. */
function grammarKeywords(): string[] {
    const grammar = createTestServices().Journey.Grammar;
    const keywords = grammar.rules.filter(GrammarAST.isParserRule).flatMap((rule) => [...streamKeywords(rule.definition)]);
    return [...new Set(keywords)].filter((keyword) => /^[a-z]/.test(keyword));
}

function* streamKeywords(element: GrammarAST.AbstractElement): Generator<string> {
    if (GrammarAST.isKeyword(element)) yield element.value;
    if (GrammarAST.isGroup(element) || GrammarAST.isAlternatives(element) || GrammarAST.isUnorderedGroup(element)) {
        for (const child of element.elements) yield* streamKeywords(child);
    } else if (GrammarAST.isAssignment(element)) {
        yield* streamKeywords(element.terminal);
    }
}
