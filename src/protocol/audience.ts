/**
 * Who a map is drawn for: everything (`internal`) or only what customers may
 * see. The model's view holds the value (the model imports nothing, so the
 * type is read from it); the CLI, the preview's toolbar, the extension's
 * setting and the webview messages check it here.
 */
import type { JourneyView } from '../model/types.js';

export type Audience = JourneyView['audience'];
export const AUDIENCES: readonly Audience[] = ['internal', 'customer'];

export function isAudience(value: unknown): value is Audience {
    return typeof value === 'string' && (AUDIENCES as readonly string[]).includes(value);
}
