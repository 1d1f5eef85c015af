// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import type { MapChange } from '../../src/protocol/diagram-requests.js';
import type { ToWebview } from '../../src/protocol/preview-messages.js';
import { parseWebviewMessage } from '../../src/protocol/preview-messages.js';
import type { PreviewApp } from '../../src/webview/preview-app.js';
import { FakeHost, openPreviewPage } from './preview-page.js';

const MAP = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="400" viewBox="0 0 800 400">
<g id="touchpoint-kickoff" data-kind="touchpoint" data-change="changed"><rect width="100" height="50"/><text>Kickoff</text></g>
<g id="touchpoint-survey" data-kind="touchpoint" data-change="removed"><rect x="200" width="100" height="50"/><text>Survey</text></g>
</svg>`;

const HOSTILE = '<img src=x onerror=alert(1)>';
const CHANGES: MapChange[] = [
    { id: 'touchpoint-kickoff', state: 'changed', label: 'touchpoint "Kickoff call"', notes: ['touchpoint kickoff "Kickoff call": emotion +2 → 0'] },
    { id: 'touchpoint-survey', state: 'removed', label: `touchpoint "${HOSTILE}"`, notes: ['removed'], oldText: `touchpoint survey "${HOSTILE}" {\n  emotion 0\n}` },
];

function diagram(compare?: { base: string; changes: MapChange[] }): ToWebview {
    return { type: 'diagram', svg: MAP, fileName: 'saas.journey', journeys: [], segments: [], settings: { audience: 'internal', locked: false }, compare };
}

const byId = (id: string) => document.getElementById(id)!;

describe('compare mode in the preview page', () => {
    let host: FakeHost;
    let app: PreviewApp;

    beforeEach(() => {
        ({ host, app } = openPreviewPage());
    });

    it('shows the base and the Changes list only in compare mode', () => {
        app.handle(diagram());
        expect(byId('compare-field').hidden).toBe(true);
        app.handle(diagram({ base: 'HEAD', changes: CHANGES }));
        expect(byId('compare-field').hidden).toBe(false);
        expect(byId('compare-base').textContent).toBe('HEAD');
        expect(Array.from(document.querySelectorAll('#changes option'), (o) => o.textContent)).toEqual([
            '2 changes: pick one', 'CHANGED touchpoint "Kickoff call"', `REMOVED touchpoint "${HOSTILE}"`,
        ]);
        expect(document.querySelector('#changes img')).toBeNull();
    });

    it('picking a live change highlights its card and asks the editor to reveal it', () => {
        app.handle(diagram({ base: 'HEAD', changes: CHANGES }));
        const select = byId('changes') as HTMLSelectElement;
        select.value = '0';
        select.dispatchEvent(new Event('change'));
        expect(byId('touchpoint-kickoff').classList.contains('journey-highlight')).toBe(true);
        expect(host.posted).toContainEqual({ type: 'select', id: 'touchpoint-kickoff' });
    });

    it('picking a removed one shows its old text, as text', () => {
        app.handle(diagram({ base: 'HEAD', changes: CHANGES }));
        const select = byId('changes') as HTMLSelectElement;
        select.value = '1';
        select.dispatchEvent(new Event('change'));
        expect(byId('old-text').hidden).toBe(false);
        expect(byId('old-text-body').textContent).toBe(`touchpoint survey "${HOSTILE}" {\n  emotion 0\n}`);
        expect(byId('old-text').querySelector('img')).toBeNull();
        expect(host.posted.some((m) => m.type === 'select')).toBe(false);
    });

    it('Esc closes the old text first, then leaves compare mode; so does the button', () => {
        app.handle(diagram({ base: 'HEAD', changes: CHANGES }));
        const select = byId('changes') as HTMLSelectElement;
        select.value = '1';
        select.dispatchEvent(new Event('change'));
        document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
        expect(byId('old-text').hidden).toBe(true);
        expect(host.posted).not.toContainEqual({ type: 'leaveCompare' });
        document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
        expect(host.posted).toContainEqual({ type: 'leaveCompare' });
        host.posted = [];
        byId('leave-compare').click();
        expect(host.posted).toEqual([{ type: 'leaveCompare' }]);
    });

    it('Esc does nothing on a plain map; leaveCompare passes the message check', () => {
        app.handle(diagram());
        document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
        expect(host.posted).not.toContainEqual({ type: 'leaveCompare' });
        expect(parseWebviewMessage({ type: 'leaveCompare', extra: '<x>' })).toEqual({ type: 'leaveCompare' });
    });
});
