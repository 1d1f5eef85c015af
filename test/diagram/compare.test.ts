import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { journeyChanges, layoutComparison, renderComparisonSvg, renderSvg } from '../../src/diagram/index.js';
import { createInThreadLayouter } from '../../src/diagram/elk/in-thread-layouter.js';
import { mergeVersions } from '../../src/diagram/compare/merge-versions.js';
import type { Box, DiagramLayout } from '../../src/diagram/diagram-types.js';
import type { Journey } from '../../src/model/types.js';
import { journeyView } from '../../src/model/views.js';
import { THEMES } from '../../src/protocol/theme.js';
import { checkGeometry, inside } from '../helpers/diagram-geometry.js';
import { journeyOf } from '../helpers/model.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { join } from 'node:path';

const layouter = createInThreadLayouter();
afterAll(() => layouter.dispose());

const BASE = readFileSync(join(REPO_ROOT, 'examples', 'b2b-saas', 'saas.journey'), 'utf8');

/** The example with one edit: each replacement must apply, or the test is not testing what it says. */
function edited(...replacements: [string, string][]): string {
    return replacements.reduce((text, [from, to]) => {
        expect(text, `the example contains ${from}`).toContain(from);
        return text.replace(from, to);
    }, BASE);
}

const ADD_TOUCHPOINT: [string, string] = ['    touchpoint sso "SSO setup" {', '    touchpoint ssoPrep "SSO prep checklist" {\n      channel product  emotion +1\n      next sso\n    }\n    touchpoint sso "SSO setup" {'];
const REMOVE_COMMUNITY: [string, string][] = [
    ['next community, ticket', 'next ticket'],
    ['    touchpoint community "Community forum" {\n      channel community  owner cs  emotion +1  for midmarket\n      next healthCheck\n    }\n', ''],
];
const KICKOFF_EMOTION: [string, string] = ['channel call  owner cs  emotion +2  for enterprise', 'channel call  owner cs  emotion 0  for enterprise'];
const RENAME_TICKET: [string, string][] = [
    ['touchpoint ticket "Support ticket"', 'touchpoint supportTicket "Support ticket"'],
    ['next community, ticket', 'next community, supportTicket'],
    ['at ticket\n', 'at supportTicket\n'],
];
const MOVE_WEBINAR: [string, string][] = [
    ['    touchpoint webinar "Monthly product webinar" {\n      channel event  owner marketing  emotion +1\n      next demoRequest\n    }\n', ''],
    ['  stage evaluation "Evaluation" {\n    goal "Convince my team and security that this is the right tool"\n',
        '  stage evaluation "Evaluation" {\n    goal "Convince my team and security that this is the right tool"\n    touchpoint webinar "Monthly product webinar" {\n      channel event  owner marketing  emotion +1\n      next demoRequest\n    }\n'],
];

interface Compared {
    before: Journey;
    after: Journey;
    layout: DiagramLayout;
}

async function compare(text: string, base = BASE): Promise<Compared> {
    const [before, after] = [await journeyOf(base), await journeyOf(text)];
    return { before, after, layout: await layoutComparison(before, after, layouter, { base: 'HEAD' }) };
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Ghosts are cards like the others: nothing overlaps, and each tag sits on its own card and on no other. */
function checkCompareGeometry({ before, after, layout }: Compared) {
    const merged = mergeVersions(before, after, journeyChanges(before, after)).journey;
    checkGeometry(merged, layout);
    const cards = [...layout.touchpoints.map((c) => ({ id: `touchpoint-${c.name}`, box: c })), ...layout.painPoints.map((c) => ({ id: `painpoint-${c.name}`, box: c })), ...layout.initiatives.map((c) => ({ id: `initiative-${c.name}`, box: c }))];
    for (const { id, box } of cards) {
        const tag = layout.compare!.marks[id].tag;
        if (!tag) continue;
        expect(overlaps(tag, box), `${id}'s tag on its card`).toBe(true);
        for (const other of cards.filter((c) => c.id !== id)) {
            expect(overlaps(tag, other.box), `${id}'s tag clear of ${other.id}`).toBe(false);
        }
    }
}

const stateOf = (layout: DiagramLayout, id: string) => layout.compare!.marks[id]?.state;
const tagOf = (layout: DiagramLayout, id: string) => layout.compare!.marks[id]?.tag?.text;
const changedIds = (layout: DiagramLayout) => Object.entries(layout.compare!.marks).filter(([, mark]) => mark.state !== 'unchanged').map(([id]) => id).sort();

describe('the compare map marks each kind of change on the right card', () => {
    test('a touchpoint added: NEW on its card, nothing else marked but what it changed', async () => {
        const compared = await compare(edited(ADD_TOUCHPOINT));
        checkCompareGeometry(compared);
        expect(stateOf(compared.layout, 'touchpoint-ssoPrep')).toBe('added');
        expect(tagOf(compared.layout, 'touchpoint-ssoPrep')).toBe('NEW');
        expect(changedIds(compared.layout)).toEqual(['touchpoint-ssoPrep']);
        expect(stateOf(compared.layout, 'touchpoint-sso')).toBe('unchanged');
    });

    test('a touchpoint removed: a dashed ghost in its old stage, clear of every live card, with its old flow', async () => {
        const compared = await compare(edited(...REMOVE_COMMUNITY));
        checkCompareGeometry(compared);
        const ghost = compared.layout.touchpoints.find((card) => card.name === 'community')!;
        expect(ghost.stage).toBe('adoption');
        expect(inside(ghost, compared.layout.stages.find((s) => s.name === 'adoption')!)).toBe(true);
        expect(stateOf(compared.layout, 'touchpoint-community')).toBe('removed');
        expect(tagOf(compared.layout, 'touchpoint-community')).toBe('REMOVED');
        // guides → community and community → healthCheck were the old flow: drawn, as removed.
        expect(compared.layout.compare!.ghostFlows.sort()).toEqual(['flow-community-healthCheck', 'flow-guides-community']);
        expect(stateOf(compared.layout, 'touchpoint-guides')).toBe('changed');
        // The ghost has no point on the new curve; the old curve still has its +1.
        expect(compared.layout.experience[0].points.map((p) => p.touchpoint)).not.toContain('community');
        const old = compared.layout.compare!.oldCurve.find((p) => p.touchpoint === 'community')!;
        expect(old.emotion).toBe(1);
        expect(old.x).toBeGreaterThan(ghost.x);
        expect(old.x).toBeLessThan(ghost.x + ghost.width);
    });

    test('an emotion changed: CHANGED, old → new in the hover, the old curve under the new one', async () => {
        const compared = await compare(edited(KICKOFF_EMOTION));
        checkCompareGeometry(compared);
        expect(tagOf(compared.layout, 'touchpoint-kickoff')).toBe('CHANGED');
        expect(compared.layout.compare!.marks['touchpoint-kickoff'].notes).toEqual(['touchpoint kickoff "Kickoff call": emotion +2 \u2192 0']);
        const now = compared.layout.experience[0].points.find((p) => p.touchpoint === 'kickoff')!;
        const old = compared.layout.compare!.oldCurve.find((p) => p.touchpoint === 'kickoff')!;
        expect([old.emotion, now.emotion]).toEqual([2, 0]);
        expect(old.x).toBe(now.x);
        expect(old.y).toBeLessThan(now.y);
        const svg = renderSvg(compared.layout);
        expect(svg).toMatch(/<g id="touchpoint-kickoff"[^>]*data-change="changed"[^>]*aria-label="[^"]*, changed since HEAD"><title>[^<]*Since HEAD:\n\u2022 touchpoint kickoff &quot;Kickoff call&quot;: emotion \+2 \u2192 0<\/title>/);
    });

    test('a touchpoint renamed: RENAMED on the card under its new name, and no ghost of the old one', async () => {
        const compared = await compare(edited(...RENAME_TICKET));
        checkCompareGeometry(compared);
        expect(tagOf(compared.layout, 'touchpoint-supportTicket')).toBe('RENAMED');
        expect(compared.layout.touchpoints.map((c) => c.name)).not.toContain('ticket');
        expect(changedIds(compared.layout)).toEqual(['touchpoint-supportTicket']);
    });

    test('a touchpoint moved to another stage: MOVED from the stage it left, in its new stage, no ghost in the old one', async () => {
        const compared = await compare(edited(...MOVE_WEBINAR));
        checkCompareGeometry(compared);
        expect(tagOf(compared.layout, 'touchpoint-webinar')).toBe('MOVED from Awareness');
        expect(compared.layout.touchpoints.filter((c) => c.name === 'webinar')).toHaveLength(1);
        expect(compared.layout.touchpoints.find((c) => c.name === 'webinar')!.stage).toBe('evaluation');
        expect(compared.layout.compare!.marks['touchpoint-webinar'].notes).toContain('touchpoint webinar "Monthly product webinar" moved from stage awareness to stage evaluation');
    });

    test('a pain point, an initiative and a whole stage removed: ghosts in their places', async () => {
        const withoutRenewal = BASE.slice(0, BASE.indexOf('  // Renewal feels worse')) + BASE.slice(BASE.indexOf('  stage advocacy'));
        const text = withoutRenewal
            .replace(/\n *next renewalNotice/g, '')
            .replace('next caseStudy, referral', '')
            .replace(/\n {4}painpoint slowFirstResponse[\s\S]*?\n {4}\}\n/, '\n');
        const compared = await compare(text);
        checkCompareGeometry(compared);
        expect(compared.layout.stages.map((s) => s.name)).toContain('renewal');
        expect(stateOf(compared.layout, 'stage-renewal')).toBe('removed');
        expect(tagOf(compared.layout, 'stage-renewal')).toBe('REMOVED');
        for (const name of ['renewalNotice', 'renewalCall', 'invoice']) {
            expect(compared.layout.touchpoints.find((c) => c.name === name)!.stage).toBe('renewal');
            expect(stateOf(compared.layout, `touchpoint-${name}`)).toBe('removed');
        }
        expect(stateOf(compared.layout, 'painpoint-slowFirstResponse')).toBe('removed');
        expect(stateOf(compared.layout, 'painpoint-upliftSurprise')).toBe('removed');
    });

    test('metrics removed (the journey\'s and a stage\'s): struck-through ghosts where they were, outlined, counted', async () => {
        const compared = await compare(edited(
            ['  metric grr "Gross revenue retention" { target >= 92%  actual 89% }\n', ''],
            ['    metric csat "Support CSAT" { target >= 90%  actual 91%  shared }\n', ''],
        ));
        const { layout } = compared;
        checkCompareGeometry(compared);
        expect(changedIds(layout)).toEqual(['metric-csat', 'metric-grr']);
        expect(layout.header.metrics.map((m) => m.name)).toEqual(['nps', 'grr', 'logos']);
        const adoption = layout.stages.find((stage) => stage.metrics.some((m) => m.name === 'csat'))!;
        expect(adoption.metrics.map((m) => m.name)).toEqual(['activeSeats', 'csat']);
        expect(layout.compare!.legend.items.find((i) => i.state === 'removed')!.count).toBe(2);
        // Each outline is around its own metric's text and clear of its neighbours'.
        const outline = (name: string) => layout.compare!.marks[`metric-${name}`].outline!;
        expect(inside(outline('csat'), adoption.header)).toBe(true);
        const seats = adoption.metrics.find((m) => m.name === 'activeSeats')!;
        expect(seats.lines.every((line) => line.y < outline('csat').y)).toBe(true);
        expect(inside(outline('grr'), layout.header)).toBe(true);
        const [nps, logos] = ['nps', 'logos'].map((name) => layout.header.metrics.find((m) => m.name === name)!);
        expect(nps.lines.at(-1)!.x).toBeLessThan(outline('grr').x);
        expect(logos.mark.x - 6).toBeGreaterThanOrEqual(outline('grr').x + outline('grr').width);
        const svg = renderSvg(layout);
        const group = svg.match(/<g id="metric-csat"[^>]*data-change="removed"[^>]*>[\s\S]*?<\/g><\/g>/)![0];
        expect(group).toContain('removed since HEAD');
        expect(group).toMatch(/<path d="M[\d.]+,[\d.]+ H[\d.]+" class="jm-change-removed"/);
        expect(group).toMatch(/class="jm-change-removed" stroke-width="2.5" stroke-dasharray="6 4"/);
    });

    test('a journey the base version did not have: every element NEW', async () => {
        const after = await journeyOf(BASE);
        const layout = await layoutComparison(undefined, after, layouter, { base: 'HEAD' });
        expect(new Set(Object.values(layout.compare!.marks).map((m) => m.state))).toEqual(new Set(['added']));
        expect(layout.compare!.legend.items.find((i) => i.state === 'added')!.count).toBe(Object.keys(layout.compare!.marks).length);
    });

    test('no change: everything faded, the legend says 0 new, 0 changed, 0 removed', async () => {
        const { layout } = await compare(BASE);
        expect(changedIds(layout)).toEqual([]);
        expect(layout.compare!.legend.items.map((i) => i.label.text).slice(0, 3)).toEqual(['0 new', '0 changed', '0 removed (dashed, where it was)']);
    });
});

test('a MOVED tag names a long stage title cut to fit on its card', async () => {
    const long = 'Awareness, discovery, research, shortlisting and the first conversations with sales';
    const base = edited(['stage awareness "Awareness"', `stage awareness "${long}"`]);
    const moved = MOVE_WEBINAR.reduce((text, [from, to]) => text.replace(from, to), base);
    const compared = await compare(moved, base);
    checkCompareGeometry(compared);
    const card = compared.layout.touchpoints.find((c) => c.name === 'webinar')!;
    const tag = compared.layout.compare!.marks['touchpoint-webinar'].tag!;
    expect(tag.text).toMatch(/^MOVED from Awareness, .+\u2026$/);
    expect(tag.x).toBeGreaterThanOrEqual(card.x);
    expect(tag.x + tag.width).toBeLessThanOrEqual(card.x + card.width);
});

describe('the change legend', () => {
    test('counts what is marked, and lists the changes that have no card', async () => {
        const text = edited(ADD_TOUCHPOINT, KICKOFF_EMOTION, ...REMOVE_COMMUNITY, ['team product "Product"', 'team product "Product and Design"']);
        const { layout } = await compare(text);
        const count = (state: string) => layout.compare!.legend.items.find((i) => i.state === state)!.count;
        expect([count('added'), count('removed')]).toEqual([1, 1]);
        expect(count('changed')).toBe(changedIds(layout).length - 2);
        expect(layout.compare!.legend.offMap.map((l) => l.text)).toEqual(['Not on the map: team product "Product and Design": title "Product" \u2192 "Product and Design"']);
        expect(layout.height).toBeGreaterThan(layout.compare!.legend.y + layout.compare!.legend.height);
    });
});

describe('the compare SVG', () => {
    test('draws tags as words and ghosts dashed, not by colour alone, in every theme; byte-identical on every run', async () => {
        const [before, after] = [await journeyOf(BASE), await journeyOf(edited(ADD_TOUCHPOINT, ...REMOVE_COMMUNITY, KICKOFF_EMOTION))];
        for (const theme of THEMES) {
            const svg = await renderComparisonSvg(before, after, layouter, { base: 'HEAD', theme });
            expect(await renderComparisonSvg(before, after, layouter, { base: 'HEAD', theme, reuseStages: false })).toBe(svg);
            expect(svg).toMatch(/>NEW<\/text>/);
            expect(svg).toMatch(/>REMOVED<\/text>/);
            expect(svg).toMatch(/>CHANGED<\/text>/);
            expect(svg).toMatch(/<g id="touchpoint-community"[^>]*data-change="removed"[^]*?class="jm-change-removed" stroke-width="2.5" stroke-dasharray="6 4"/);
            expect(svg).toMatch(/<g id="experience-before"[^>]*><title>Emotion curve in HEAD \(dashed\)<\/title><path [^>]*stroke-dasharray="6 4"/);
            expect(svg).toContain('<g id="change-legend" role="group" aria-label="Changes since HEAD: 1 new, ');
            expect(svg).toMatch(/<desc id="jm-desc">[^<]*Changes since HEAD: 1 new, \d+ changed, 1 removed/);
            expect(() => new Resvg(svg, { font: { loadSystemFonts: false } }).render()).not.toThrow();
        }
    });

    test('hostile titles and a hostile base name come out as text, never as markup', async () => {
        const hostile = '<script>alert(1)</script>"><img src=x onerror=alert(1)>';
        const text = edited(['touchpoint kickoff "Kickoff call"', `touchpoint kickoff "${hostile.replace(/"/g, '\\"')}"`], ADD_TOUCHPOINT);
        const [before, after] = [await journeyOf(BASE), await journeyOf(text)];
        const svg = await renderComparisonSvg(before, after, layouter, { base: `${hostile} & ]]>` });
        expect(svg).not.toMatch(/<script|<img|\sonerror="/i);
        expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
        expect(() => new Resvg(svg, { font: { loadSystemFonts: false } }).render()).not.toThrow();
        const tags = new Set([...svg.matchAll(/<([a-zA-Z]+)/g)].map((m) => m[1]));
        expect([...tags].sort()).toEqual(['circle', 'desc', 'g', 'path', 'rect', 'style', 'svg', 'text', 'title']);
    });

    test('compares what a view shows: the customer-facing view leaves internal changes out', async () => {
        const text = edited(['      internal                 // our problem', '      severity high\n      internal                 // our problem']);
        const [before, after] = [await journeyOf(BASE), await journeyOf(text.replace('severity medium\n      severity high', 'severity high'))];
        const internal = await layoutComparison(before, after, layouter, { base: 'HEAD' });
        expect(stateOf(internal, 'painpoint-handoff')).toBe('changed');
        const customer = { audience: 'customer' as const };
        const outside = await layoutComparison(journeyView(before, customer), journeyView(after, customer), layouter, { base: 'HEAD' });
        expect(outside.painPoints.map((p) => p.name)).not.toContain('handoff');
        expect(changedIds(outside)).toEqual([]);
    });
});
