import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { createInThreadLayouter } from '../../src/diagram/elk/in-thread-layouter.js';
import { EDIT_KINDS, editsOf, stabilityOf, type Stability } from '../helpers/layout-stability.js';
import { REPO_ROOT } from '../helpers/paths.js';

const layouter = createInThreadLayouter();
afterAll(() => layouter.dispose());

const EXAMPLES = ['b2b-saas/saas.journey', 'support-heavy/support.journey'];

describe('layout stability of the compare map on the examples', () => {
    for (const example of EXAMPLES) {
        const text = readFileSync(join(REPO_ROOT, 'examples', example), 'utf8');
        for (const kind of EDIT_KINDS) {
            test(`${example}: every touchpoint ${kind} in turn`, async () => {
                const edits = editsOf(text, kind);
                expect(edits.length).toBeGreaterThan(5);
                const total: Stability = { unchanged: 0, keptOnCompareMap: 0, keptOnPlainMap: 0 };
                for (const edit of edits) {
                    const figures = await stabilityOf(text, edit, layouter);
                    total.unchanged += figures.unchanged;
                    total.keptOnCompareMap += figures.keptOnCompareMap;
                    total.keptOnPlainMap += figures.keptOnPlainMap;
                }
                const share = (n: number) => `${((100 * n) / total.unchanged).toFixed(1)} %`;
                console.log(`${example} ${kind} ×${edits.length}: ${total.unchanged} unchanged cards, keep column and row: compare map ${share(total.keptOnCompareMap)}, plain map of the new version ${share(total.keptOnPlainMap)}`);
                expect(total.unchanged).toBeGreaterThan(0);
                expect(total.keptOnCompareMap).toBeGreaterThanOrEqual(total.keptOnPlainMap);
            }, 120_000);
        }
    }
});
