/**
 * The figures of issue 16 measured as an editor sees them, over stdio (see
 * stdio-editor.ts): a map opened in a folder with its shared declarations,
 * then a word typed into a touchpoint's title, a new line typed (a syntax
 * error until it is complete), and completion, hover and go-to-definition
 * sent right behind a keystroke, while that keystroke's build is pending.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { generateJourney, sharedDeclarations, touchpointName } from './generate.js';
import { type Figure, summarise } from './measure.js';
import { type Position, StdioEditor } from './stdio-editor.js';
import type { SizeFigures } from './figures.js';

const WORD = 'quickly typed words';
const NEW_LINE = 'touchpoint added "A';

interface OpenedMap {
    editor: StdioEditor;
    uri: string;
    text: string;
    firstDiagnostics: number;
    folder: string;
}

/** Starts a server on a folder holding the shared declarations and a map of `touchpoints`, opens the map, waits for its problems. */
async function openMap(serverPath: string, touchpoints: number): Promise<OpenedMap> {
    // To profile the server: BENCH_SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/profiles' a profile per server process.
    const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
    const folder = mkdtempSync(path.join(tmpdir(), 'journey-bench-stdio-'));
    const text = generateJourney(touchpoints);
    writeFileSync(path.join(folder, 'shared.journey'), sharedDeclarations());
    writeFileSync(path.join(folder, 'bench.journey'), text);
    const uri = pathToFileURL(path.join(folder, 'bench.journey')).toString();
    const editor = await StdioEditor.start(serverPath, folder, nodeArgs);
    await editor.open(uri, text);
    await editor.publishedAfter(uri, 0);
    const firstDiagnostics = performance.now() - editor.started;
    const { errors, firstError } = editor.errorsOf(uri);
    if (errors > 0) throw new Error(`The generated journey of ${touchpoints} touchpoints has ${errors} errors: ${firstError}`);
    return { editor, uri, text, firstDiagnostics, folder };
}

async function close(map: OpenedMap): Promise<void> {
    await map.editor.stop();
    rmSync(map.folder, { recursive: true, force: true });
}

function positionAt(text: string, offset: number): Position {
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Where the middle touchpoint's declaration starts: the edits happen inside it. */
function middle(text: string, touchpoints: number): number {
    return text.indexOf(`touchpoint ${touchpointName(Math.floor(touchpoints / 2))} `);
}

/** Types `word` at `start`, one character per keystroke, each time waiting for the new problems; the time of each. */
async function typeWord(map: OpenedMap, start: Position, word: string, expectErrors?: boolean): Promise<number[]> {
    const times: number[] = [];
    for (let i = 0; i < word.length; i++) {
        const before = map.editor.publishCount(map.uri);
        const sent = performance.now();
        await map.editor.change(map.uri, { line: start.line, character: start.character + i }, word[i]);
        times.push((await map.editor.publishedAfter(map.uri, before)) - sent);
    }
    if (expectErrors === false && map.editor.errorsOf(map.uri).errors > 0) {
        throw new Error(`Benchmark setup: typing made errors: ${map.editor.errorsOf(map.uri).firstError}`);
    }
    return times;
}

/** Deletes what `typeWord` typed, and waits for the problems. */
async function untype(map: OpenedMap, start: Position, length: number): Promise<void> {
    const before = map.editor.publishCount(map.uri);
    await map.editor.change(map.uri, start, '', { line: start.line, character: start.character + length });
    await map.editor.publishedAfter(map.uri, before);
}

/** A request sent right behind a keystroke in the title; the time to its answer, checked with `works`. */
async function requestsAfterKeystrokes<R>(map: OpenedMap, title: Position, runs: number, send: () => Promise<R>, works: (result: R) => boolean, what: string): Promise<Figure> {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
        const before = map.editor.publishCount(map.uri);
        await map.editor.change(map.uri, { line: title.line, character: title.character + i }, 'x');
        const sent = performance.now();
        const result = await send();
        times.push(performance.now() - sent);
        if (!works(result)) throw new Error(`Benchmark setup: ${what} answered ${JSON.stringify(result)?.slice(0, 200)}`);
        await map.editor.publishedAfter(map.uri, before);
    }
    await untype(map, title, runs);
    return summarise(times);
}

/** Every stdio figure of one map size. */
export async function measureOverStdio(serverPath: string, touchpoints: number): Promise<SizeFigures> {
    const map = await openMap(serverPath, touchpoints);
    try {
        const figures: SizeFigures = { stdioFirstDiagnostics: summarise([map.firstDiagnostics]) };
        await map.editor.settle();
        figures.serverPeakMemoryAfterOpenMB = map.editor.peakMemoryMB();
        const declaration = middle(map.text, touchpoints);
        const title = positionAt(map.text, map.text.indexOf('"', declaration) + 1);
        const typing = await typeWord(map, title, WORD, false);
        figures.stdioFirstKeystroke = summarise([typing[0]]);
        figures.stdioKeystrokeToDiagnostics = summarise(typing);
        await untype(map, title, WORD.length);

        // A new line typed before the middle touchpoint: a syntax error at most keystrokes.
        const newLine = positionAt(map.text, declaration);
        await map.editor.change(map.uri, newLine, '\n    ');
        figures.stdioKeystrokeThroughSyntaxError = summarise(await typeWord(map, newLine, NEW_LINE));
        const restore = map.editor.publishCount(map.uri);
        await map.editor.change(map.uri, newLine, '', { line: newLine.line + 1, character: newLine.character });
        await map.editor.publishedAfter(map.uri, restore);

        const textDocument = { uri: map.uri };
        const afterOwner = positionAt(map.text, map.text.indexOf('owner ', declaration) + 'owner '.length);
        const onNext = positionAt(map.text, map.text.indexOf('next ', declaration) + 'next '.length + 1);
        const runs = 15;
        figures.stdioCompletionAfterKeystroke = await requestsAfterKeystrokes(map, title, runs,
            () => map.editor.request<{ items: { label: string }[] } | null>('textDocument/completion', { textDocument, position: afterOwner }),
            (list) => Boolean(list?.items.some((item) => item.label === 'support')), 'completion after `owner `');
        figures.stdioHoverAfterKeystroke = await requestsAfterKeystrokes(map, title, runs,
            () => map.editor.request<{ contents: unknown } | null>('textDocument/hover', { textDocument, position: onNext }),
            (hover) => Boolean(hover?.contents), 'hover on a `next` reference');
        figures.stdioDefinitionAfterKeystroke = await requestsAfterKeystrokes(map, title, runs,
            () => map.editor.request<unknown[] | null>('textDocument/definition', { textDocument, position: onNext }),
            (locations) => Array.isArray(locations) && locations.length > 0, 'go to definition on a `next` reference');
        figures.serverPeakMemoryMB = map.editor.peakMemoryMB();
        return figures;
    } finally {
        await close(map);
    }
}

/** Sizes of the opening curve, in MB of map text. */
export const CURVE_MB = [0.5, 1, 2, 3.5, 5];

/** The time from starting the server to the first problems of a map of each size: opening cost against file size. */
export async function measureOpeningCurve(serverPath: string): Promise<SizeFigures> {
    const bytesPerTouchpoint = Buffer.byteLength(generateJourney(1000)) / 1000;
    const figures: SizeFigures = {};
    for (const mb of CURVE_MB) {
        const touchpoints = Math.round((mb * 1024 * 1024) / bytesPerTouchpoint / 10) * 10;
        const map = await openMap(serverPath, touchpoints);
        figures[`open${mb}MB`] = summarise([map.firstDiagnostics]);
        figures[`open${mb}MBPeakMemoryMB`] = map.editor.peakMemoryMB();
        await close(map);
    }
    const first = figures[`open${CURVE_MB[0]}MB`] as Figure;
    const last = figures[`open${CURVE_MB[CURVE_MB.length - 1]}MB`] as Figure;
    // Linear growth keeps the time per MB level; above 1 the big file costs more per MB than the small one.
    const perMB = (figure: Figure, mb: number) => figure.median / mb;
    figures.growthPerMB = Math.round((perMB(last, CURVE_MB[CURVE_MB.length - 1]) / perMB(first, CURVE_MB[0])) * 100) / 100;
    return figures;
}
