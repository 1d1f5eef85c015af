/** The preview page's entry: bundled into media/dist/preview.js, loaded with the page's nonce. */
import type { FromWebview, PageState, ToWebview } from '../protocol/preview-messages.js';
import { PreviewApp } from './preview-app.js';

interface VsCodeApi {
    postMessage(message: FromWebview): void;
    getState(): unknown;
    setState(state: PageState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const nonce = (document.currentScript as HTMLScriptElement | null)?.nonce ?? '';
const app = new PreviewApp(document, vscode, nonce);

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
    // Messages come only from the extension host; anything else has no type we know.
    if (event.data && typeof event.data === 'object' && typeof event.data.type === 'string') app.handle(event.data);
});
vscode.postMessage({ type: 'ready' });
