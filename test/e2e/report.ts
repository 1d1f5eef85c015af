// The extension host's console reaches the browser console mixed with the
// workbench's own log; the harness prints only the lines carrying this mark.
import { format } from 'node:util';

export const OUTPUT_MARK = '[journey-e2e] ';

export function report(...args: unknown[]): void {
    console.log(OUTPUT_MARK + format(...args));
}

/**
 * Asks the web harness for a screenshot of the window now (saved as
 * test-results/e2e-NAME.png), then gives it time to be taken. Under
 * @vscode/test-electron nobody listens, and nothing happens.
 */
export async function requestScreenshot(name: string): Promise<void> {
    report(`screenshot:${name}`);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
}

/**
 * Whether the harness clicks in webviews: the web harness (run-web.mjs) does,
 * with the browser's mouse; under @vscode/test-electron nobody listens.
 */
export const harnessClicksInWebviews = process.env.JOURNEY_E2E_CLICKS === '1';

/** Asks the web harness for a real mouse click on the element with this id in the preview. The caller waits for its effect. */
export function requestClickInPreview(elementId: string): void {
    report(`click:${elementId}`);
}

/**
 * Asks the web harness to type into the quick pick that is about to open
 * and press Enter, as a person would; under @vscode/test-electron nobody
 * listens (check harnessClicksInWebviews first). The caller waits for the effect.
 */
export function requestPickInQuickPick(text: string): void {
    report(`pick:${text}`);
}

/** Asks the web harness to click the header of a side-bar view (collapsing or expanding it); the caller waits for the effect. */
export function requestClickOnViewHeader(title: string): void {
    report(`view-header:${title}`);
}

/**
 * Tells the web harness that the window came up without the workspace's
 * folders, so that it opens the scenario's window once more. Under
 * @vscode/test-electron nobody listens, and the test fails as it would.
 */
export function reportWindowNotReady(): void {
    report('window-not-ready');
}
