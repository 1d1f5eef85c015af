import * as path from 'node:path';
import { createWorkerLayouter, LayoutError, type Layouter, renderComparisonSvg, renderJourneySvg, renderPrioritiesSvg } from '../../diagram/index.js';
import { systemClock } from '../../language/clock.js';
import { loadBaseVersion } from '../compare-base.js';
import { type Theme, THEMES } from '../../protocol/theme.js';
import { MAP_VIEWS } from '../../protocol/diagram-requests.js';
import { type Command, ExitCode, flag, type Output, type ParsedCommand, stringOption } from '../command.js';
import type { Journey } from '../../model/types.js';
import { htmlPage } from '../formats/html-page.js';
import { embedFont } from '../formats/shipped-font.js';
import { PAGE_SIZE_NAMES, PAGE_SIZES, type PageSizeName } from '../formats/page-sizes.js';
import { singlePicturePng, pageFileNames, type PngSize, positiveNumberOption, renderPngPages } from '../formats/png-pages.js';
import { JOURNEY_OPTIONS, selectJourney } from '../select-journey.js';
import { UsageError } from '../usage-error.js';
import { writeResult } from '../write-output.js';

const FORMATS = ['svg', 'png', 'html'] as const;
type Format = (typeof FORMATS)[number];

/** --format, or the extension of -o, or svg. An -o whose extension says another format is an error, not a mislabelled file. */
function outputFormat(format: string | undefined, output: string | undefined): Format {
    const extension = output === undefined ? '' : path.extname(output).slice(1).toLowerCase();
    const known = (FORMATS as readonly string[]).includes(extension);
    if (output !== undefined && extension !== '' && format === undefined && !known) {
        throw new UsageError(`journey render: cannot tell the format from -o ${output}: name the file .svg, .png or .html`);
    }
    if (output !== undefined && extension !== '' && format !== undefined && extension !== format) {
        const renamed = output.slice(0, output.length - extension.length) + format;
        throw new UsageError(`journey render: -o ${output} does not match --format ${format}: name the file ${renamed}${known ? ', or leave out --format' : ''}`);
    }
    return (format ?? (known ? extension : 'svg')) as Format;
}

export const renderCommand: Command = {
    name: 'render',
    summary: 'Draw the map of a journey as SVG, PNG or a self-contained HTML page.',
    usage: ['render <file> [-o FILE] [--format svg|png|html] [--view map|priorities] [--theme light|dark|high-contrast] [--compare REV|OLDFILE] [--fit slide|page|pr] [--max-width PX] [--width PX] [--scale N] [--embed-font] [--journey NAME] [--segment NAME] [--audience internal|customer] [--workspace DIR]'],
    options: {
        output: { type: 'string', short: 'o', value: 'FILE', description: 'write to FILE (whole or not at all) instead of stdout' },
        format: { type: 'string', choices: FORMATS, description: 'svg (default), png, or html with zoom and pan; -o FILE.png picks png, and -o must end in the format given' },
        theme: { type: 'string', choices: THEMES, description: 'colours (default light)' },
        view: { type: 'string', choices: MAP_VIEWS, description: 'map (default), or priorities: the impact × effort matrix of the initiatives, quick wins highlighted' },
        compare: { type: 'string', value: 'REV|OLDFILE', description: 'mark what changed since a git revision or an old file: new, changed, removed (dashed)' },
        width: { type: 'string', value: 'PX', description: 'PNG: draw it PX pixels wide (a slide: 1920); a map too wide to stay legible becomes pages' },
        scale: { type: 'string', value: 'N', description: 'PNG: N pixels per map pixel (default 2; at least 1, so that text stays legible)' },
        fit: { type: 'string', choices: PAGE_SIZE_NAMES, description: `wrap the stages into rows for ${PAGE_SIZE_NAMES.map((name) => `${name} (${PAGE_SIZES[name].description})`).join(', ')}; a PNG taller than a slide or page becomes pages` },
        'max-width': { type: 'string', value: 'PX', description: 'wrap the stages into rows so that the map is at most PX wide (at 100 %)' },
        'embed-font': { type: 'boolean', description: 'SVG and HTML: put the map\'s font (Liberation Sans, about 1.1 MB) into the file, so that it looks the same where the font is not installed' },
        ...JOURNEY_OPTIONS,
    },
    details: `The file is resolved together with the other .journey files of its folder
(recursively), or of --workspace DIR. A file with errors is not rendered (exit 1);
warnings do not block. PNG and HTML use no network. Text is drawn in Liberation
Sans (shipped with journey; PNG always uses it); an SVG or HTML file names it and
falls back to Helvetica or Arial (same widths) unless --embed-font puts it inside.
Scripts it lacks (Japanese, Arabic, emoji…) come from the viewer's system fonts.
Without --format, the extension of -o (.svg, .png or .html) picks the format;
an -o whose extension is another format's is an error (exit 2). The header
shows the review's date, not its age, which would change the output every day.

Examples:
  journey render maps/onboarding.journey -o onboarding.svg
  journey render maps/onboarding.journey -o onboarding.png --theme dark
  journey render maps/onboarding.journey --fit slide -o slide.png
  journey render maps/onboarding.journey --max-width 1000 -o pr.svg
  journey render maps/onboarding.journey --audience customer --segment enterprise -o customer.html
  journey render maps/onboarding.journey --compare main -o changes.png
  journey render maps/onboarding.journey --view priorities -o priorities.png`,
    async run(args, output) {
        // Not warmed up: most maps need no ELK at all (src/diagram/layered lays out their stages), and a worker holds ~150 MB.
        const layouter = createWorkerLayouter();
        try {
            return await render(args, output, layouter);
        } finally {
            await layouter.dispose();
        }
    },
};

async function render(args: ParsedCommand, output: Output, layouter: Layouter): Promise<number> {
    const target = stringOption(args, 'output');
    const format = outputFormat(stringOption(args, 'format'), target);
    const theme = (stringOption(args, 'theme') ?? 'light') as Theme;
    const { journey } = await selectJourney('render', args);
    if (format === 'png' && target === undefined && output.stdoutIsTerminal) {
        throw new UsageError('journey render: a PNG is not written to a terminal: name a file with -o, or redirect stdout');
    }
    if (format === 'png' && flag(args, 'embed-font')) {
        throw new UsageError('journey render: --embed-font puts the font into an SVG or HTML file; a PNG is always drawn in it (leave out --embed-font)');
    }
    if (format !== 'png' && (stringOption(args, 'width') ?? stringOption(args, 'scale')) !== undefined) {
        throw new UsageError(`journey render: --width and --scale size a PNG; ${format.toUpperCase()} is drawn at its own size (use --format png)`);
    }
    const compare = stringOption(args, 'compare');
    const wraps = (stringOption(args, 'fit') ?? stringOption(args, 'max-width')) !== undefined;
    if (wraps && (compare !== undefined || stringOption(args, 'view') === 'priorities')) {
        throw new UsageError(`journey render: --fit and --max-width wrap the map into rows; ${compare !== undefined ? 'the compare map' : 'the priorities view'} is drawn in one piece (size a PNG with --width)`);
    }
    if (stringOption(args, 'view') === 'priorities') {
        if (compare !== undefined) {
            throw new UsageError('journey render: --compare marks changes on the map; leave it out with --view priorities');
        }
        if (stringOption(args, 'audience') === 'customer') {
            throw new UsageError('journey render: the priorities view shows impact, effort, owners and statuses, which customers do not see; leave out --audience customer');
        }
        const svg = renderPrioritiesSvg(journey, { theme, today: stringOption(args, 'today') ?? systemClock.today() });
        return writeDrawing(withFont(svg, args), { format, target, title: `Priorities: ${journey.title}`, theme, size: pngSizeOf(args) }, output);
    }
    const base = compare === undefined ? undefined : await loadBaseVersion({
        given: compare, file: path.resolve(args.positionals[0]), workspace: stringOption(args, 'workspace'), journey, today: stringOption(args, 'today'),
    });
    if (format === 'png' && !base) {
        return renderPng(journey, layouter, theme, args, target, output);
    }
    const drawn = base ? renderComparisonSvg(base.journey, journey, layouter, { theme, base: base.label }) : renderJourneySvg(journey, layouter, { theme, maxWidth: mapWidthOf(args) });
    const svg = withFont(await drawn.catch(asUsageError), args);
    return writeDrawing(svg, { format, target, title: journey.title, theme, size: pngSizeOf(args) }, output);
}

async function writeDrawing(svg: string, how: { format: Format; target?: string; title: string; theme: Theme; size: PngSize }, output: Output): Promise<number> {
    const { format, target, theme } = how;
    if (format === 'svg') {
        await writeResult(target, svg, output);
    } else if (format === 'html') {
        await writeResult(target, htmlPage(svg, { title: how.title, theme }), output);
    } else {
        // A comparison or a priorities matrix is one picture: drawn at a legible size, or refused.
        const { png, warning } = singlePicturePng(svg, how.size);
        if (warning) {
            output.stderr(`journey render: ${warning}`);
        }
        await writeResult(target, png, output);
    }
    return ExitCode.Ok;
}

/** The SVG with the shipped font inside it when --embed-font asks. */
function withFont(svg: string, args: ParsedCommand): string {
    if (!flag(args, 'embed-font')) {
        return svg;
    }
    const embedded = embedFont(svg);
    if (embedded === undefined) {
        throw new UsageError('journey render: --embed-font cannot find the font files (media/fonts next to the journey command): reinstall journey, or leave out --embed-font');
    }
    return embedded;
}

/** A layout that times out or crashes is not a bug in the user's file: one line, exit 2. */
function asUsageError(error: unknown): never {
    throw error instanceof LayoutError ? new UsageError(`journey render: ${error.message}`) : error;
}

function pngSizeOf(args: ParsedCommand): PngSize {
    const fit = stringOption(args, 'fit') as PageSizeName | undefined;
    const maxWidth = positiveNumberOption(stringOption(args, 'max-width'), 'max-width');
    return { width: positiveNumberOption(stringOption(args, 'width'), 'width'), scale: positiveNumberOption(stringOption(args, 'scale'), 'scale'), fit, maxWidth };
}

/** SVG and HTML: the width the map's stages wrap to, from --max-width or --fit. */
function mapWidthOf(args: ParsedCommand): number | undefined {
    const fit = stringOption(args, 'fit') as PageSizeName | undefined;
    return positiveNumberOption(stringOption(args, 'max-width'), 'max-width') ?? (fit && PAGE_SIZES[fit].width);
}

async function renderPng(journey: Journey, layouter: Layouter, theme: Theme, args: ParsedCommand, target: string | undefined, output: Output): Promise<number> {
    const { pages, warning } = await renderPngPages(journey, layouter, theme, pngSizeOf(args)).catch(asUsageError);
    if (warning) {
        output.stderr(`journey render: ${warning}`);
    }
    if (pages.length > 1 && target === undefined) {
        throw new UsageError(`journey render: the map needs ${pages.length} pages to stay legible: name a file with -o (map.png writes map-1.png …)`);
    }
    const files = target === undefined ? [undefined] : pageFileNames(target, pages.length);
    for (const [i, page] of pages.entries()) {
        await writeResult(files[i], page.png, output);
    }
    if (pages.length > 1) {
        output.stderr(`journey render: the map does not fit one page at a legible size: wrote ${pages.length} pages, ${files.join(', ')}`);
    }
    return ExitCode.Ok;
}
