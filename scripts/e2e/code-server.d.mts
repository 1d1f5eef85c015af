// Types of code-server.mjs, for the TypeScript that drives it (bench/vscode-figures.ts).
import type { ChildProcess } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import type { Tools } from './tools.mjs';

export function toolsCacheDir(): string;
export function startVsCodeServer(tools: Tools, temp: string, options?: { env?: Record<string, string>; settings?: Record<string, unknown> }): Promise<{ server: ChildProcess; port: number; logFile: string }>;
export function launchBrowser(tools: Tools): Promise<Browser>;
export function workbenchUrl(port: number, root: string, opened: { folder: string } | { workspace: string }, testsEntry?: string): string;
export function killGroup(child: ChildProcess): Promise<void>;
export function pickInQuickPick(page: Page, text: string): Promise<void>;
export function typeInQuickPick(page: Page, text: string): Promise<void>;
