/**
 * `npm run bench`: measures the figures of issue 7 at 50, 500 and 5,000
 * touchpoints and for a workspace of 200 files, those of issue 16 over stdio
 * at 500, 5,000 and 20,000 touchpoints and the opening curve from 0.5 to
 * 5 MB, and the preview in a real VS Code at 500 and 5,000 touchpoints
 * (keystroke → map updated in the webview), prints a table, writes
 * bench/results.json, and with `--check` exits non-zero when a median
 * exceeds its budget in bench/budgets.json.
 * `--only in-process` (or `stdio`, or `vscode`) measures one part;
 * `--only opening` the opening curve alone (part of `stdio`);
 * `--stdio-sizes 20000` (comma-separated) narrows the stdio sizes and leaves
 * the curve out.
 *
 * Each size runs in its own child process so that its peak memory is its own.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateJourney, sharedDeclarations } from './generate.js';
import { measureSize, measureWorkspace, type SizeFigures } from './figures.js';
import { type Figure, summarise } from './measure.js';
import { measureServerStartup } from './server-startup.js';
import { CURVE_MB, measureOpeningCurve, measureOverStdio } from './stdio-figures.js';
import { measureInVsCode } from './vscode-figures.js';

const SIZES = [50, 500, 5000];
const STDIO_SIZES = [500, 5000, 20000];
const VSCODE_SIZES = [500, 5000];
const PARTS = ['in-process', 'stdio', 'opening', 'vscode'];
const SELF = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(SELF), '..');
/** GNU time reports a process's peak resident memory, workers included. */
const GNU_TIME = '/usr/bin/time';

async function child(which: string): Promise<void> {
    const server = path.join(ROOT, 'out', 'server.cjs');
    const figures = which === 'workspace' ? await measureWorkspace()
        : which === 'opening' ? await measureOpeningCurve(server)
        : which.startsWith('stdio:') ? await measureOverStdio(server, Number(which.slice('stdio:'.length)))
        : await measureSize(Number(which));
    process.stdout.write(JSON.stringify(figures));
    process.exit(0);
}

function runChild(which: string): SizeFigures {
    const output = execFileSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', SELF, '--child', which], {
        cwd: ROOT,
        maxBuffer: 16 * 1024 * 1024,
        stdio: ['ignore', 'pipe', 'inherit'],
    });
    return JSON.parse(output.toString()) as SizeFigures;
}

/** The whole `journey render` process, as CI runs it: start, load, validate, lay out, write; its time and peak memory. */
function measureRenderProcess(touchpoints: number): SizeFigures {
    const peaks: number[] = [];
    const time = measureProcess({ 'shared.journey': sharedDeclarations(), 'bench.journey': generateJourney(touchpoints) },
        (folder) => ['render', path.join(folder, 'bench.journey'), '-o', path.join(folder, 'bench.svg')], [0], peaks);
    return { renderProcess: time, renderPeakMemoryMB: peaks.length > 0 ? summarise(peaks).median : 'not measured' };
}

/**
 * The whole `journey diff` process on two versions of a map, as a pull
 * request's check runs it: a title changed, an emotion changed, a touchpoint
 * added (exit 3: changes found).
 */
function measureDiffProcess(touchpoints: number): Figure | string {
    const before = generateJourney(touchpoints);
    const after = before
        .replace(/touchpoint tp0 "[^"]*"/, 'touchpoint tp0 "Reads the pricing page"')
        .replace('emotion +1', 'emotion -1')
        .replace(/(\n {2}stage s1 [^\n]*\n)/, '$1    touchpoint added "A new touchpoint" { channel web  emotion 0 }\n');
    return measureProcess({ 'shared.journey': sharedDeclarations(), 'old.journey': before, 'new.journey': after },
        (folder) => ['diff', path.join(folder, 'old.journey'), path.join(folder, 'new.journey'), '--workspace', folder], [3]);
}

/**
 * A CLI command as a whole process, first run discarded (disk cache); median of three.
 * With `peaks`, each run's peak resident memory in MB (GNU time's %M) is pushed to it.
 */
function measureProcess(files: Record<string, string>, args: (folder: string) => string[], expectedStatus: number[], peaks?: number[]): Figure | string {
    const cli = path.join(ROOT, 'out', 'cli.cjs');
    const folder = mkdtempSync(path.join(tmpdir(), 'journey-bench-'));
    try {
        for (const [name, text] of Object.entries(files)) writeFileSync(path.join(folder, name), text);
        const times: number[] = [];
        for (let run = 0; run < 4; run++) {
            const command = [process.execPath, cli, ...args(folder), '--today', '2026-11-23'];
            const timed = peaks && existsSync(GNU_TIME) ? [GNU_TIME, '-f', 'peak-rss-kb %M', ...command] : command;
            const start = performance.now();
            const result = spawnSync(timed[0], timed.slice(1), { encoding: 'utf8' });
            const elapsed = performance.now() - start;
            if (!expectedStatus.includes(result.status ?? -1)) return `failed: ${(result.stderr || result.stdout).split('\n')[0]}`;
            if (run > 0) times.push(elapsed);
            const peak = /peak-rss-kb (\d+)/.exec(result.stderr)?.[1];
            if (run > 0 && peak && peaks) peaks.push(Math.round(Number(peak) / 1024));
        }
        return summarise(times);
    } finally {
        rmSync(folder, { recursive: true, force: true });
    }
}

const COLUMNS: [string, string][] = [
    ['tokenize', 'tokenize only'],
    ['parse', 'parse'],
    ['parseLinkValidate', 'parse + link + validate'],
    ['revalidateAfterEdit', 're-validate: 1 char typed in title'],
    ['revalidateAfterLineAdded', 're-validate: line added in stage'],
    ['revalidateSyntaxBroken', 're-validate: syntax broken/fixed'],
    ['completion', 'completion'],
    ['completionDuringLayout', 'completion while layout runs'],
    ['hover', 'hover'],
    ['formatting', 'formatting'],
    ['modelBuild', 'model build'],
    ['layout', 'layout, every stage (ELK only where needed)'],
    ['svg', 'SVG render'],
    ['layoutAndSvg', 'layout + SVG'],
    ['layoutAfterStageEdit', 'layout: 1 touchpoint renamed'],
    ['previewChangeToSvg', 'preview: name typed → SVG'],
    ['previewCompareChangeToSvg', 'compare preview: typed → SVG'],
    ['renderProcess', '`journey render` process'],
    ['renderPeakMemoryMB', '`journey render` peak memory (MB)'],
    ['diffProcess', '`journey diff` process'],
    ['indexWorkspace', 'index workspace'],
    ['serverStartup', 'server start-up → every file\'s problems'],
    ['peakMemoryMB', 'peak memory (MB)'],
    ['stdioFirstDiagnostics', 'stdio: open → first problems'],
    ['stdioFirstKeystroke', 'stdio: first keystroke → problems'],
    ['stdioKeystrokeToDiagnostics', 'stdio: keystroke → problems'],
    ['stdioKeystrokeThroughSyntaxError', 'stdio: keystroke → problems, syntax error'],
    ['stdioCompletionAfterKeystroke', 'stdio: completion right after a keystroke'],
    ['stdioHoverAfterKeystroke', 'stdio: hover right after a keystroke'],
    ['stdioDefinitionAfterKeystroke', 'stdio: definition right after a keystroke'],
    ['serverPeakMemoryAfterOpenMB', 'stdio: server peak memory after opening (MB)'],
    ['serverPeakMemoryMB', 'stdio: server peak memory (MB)'],
    ['vscodeFirstPreview', 'VS Code: Open Preview → map shown'],
    ['vscodeKeystrokeToPreview', 'VS Code: keystroke → preview painted'],
    ['vscodeKeystrokeToPreviewP90', 'VS Code: keystroke → preview, 90th percentile'],
    ['vscodeKeystrokeToPreviewDom', 'VS Code: keystroke → preview DOM updated'],
];

function cell(value: Figure | number | string | undefined): string {
    if (value === undefined) return '';
    if (typeof value === 'number') return String(value);
    if (typeof value === 'string') return value;
    return `${value.median} (${value.min}–${value.max})`;
}

function table(results: Record<string, SizeFigures>): string {
    const keys = Object.keys(results);
    const header = ['figure (ms, median (min–max))', ...keys.map((key) => (key === 'workspace' ? '200 files × 50' : `${key} touchpoints`))];
    const rows = COLUMNS.filter(([id]) => keys.some((key) => results[key][id] !== undefined)).map(([id, label]) => [
        label,
        ...keys.map((key) => cell(results[key][id])),
    ]);
    const ratio = keys.map((key) => {
        const parse = results[key].parse as Figure | undefined;
        const tokenize = results[key].tokenize as Figure | undefined;
        return parse && tokenize ? `${(parse.median / Math.max(tokenize.median, 0.01)).toFixed(1)}×` : '';
    });
    if (ratio.some(Boolean)) rows.splice(2, 0, ['parse ÷ tokenize', ...ratio]);
    const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => (row[column] ?? '').length)));
    const line = (row: string[]) => `| ${row.map((text, column) => (text ?? '').padEnd(widths[column])).join(' | ')} |`;
    return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** The opening curve: time to the first problems and the server's peak memory against the map's size. */
function curve(opening: SizeFigures): string {
    const rows = CURVE_MB.map((mb) => {
        const figure = opening[`open${mb}MB`];
        const ms = typeof figure === 'object' ? figure.median : NaN;
        return `| ${String(mb).padStart(4)} MB | ${String(ms).padStart(8)} ms | ${String(Math.round(ms / mb)).padStart(6)} ms/MB | ${cell(opening[`open${mb}MBPeakMemoryMB`]).padStart(5)} MB |`;
    });
    return ['| map size | open → problems | per MB | server peak memory |', '|---|---|---|---|', ...rows, `\ngrowth of the time per MB from ${CURVE_MB[0]} to ${CURVE_MB[CURVE_MB.length - 1]} MB: ${cell(opening.growthPerMB)}×`].join('\n');
}

/** Every budget a median exceeds, as messages. */
function overBudget(results: Record<string, SizeFigures>, partial: boolean): string[] {
    const budgets = JSON.parse(readFileSync(path.join(ROOT, 'bench', 'budgets.json'), 'utf8')) as Record<string, Record<string, number>>;
    const failures: string[] = [];
    for (const [size, limits] of Object.entries(budgets)) {
        if (size.startsWith('$')) continue;
        for (const [figure, limit] of Object.entries(limits)) {
            const value = results[size]?.[figure];
            const unit = figure.endsWith('MB') ? 'MB' : figure.startsWith('growth') ? '×' : 'ms';
            const median = typeof value === 'number' ? value : typeof value === 'object' ? value.median : undefined;
            // `--only` measures one part of the figures: the other parts' budgets are not checked.
            if (value === undefined && partial) continue;
            if (median === undefined) failures.push(`${size} ${figure}: not measured (${cell(value) || 'missing'})`);
            else if (median > limit) failures.push(`${size} ${figure}: median ${median} ${unit} exceeds the budget of ${limit} ${unit}`);
        }
    }
    return failures;
}

async function main(): Promise<void> {
    const childIndex = process.argv.indexOf('--child');
    if (childIndex >= 0) return child(process.argv[childIndex + 1]);
    const check = process.argv.includes('--check');
    const onlyIndex = process.argv.indexOf('--only');
    const only = onlyIndex >= 0 ? process.argv[onlyIndex + 1] : undefined;
    if (only !== undefined && !PARTS.includes(only)) throw new Error(`--only ${only}: the parts are ${PARTS.join(', ')}`);
    const measures = (part: string) => only === undefined || only === part;
    const results: Record<string, SizeFigures> = {};
    if (measures('in-process')) {
        for (const size of SIZES) {
            console.error(`Measuring ${size} touchpoints…`);
            results[size] = { ...runChild(String(size)), ...measureRenderProcess(size), diffProcess: measureDiffProcess(size) };
        }
        console.error('Measuring a workspace of 200 files…');
        results.workspace = { ...runChild('workspace'), serverStartup: await measureServerStartup(path.join(ROOT, 'out', 'server.cjs')) };
    }
    const sizesIndex = process.argv.indexOf('--stdio-sizes');
    const stdioSizes = only === 'opening' ? [] : sizesIndex >= 0 ? process.argv[sizesIndex + 1].split(',').map(Number) : STDIO_SIZES;
    if (measures('stdio') || only === 'opening') {
        for (const size of stdioSizes) {
            console.error(`Measuring ${size} touchpoints over stdio…`);
            results[size] = { ...results[size], ...runChild(`stdio:${size}`) };
        }
        if (sizesIndex < 0 || only === 'opening') {
            console.error(`Measuring the opening curve (${CURVE_MB.join(', ')} MB)…`);
            results.opening = runChild('opening');
        }
    }
    if (measures('vscode')) {
        const figures = await measureInVsCode(ROOT, VSCODE_SIZES, path.join(ROOT, 'test-results'));
        for (const [size, sizeFigures] of Object.entries(figures)) results[size] = { ...results[size], ...sizeFigures };
    }
    const { opening, ...sizes } = results;
    console.log(table(sizes));
    if (opening) console.log(`\n${curve(opening)}`);
    const file = path.join(ROOT, 'bench', 'results.json');
    writeFileSync(`${file}.tmp`, JSON.stringify({ machine: machine(), results }, null, 2) + '\n');
    renameSync(`${file}.tmp`, file);
    console.log(`\nWritten to ${path.relative(process.cwd(), file)}`);
    if (check) {
        const failures = overBudget(results, only !== undefined || sizesIndex >= 0);
        for (const failure of failures) console.error(`over budget: ${failure}`);
        if (failures.length > 0) process.exit(1);
        console.log('All budgets met.');
    }
}

function machine(): Record<string, string | number> {
    return { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', date: new Date().toISOString() };
}

main().catch((error) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
});
