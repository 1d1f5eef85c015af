import { describe, expect, it } from 'vitest';
import { journeyTree } from '../../src/server/journey-tree.js';
import type { JourneyNode } from '../../src/protocol/tune-up-requests.js';
import { journeyOf } from '../helpers/model.js';
import { loadExample, loadExampleWorkspace } from '../model/tune-up/examples.js';

const outline = (node: JourneyNode): string[] => [
    `${node.kind} ${node.name}${node.badges.length > 0 ? ` [${node.badges.join(', ')}]` : ''}`,
    ...node.children.flatMap(outline).map((line) => `  ${line}`),
];

describe('the Journeys view tree', () => {
    it('lists the support example: stages with touchpoints, pain points and the initiatives on them, badges where attention is needed', async () => {
        const tree = journeyTree(await loadExample('support-heavy', 'support'), '2026-11-23');
        expect(tree.summary).toBe('Map reviewed 34 days ago · 1 past due');
        expect(tree.badges).toEqual(['past-due']);
        const productFix = tree.children.find((child) => child.name === 'productFix')!;
        expect(outline(productFix)).toEqual([
            'stage productFix [past-due]',
            '  touchpoint bugFiled',
            '  touchpoint fixShipped',
            '  touchpoint verifyFix',
            '  painpoint bugLimbo',
            '  painpoint fixesDoNotHold',
            '  initiative bugSla [past-due]',
        ]);
        expect(productFix.children.at(-1)).toMatchObject({ title: 'Bug triage SLA between Support and Product', detail: 'active, due 2026-11-13' });
        expect(productFix.children[0].source?.uri).toMatch(/support\.journey$/);
    });

    it('marks a stale map, an unaddressed pain point, and an initiative due within 30 days', async () => {
        const tree = journeyTree(await journeyOf(`journey j { reviewed 2026-01-01 stage s { touchpoint t painpoint p { severity critical } }
            initiative soon { due 2026-12-01 status active } }`), '2026-11-23');
        expect(outline(tree)).toEqual([
            'journey j [stale, unaddressed]',
            '  stage s [unaddressed]',
            '    touchpoint t',
            '    painpoint p [unaddressed]',
            '  initiative soon [due-soon]',
        ]);
        expect(tree.summary).toBe('Map reviewed 326 days ago (stale) · 1 unaddressed');
    });

    it('has a tree for every journey of every example', async () => {
        for (const folder of ['b2b-saas', 'support-heavy', 'workspace']) {
            for (const journey of (await loadExampleWorkspace(folder)).journeys) {
                const tree = journeyTree(journey, '2026-11-23');
                expect(tree.children.filter((child) => child.kind === 'stage')).toHaveLength(journey.stages.length);
                const touchpoints = tree.children.flatMap((stage) => stage.children).filter((node) => node.kind === 'touchpoint');
                expect(touchpoints).toHaveLength(journey.touchpoints.length);
            }
        }
    });
});
