import { describe, expect, it } from 'vitest';
import { connectionId, DECLARED_KINDS, elementId, isDeclaredElementId, isDeclaredKind, parseElementId } from '../../src/protocol/element-id.js';

describe('element ids', () => {
    it('read back to what they were built from', () => {
        for (const kind of [...DECLARED_KINDS, 'emotion'] as const) {
            expect(parseElementId(elementId(kind, 'sso_2'))).toEqual({ kind, name: 'sso_2' });
        }
        expect(elementId('touchpoint', 'sso')).toBe('touchpoint-sso');
        expect(connectionId('flow', 'welcome', 'kickoff')).toBe('flow-welcome-kickoff');
        expect(parseElementId('flow-welcome-kickoff')).toEqual({ kind: 'flow', from: 'welcome', to: 'kickoff' });
        expect(parseElementId('link-ssoConfusion-ssoWizard')).toEqual({ kind: 'link', from: 'ssoConfusion', to: 'ssoWizard' });
    });

    it('refuse what the renderer never writes', () => {
        for (const id of [
            undefined,
            42,
            '',
            'sso',
            'header',
            'stage-',
            'stage-a-b',
            'flow-a',
            'team-cs',
            'touchpoint-2fa',
            'touchpoint-"><script>',
            '__proto__',
            'constructor',
            `stage-${'a'.repeat(202)}`,
        ]) {
            expect(parseElementId(id), String(id)).toBeUndefined();
        }
    });

    it('tell the declared elements, the only ones the preview selects', () => {
        expect(DECLARED_KINDS.every(isDeclaredKind)).toBe(true);
        expect(['emotion', 'flow', 'link', 'journey', null].some(isDeclaredKind)).toBe(false);
        expect(isDeclaredElementId('painpoint-handoff')).toBe(true);
        expect(isDeclaredElementId('emotion-sso')).toBe(false);
        expect(isDeclaredElementId('flow-a-b')).toBe(false);
    });
});
