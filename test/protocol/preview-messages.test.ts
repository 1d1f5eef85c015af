import { describe, expect, it } from 'vitest';
import { parsePageState, parseWebviewMessage } from '../../src/protocol/preview-messages.js';

describe('messages from the webview', () => {
    it('accepts every well-formed message', () => {
        for (const message of [
            { type: 'ready' },
            { type: 'select', id: 'touchpoint-sso' },
            { type: 'revealProblem' },
            { type: 'setJourney', journey: 'saas' },
            { type: 'setSegment', segment: 'enterprise' },
            { type: 'setSegment' },
            { type: 'setAudience', audience: 'customer' },
            { type: 'setView', view: 'priorities' },
            { type: 'setView', view: 'map' },
            { type: 'setLayout', layout: 'row' },
            { type: 'setLayout', layout: 'rows' },
            { type: 'panelWidth', width: 640 },
            { type: 'toggleLock' },
            { type: 'exportSvg' },
            { type: 'exportPng', base64: 'iVBORw0KGgo=' },
            { type: 'rendered', ids: ['stage-onboarding', 'touchpoint-sso'] },
        ]) {
            expect(parseWebviewMessage(message)).toEqual(message);
        }
    });

    it('ignores unknown types, missing fields and hostile values', () => {
        for (const message of [
            null,
            'select',
            42,
            { type: 'openFile', path: '/etc/passwd' },
            { type: 'select' },
            { type: 'select', id: '"><script>alert(1)</script>' },
            { type: 'select', id: '../../etc/passwd' },
            { type: 'setAudience', audience: 'everyone' },
            { type: 'setView', view: 'matrix' },
            { type: 'setView', view: ['priorities'] },
            { type: 'setView' },
            { type: 'setSegment', segment: 'a b' },
            { type: 'exportPng', base64: 'not base64!' },
            { type: 'exportPng', base64: 42 },
            { type: 'rendered', ids: ['ok', '<img>'] },
            { type: 'rendered', ids: 'stage-a' },
            // Only the ids of declared elements: nothing else has a source to reveal.
            { type: 'select', id: 'sso' },
            { type: 'select', id: '__proto__' },
            { type: 'select', id: 'flow-a-b' },
            { type: 'select', id: 'emotion-sso' },
            { type: 'rendered', ids: ['stage-a', 'header'] },
            { type: 'setLayout', layout: 'grid' },
            { type: 'setLayout' },
            { type: 'panelWidth', width: '640' },
            { type: 'panelWidth', width: 640.5 },
            { type: 'panelWidth', width: 10 },
            { type: 'panelWidth', width: 1e9 },
            { type: 'panelWidth', width: Number.NaN },
        ]) {
            expect(parseWebviewMessage(message)).toBeUndefined();
        }
    });

    it('drops extra fields', () => {
        expect(parseWebviewMessage({ type: 'exportSvg', path: '/tmp/x' })).toEqual({ type: 'exportSvg' });
    });

    it('restores only a well-formed page state', () => {
        expect(parsePageState({ documentUri: 'file:///a.journey', settings: { audience: 'customer', locked: true, segment: 'ent' } })).toEqual({
            documentUri: 'file:///a.journey',
            settings: { audience: 'customer', locked: true, segment: 'ent', journey: undefined, view: undefined },
        });
        expect(parsePageState({ settings: { audience: 'internal', locked: false, view: 'priorities' } }).settings?.view).toBe('priorities');
        expect(parsePageState({ settings: { audience: 'internal', locked: false, view: '<img>' } }).settings?.view).toBeUndefined();
        expect(parsePageState({ settings: { audience: 'all' } })).toEqual({ documentUri: undefined, settings: undefined });
        expect(parsePageState({ settings: { audience: 'internal', layout: 'row' } }).settings?.layout).toBe('row');
        expect(parsePageState({ settings: { audience: 'internal', layout: '<b>' } }).settings?.layout).toBeUndefined();
        expect(parsePageState('garbage')).toEqual({});
    });
});
