// Types of tools.mjs, for the TypeScript that drives a real VS Code (bench/vscode-figures.ts).
export interface Tools {
    nodeBin: string;
    serverMain: string;
    chromium: string;
}
export const NODE_VERSION: string;
export const CODE_SERVER_VERSION: string;
export const CHROMIUM: string;
export function ensureTools(cacheDir: string): Tools;
