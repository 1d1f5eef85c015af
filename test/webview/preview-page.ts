import { previewHtml } from '../../src/extension/preview-html.js';
import { PreviewApp } from '../../src/webview/preview-app.js';
import type { FromWebview, PageState } from '../../src/protocol/preview-messages.js';

/** The nonce the tests' preview page is made with: the page's own style elements carry it. */
export const NONCE = 'test-nonce';

/** VS Code's side of the webview: the messages the page posted, and the state it saved. */
export class FakeHost {
    posted: FromWebview[] = [];
    state: unknown;
    postMessage(message: FromWebview) {
        this.posted.push(message);
    }
    getState() {
        return this.state;
    }
    setState(state: PageState) {
        this.state = state;
    }
}

/** The preview's page as the extension makes it (CSP and all), without its script and style sheet, in the test's document. */
export function loadPage(): void {
    const html = previewHtml({ cspSource: 'vscode-resource:', scriptUri: 'preview.js', styleUri: 'preview.css' }, NONCE);
    const parsed = new DOMParser().parseFromString(html, 'text/html');
    parsed.querySelectorAll('script, link').forEach((element) => element.remove());
    document.head.innerHTML = parsed.head.innerHTML;
    document.body.innerHTML = parsed.body.innerHTML;
}

/** A fresh preview page with its app, and the fake VS Code host it posts to. */
export function openPreviewPage(): { host: FakeHost; app: PreviewApp } {
    loadPage();
    const host = new FakeHost();
    return { host, app: new PreviewApp(document, host, NONCE) };
}
