/**
 * The map's colour themes: the SVG renderer has a palette for each, the CLI
 * offers them as `--theme`, the extension picks one from VS Code's theme and
 * asks the server for it.
 */

export type Theme = 'light' | 'dark' | 'high-contrast';
export const THEMES: readonly Theme[] = ['light', 'dark', 'high-contrast'];
