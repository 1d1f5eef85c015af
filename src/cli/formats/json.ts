/**
 * journey → the JSON export: the model as it is, except that no absolute path
 * of the author's machine leaves it. Every source location's `uri` becomes a
 * `path` relative to the workspace root, with forward slashes. (The customer
 * view has no source locations at all.)
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Journey, SourceLocation } from '../../model/types.js';

export interface ExportedSource extends Omit<SourceLocation, 'uri'> {
    /** Relative to the workspace root, `/`-separated: `journeys/onboarding.journey`. */
    path: string;
}

export function journeyToJson(journey: Journey, root: string): string {
    const replacer = (key: string, value: unknown) => (key === 'source' && isSourceLocation(value) ? relativeSource(value, root) : value);
    return `${JSON.stringify(journey, replacer, 2)}\n`;
}

function relativeSource({ uri, start, end }: SourceLocation, root: string): ExportedSource {
    const file = uri.startsWith('file:') ? fileURLToPath(uri) : uri;
    return { path: path.relative(root, file).split(path.sep).join('/'), start, end };
}

function isSourceLocation(value: unknown): value is SourceLocation {
    return typeof value === 'object' && value !== null && typeof (value as { uri?: unknown }).uri === 'string';
}
