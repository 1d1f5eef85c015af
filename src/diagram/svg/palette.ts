/**
 * The map's colours: light, dark and high-contrast palettes, written into the
 * SVG's <style> twice — once as plain colours of the chosen theme (what
 * rasterisers such as resvg understand) and once through CSS variables, which
 * browsers use, so that the preview can switch theme by setting the class
 * `jm-theme-dark` / `jm-theme-light` / `jm-theme-high-contrast` on the <svg>,
 * or override single `--jm-*` variables.
 */
import { type Theme, THEMES } from '../../protocol/theme.js';

type Palette = Record<
    | 'bg' | 'lane' | 'laneAlt' | 'grid' | 'head' | 'surface' | 'border'
    | 'strong' | 'text' | 'muted' | 'accent'
    | 'segmentBg' | 'segmentFg' | 'neutralBg' | 'neutralFg' | 'chipFg'
    | 'low' | 'medium' | 'high' | 'critical' | 'danger' | 'ok' | 'link',
    string
>;

const PALETTES: Record<Theme, Palette> = {
    light: {
        bg: '#ffffff', lane: '#ffffff', laneAlt: '#f6f8fa', grid: '#d0d7de', head: '#eef2f7', surface: '#ffffff', border: '#afb8c1',
        strong: '#1f2328', text: '#32383f', muted: '#59636e', accent: '#3b5ea8',
        segmentBg: '#ddf4ff', segmentFg: '#0a3069', neutralBg: '#eaeef2', neutralFg: '#32383f', chipFg: '#ffffff',
        low: '#57606a', medium: '#9a6700', high: '#bc4c00', critical: '#a40e26', danger: '#cf222e', ok: '#1a7f37', link: '#8c959f',
    },
    dark: {
        bg: '#1e1e1e', lane: '#1e1e1e', laneAlt: '#252526', grid: '#3c3f44', head: '#2a2d31', surface: '#2d2f33', border: '#5a6068',
        strong: '#f0f3f6', text: '#d5d9de', muted: '#a0a8b1', accent: '#79a6f6',
        segmentBg: '#12324f', segmentFg: '#a5d6ff', neutralBg: '#3a3f45', neutralFg: '#d5d9de', chipFg: '#0d1117',
        low: '#9ea7b3', medium: '#d29922', high: '#f0883e', critical: '#ff7b72', danger: '#f85149', ok: '#3fb950', link: '#7d8590',
    },
    'high-contrast': {
        bg: '#000000', lane: '#000000', laneAlt: '#000000', grid: '#ffffff', head: '#000000', surface: '#000000', border: '#ffffff',
        strong: '#ffffff', text: '#ffffff', muted: '#ffffff', accent: '#00e5ff',
        segmentBg: '#000000', segmentFg: '#00e5ff', neutralBg: '#000000', neutralFg: '#ffffff', chipFg: '#000000',
        low: '#ffffff', medium: '#ffd700', high: '#ff9e3d', critical: '#ff6b6b', danger: '#ff6b6b', ok: '#3dff7a', link: '#ffffff',
    },
};

type Key = keyof Palette;

/** The style rules, with each colour written by `colour`. */
function rules(colour: (key: Key) => string): string {
    const c = colour;
    return [
        `.jm-bg{fill:${c('bg')}}`,
        `.jm-lane{fill:${c('lane')}}`,
        `.jm-lane-alt{fill:${c('laneAlt')}}`,
        `.jm-grid{stroke:${c('grid')};fill:none}`,
        `.jm-head{fill:${c('head')}}`,
        `.jm-card{fill:${c('surface')};stroke:${c('border')}}`,
        `.jm-alert{stroke:${c('danger')};stroke-width:2}`,
        `.jm-t-strong{fill:${c('strong')}}`,
        `.jm-t-normal{fill:${c('text')}}`,
        `.jm-t-muted{fill:${c('muted')}}`,
        `.jm-t-danger{fill:${c('danger')}}`,
        `.jm-edge{stroke:${c('accent')};fill:none}`,
        `.jm-arrowhead{fill:${c('accent')}}`,
        `.jm-link{stroke:${c('link')};fill:none}`,
        `.jm-curve{stroke:${c('accent')};fill:none}`,
        `.jm-zero{stroke:${c('muted')};fill:none}`,
        `.jm-pos{fill:${c('ok')}}`,
        `.jm-neg{fill:${c('danger')}}`,
        `.jm-neutral{fill:${c('muted')}}`,
        `.jm-fill-accent{fill:${c('accent')}}`,
        `.jm-lock{fill:${c('muted')};stroke:${c('muted')}}`,
        `.jm-mark-fg{stroke:${c('bg')};fill:none}`,
        `.jm-change-added{stroke:${c('ok')};fill:none}`,
        `.jm-change-changed{stroke:${c('medium')};fill:none}`,
        `.jm-change-removed{stroke:${c('danger')};fill:none}`,
        `.jm-chip-segment{fill:${c('segmentBg')};stroke:${c('segmentFg')}}`,
        `.jm-chip-segment-text{fill:${c('segmentFg')}}`,
        `.jm-chip-neutral{fill:${c('neutralBg')};stroke:${c('neutralFg')}}`,
        `.jm-chip-neutral-text{fill:${c('neutralFg')}}`,
        ...(['low', 'medium', 'high', 'critical', 'danger', 'ok'] as const).flatMap((tone) => [
            `.jm-chip-${tone}{fill:${c(tone)};stroke:${c(tone)}}`,
            `.jm-chip-${tone}-text{fill:${c('chipFg')}}`,
            `.jm-fill-${tone}{fill:${c(tone)}}`,
        ]),
    ].join('\n');
}

function variables(palette: Palette): string {
    return (Object.keys(palette) as Key[]).map((key) => `--jm-${key}:${palette[key]}`).join(';');
}

/** The <style> content for an SVG drawn in `theme`. */
export function paletteCss(theme: Theme): string {
    const themeVariables = THEMES.map((name) => `.jm.jm-theme-${name}{${variables(PALETTES[name])}}`).join('\n');
    return [
        rules((key) => PALETTES[theme][key]),
        '@supports (color: var(--jm-bg)) {',
        themeVariables,
        rules((key) => `var(--jm-${key})`),
        '}',
    ].join('\n');
}
