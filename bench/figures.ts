/**
 * The figures of one map size, measured in this process: the language server's
 * work per keystroke, completion, hover and formatting, then the model, the
 * layout and the SVG, and the preview's path from a change to a new SVG.
 */
import { performance } from 'node:perf_hooks';
import { EmptyFileSystem, type LangiumDocument, URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createJourneyServices } from '../src/language/journey-module.js';
import { fixedClock } from '../src/language/clock.js';
import type { Document } from '../src/language/generated/ast.js';
import { modelOfDocuments } from '../src/language/workspace-loader.js';
import type { Journey } from '../src/model/types.js';
import { createWorkerLayouter, layoutJourney, renderSvg } from '../src/diagram/index.js';
import { diagramOf } from '../src/server/diagram-requests.js';
import { generateJourney, sharedDeclarations, touchpointName } from './generate.js';
import { type Figure, measure, PeakMemory, summarise } from './measure.js';

export const TODAY = '2026-11-23';

export type SizeFigures = Record<string, Figure | number | string>;

/** An in-memory workspace driven as the language server drives it: text documents, then builder updates. */
export class BenchWorkspace {
    readonly services = createJourneyServices(EmptyFileSystem, { clock: fixedClock(TODAY) });
    private versions = new Map<string, number>();

    async open(files: { uri: string; text: string }[]): Promise<LangiumDocument<Document>[]> {
        const { workspace } = this.services.shared;
        const opened = files.map(({ uri, text }) => {
            const document = workspace.LangiumDocumentFactory.fromTextDocument<Document>(this.setText(uri, text));
            workspace.LangiumDocuments.addDocument(document);
            return document;
        });
        await workspace.DocumentBuilder.build(opened, { validation: true });
        return opened;
    }

    /** What the server does on didChange: new text, then an update of that document and the ones it affects. */
    async edit(uri: string, text: string): Promise<void> {
        this.setText(uri, text);
        await this.services.shared.workspace.DocumentBuilder.update([URI.parse(uri)], []);
    }

    async close(uri: string): Promise<void> {
        await this.services.shared.workspace.DocumentBuilder.update([], [URI.parse(uri)]);
    }

    document(uri: string): LangiumDocument<Document> {
        return this.services.shared.workspace.LangiumDocuments.getDocument(URI.parse(uri)) as LangiumDocument<Document>;
    }

    private setText(uri: string, text: string): TextDocument {
        const version = (this.versions.get(uri) ?? 0) + 1;
        this.versions.set(uri, version);
        const document = TextDocument.create(uri, 'journey', version, text);
        this.services.shared.workspace.TextDocuments.set(document);
        return document;
    }
}

/** A keystroke in the journey's title on the first line, so that everything after it moves. */
function titleTyped(text: string): string {
    const at = text.indexOf('Synthetic journey') + 'S'.length;
    return text.slice(0, at) + 'y' + text.slice(at);
}

/** A line added inside the middle touchpoint: every later line moves down. */
function lineAdded(text: string, touchpoints: number): string {
    const declaration = text.indexOf(`touchpoint ${touchpointName(Math.floor(touchpoints / 2))} `);
    const at = text.indexOf('\n', declaration) + 1;
    return `${text.slice(0, at)}      internal\n${text.slice(at)}`;
}

/** A touchpoint named `name` added before the middle one. */
function touchpointAdded(text: string, touchpoints: number, name: string): string {
    const at = text.indexOf(`touchpoint ${touchpointName(Math.floor(touchpoints / 2))} `);
    return `${text.slice(0, at)}touchpoint ${name} "Added while typing" { channel web }\n    ${text.slice(at)}`;
}

/** The middle touchpoint's closing brace deleted: a syntax error, so the whole text is parsed (and again when it is typed back). */
function braceDeleted(text: string, touchpoints: number): string {
    const declaration = text.indexOf(`touchpoint ${touchpointName(Math.floor(touchpoints / 2))} `);
    const at = text.indexOf('}', declaration);
    return text.slice(0, at) + text.slice(at + 1);
}

/** The position just after `owner ` inside the middle touchpoint: completion there offers teams. */
function positionAfterOwner(document: LangiumDocument, touchpoints: number) {
    const text = document.textDocument.getText();
    const declaration = text.indexOf(`touchpoint ${touchpointName(Math.floor(touchpoints / 2))} `);
    const offset = text.indexOf('owner ', declaration) + 'owner '.length;
    return document.textDocument.positionAt(offset);
}

/** A position on a `next` reference in the middle of the map. */
function positionOnNext(document: LangiumDocument, touchpoints: number) {
    const text = document.textDocument.getText();
    const declaration = text.indexOf(`touchpoint ${touchpointName(Math.floor(touchpoints / 2))} `);
    const offset = text.indexOf('next ', declaration) + 'next '.length + 1;
    return document.textDocument.positionAt(offset);
}

export async function measureSize(touchpoints: number): Promise<SizeFigures> {
    const memory = new PeakMemory();
    const heavy = touchpoints >= 5000;
    const runs = heavy ? { warmup: 1, runs: 5 } : { warmup: 2, runs: 9 };
    const text = generateJourney(touchpoints);
    const bench = new BenchWorkspace();
    const { Journey } = bench.services;
    await bench.open([{ uri: 'memory:///shared.journey', text: sharedDeclarations() }]);

    const figures: SizeFigures = { touchpoints, lines: text.split('\n').length, bytes: Buffer.byteLength(text) };
    figures.tokenize = await measure(() => Journey.parser.Lexer.tokenize(text), runs);
    figures.parse = await measure(() => Journey.parser.LangiumParser.parse(text), runs);

    let fresh = 0;
    figures.parseLinkValidate = await measure(async () => {
        const uri = `memory:///fresh-${fresh++}.journey`;
        await bench.open([{ uri, text: text.replace('journey bench ', `journey fresh${fresh} `) }]);
        await bench.close(uri);
    }, runs);

    const uri = 'memory:///bench.journey';
    const [document] = await bench.open([{ uri, text }]);
    const errors = (document.diagnostics ?? []).filter((d) => d.severity === 1);
    if (errors.length > 0) throw new Error(`The generated journey has errors: ${errors[0].message}`);

    // Each keystroke is made, then undone, so that every run changes the text.
    const keystrokes = async (edited: string) => {
        let run = 0;
        const figure = await measure(() => bench.edit(uri, run++ % 2 ? text : edited), runs);
        if (run % 2) await bench.edit(uri, text);
        return figure;
    };
    figures.revalidateAfterEdit = await keystrokes(titleTyped(text));
    figures.revalidateAfterLineAdded = await keystrokes(lineAdded(text, touchpoints));
    figures.revalidateSyntaxBroken = await keystrokes(braceDeleted(text, touchpoints));

    const textDocument = { uri };
    const completion = Journey.lsp.CompletionProvider!;
    const completionAt = positionAfterOwner(bench.document(uri), touchpoints);
    await expectWorking(
        completion.getCompletion(bench.document(uri), { textDocument, position: completionAt }),
        (list) => Boolean(list?.items.some((item) => item.label === 'support')),
        'completion after `owner ` offers no teams',
    );
    figures.completion = await measure(() => completion.getCompletion(bench.document(uri), { textDocument, position: completionAt }), runs);
    const hoverAt = positionOnNext(bench.document(uri), touchpoints);
    await expectWorking(
        Journey.lsp.HoverProvider!.getHoverContent(bench.document(uri), { textDocument, position: hoverAt }),
        (hover) => hover !== undefined,
        'hover on a `next` reference shows nothing',
    );
    figures.hover = await measure(() => Journey.lsp.HoverProvider!.getHoverContent(bench.document(uri), { textDocument, position: hoverAt }), runs);
    const formatter = Journey.lsp.Formatter;
    figures.formatting = formatter
        ? await measure(() => formatter.formatDocument(bench.document(uri), { textDocument, options: { tabSize: 2, insertSpaces: true } }), runs)
        : 'not available';

    const documents = () => bench.services.shared.workspace.LangiumDocuments.all.toArray();
    figures.modelBuild = await measure(() => modelOfDocuments(documents(), TODAY), runs);
    const journey = modelOfDocuments(documents(), TODAY).journeys.find((j) => j.name === 'bench')!;
    // V8 keeps optimising ELK in each of the two workers over the first dozen layouts (500 touchpoints: ~320 ms
    // falling to ~170 ms), so the warm figures need a longer warm-up; the cold cost is in the `journey render` row.
    const layoutRuns = heavy ? { warmup: 1, runs: 3 } : { ...runs, warmup: 12 };
    // Every stage laid out again: the cost of a map ELK has not seen (stages are otherwise reused across layouts).
    const fromScratch = { reuseStages: false };
    // One layouter for the whole size, as the language server has one: the preview's figure below reuses the stages laid out here.
    const layouter = createWorkerLayouter();
    figures.layout = await measure(() => layoutJourney(journey, layouter, fromScratch), layoutRuns);
    const layout = await layoutJourney(journey, layouter);
    figures.svg = await measure(() => renderSvg(layout), runs);
    figures.layoutAndSvg = await measure(async () => renderSvg(await layoutJourney(journey, layouter, fromScratch)), layoutRuns);
    let renames = 0;
    figures.layoutAfterStageEdit = await measure(() => layoutJourney(renamed(journey, touchpoints, renames++), layouter), layoutRuns);

    // A keystroke in a touchpoint's name in the middle stage, with a new name on every run: the preview
    // re-lays out that stage (never a reused one) and redraws the map. A touchpoint nothing refers to,
    // so that the map stays valid.
    const withAdded = (name: string) => touchpointAdded(text, touchpoints, name);
    await bench.edit(uri, withAdded('added0'));
    let previewEdits = 0;
    figures.previewChangeToSvg = await measure(async () => {
        await bench.edit(uri, withAdded(`added${++previewEdits}`));
        const all = bench.services.shared.workspace.LangiumDocuments.all.toArray();
        const result = await diagramOf(bench.document(uri), { uri, audience: 'internal', theme: 'light' }, all, TODAY, layouter);
        if (result.kind !== 'diagram') throw new Error(`The preview drew no map: ${result.kind}`);
    }, layoutRuns);
    // The same keystrokes in compare mode (Journey: Compare with HEAD): the base is the map before them.
    figures.previewCompareChangeToSvg = await measure(async () => {
        await bench.edit(uri, withAdded(`added${++previewEdits}`));
        const all = bench.services.shared.workspace.LangiumDocuments.all.toArray();
        const compare = { label: 'HEAD', text };
        const result = await diagramOf(bench.document(uri), { uri, audience: 'internal', theme: 'light', compare }, all, TODAY, layouter);
        if (result.kind !== 'diagram' || !result.changes?.some((change) => change.state === 'added')) throw new Error(`The preview drew no compare map: ${result.kind}`);
    }, layoutRuns);
    await bench.edit(uri, text);

    if (heavy) figures.completionDuringLayout = await completionWhileLayoutRuns(() => layoutJourney(journey, layouter, fromScratch), () =>
        completion.getCompletion(bench.document(uri), { textDocument, position: completionAt }),
    );
    await layouter.dispose();
    figures.peakMemoryMB = memory.stop();
    return figures;
}

/** The journey with its middle touchpoint renamed (to a new name on every run): its stage, and the one its flow comes from, change. */
function renamed(journey: Journey, touchpoints: number, run: number): Journey {
    const from = touchpointName(Math.floor(touchpoints / 2));
    const to = `${from}_renamed${run}`;
    const rename = (name: string) => (name === from ? to : name);
    return {
        ...journey,
        touchpoints: journey.touchpoints.map((t) => ({ ...t, name: rename(t.name), next: t.next.map(rename) })),
        stages: journey.stages.map((stage) => ({ ...stage, touchpoints: stage.touchpoints.map(rename) })),
        flow: journey.flow.map((step) => ({ from: rename(step.from), to: rename(step.to) })),
        painPoints: journey.painPoints.map((painPoint) => ({ ...painPoint, at: painPoint.at.map(rename) })),
    };
}

/** A figure is only worth measuring when the feature answers what a user would see. */
async function expectWorking<T>(result: T | Promise<T>, works: (value: T) => boolean, problem: string): Promise<void> {
    if (!works(await result)) throw new Error(`Benchmark setup: ${problem}.`);
}

/** Completion latency while a layout of the same map runs in its worker (what typing feels like during a redraw). */
async function completionWhileLayoutRuns(layout: () => Promise<unknown>, complete: () => unknown): Promise<Figure> {
    const times: number[] = [];
    const running = layout();
    let done = false;
    void running.finally(() => (done = true));
    while (!done && times.length < 20) {
        const start = performance.now();
        await complete();
        times.push(performance.now() - start);
        await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await running;
    return summarise(times);
}

/** 200 files of 50 touchpoints and a shared file: the time and memory to index and validate them all. */
export async function measureWorkspace(files = 200, touchpoints = 50): Promise<SizeFigures> {
    const texts = Array.from({ length: files }, (_, i) => ({ uri: `memory:///ws/j${i}.journey`, text: generateJourney(touchpoints, `journey${i}`) }));
    const times: number[] = [];
    let peak = 0;
    for (let run = 0; run < 3; run++) {
        const memory = new PeakMemory();
        const bench = new BenchWorkspace();
        const start = performance.now();
        await bench.open([{ uri: 'memory:///ws/shared.journey', text: sharedDeclarations() }, ...texts]);
        times.push(performance.now() - start);
        peak = Math.max(peak, memory.stop());
    }
    return { files: files + 1, touchpoints: files * touchpoints, indexWorkspace: summarise(times), peakMemoryMB: peak };
}
