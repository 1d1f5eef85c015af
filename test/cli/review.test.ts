import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { journey } from '../helpers/cli.js';
import { diffWorkspaces } from '../../src/model/diff/diff-workspace.js';
import { COMMENT_LIMIT, REVIEW_MARKER, reviewComment } from '../../src/cli/formats/review-comment.js';
import { modelOf } from '../helpers/model.js';

const TODAY = ['--today', '2026-11-23'];
const SUPPORT = readFileSync('examples/support-heavy/support.journey', 'utf8');

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

function pair(before: string, after: string): string {
    const root = mkdtempSync(path.join(tmpdir(), 'journey-review-'));
    roots.push(root);
    writeFileSync(path.join(root, 'old.journey'), before);
    writeFileSync(path.join(root, 'new.journey'), after);
    return root;
}

describe('journey review', () => {
    it('writes one comment: marker, summary, changes with warnings first, emotion per stage, new problems, the map', () => {
        const after = SUPPORT.replace(/emotion \+1/, 'emotion -1').replace('touchpoint ', 'touchpoint surveyEmail "CSAT survey email" { channel email  emotion 0 }\n    touchpoint ');
        const result = journey(['review', 'old.journey', 'new.journey', ...TODAY], { cwd: pair(SUPPORT, after) });
        const comment = result.stdout;
        expect(result.status).toBe(0);
        expect(comment.split('\n')[0]).toBe(REVIEW_MARKER);
        expect(comment).toMatch(/^\*\*1 journey changed: 1 property change, 1 touchpoint added, 2 changes to look at; net emotion of Self-help 0 → −2\*\*$/m);
        const rows = comment.match(/^\| (⚠️)? \| .* \| `[a-z-]+` \|$/gm)!;
        expect(rows[0]).toMatch(/^\| ⚠️ \|/);
        expect(rows.at(-1)).not.toMatch(/⚠️/);
        expect(comment).toContain('**Net emotion per stage**');
        expect(comment).toMatch(/\*\*New problems\*\*\n\n- ⚠️ `new\.journey:\d+` Stage 'selfHelp' is a churn risk: .* \(`journey\.negative-stage`\)/);
        expect(comment).toMatch(/```mermaid\njourney\n/);
        expect(comment).toContain('🆕 CSAT survey email');
    });

    it('says "No map changes", or nothing with --quiet-if-unchanged', () => {
        const root = pair(SUPPORT, `${SUPPORT}\n// a comment only\n`);
        expect(journey(['review', 'old.journey', 'new.journey', ...TODAY], { cwd: root }).stdout).toMatch(/No map changes \(old\.journey → new\.journey\)\.\n$/);
        const quiet = journey(['review', 'old.journey', 'new.journey', '--quiet-if-unchanged', ...TODAY], { cwd: root });
        expect(quiet.stdout).toBe('');
        expect(quiet.status).toBe(0);
    });

    it('with --compare-dir, draws the compare map of each changed journey and names its file in the comment', () => {
        const after = SUPPORT
            .replace('touchpoint ', 'touchpoint surveyEmail "CSAT survey email" { channel email  emotion 0 }\n    touchpoint ')
            .replace(/\n {4}touchpoint statusPage "Status page" \{[^}]*\}/, '');
        const root = pair(SUPPORT, after);
        const result = journey(['review', 'old.journey', 'new.journey', '--compare-dir', 'review/maps', ...TODAY], { cwd: root });
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
        expect(readdirSync(path.join(root, 'review/maps'))).toEqual(['support.compare.svg']);
        expect(result.stdout).toContain('**Compare map:** review/maps/support.compare.svg (new, changed and removed cards marked on the map)');
        const svg = readFileSync(path.join(root, 'review/maps/support.compare.svg'), 'utf8');
        expect(svg).toMatch(/<g id="touchpoint-surveyEmail"[^>]*data-change="added"/);
        expect(svg).toMatch(/<g id="touchpoint-statusPage"[^>]*data-change="removed"/);
        expect(svg).toContain('Changes since old.journey');
    });

    it('with --compare-dir and no change, writes no map', () => {
        const root = pair(SUPPORT, `${SUPPORT}\n// a comment only\n`);
        const result = journey(['review', 'old.journey', 'new.journey', '--compare-dir', 'maps', ...TODAY], { cwd: root });
        expect(result.status).toBe(0);
        expect(existsSync(path.join(root, 'maps'))).toBe(false);
        expect(result.stdout).not.toContain('Compare map');
    });

    it('lists the syntax errors of a side instead of comparing', () => {
        const result = journey(['review', 'old.journey', 'new.journey', ...TODAY], { cwd: pair(SUPPORT, SUPPORT.replace(/stage (\w+)/, 'stage $1 $1')) });
        expect(result.stdout).toContain('**The maps could not be compared:** a side has syntax errors.');
        expect(result.stdout).toMatch(/new\.journey:\d+:\d+: error journey\.syntax-error/);
    });

    it('escapes hostile titles for Markdown and for Mermaid', async () => {
        const hostile = '<img src=x onerror=alert(1)> **bold** | pipe `code` [link](http://x) : # ; %';
        const before = 'journey j { stage s { touchpoint a "A" } }';
        const after = `journey j { stage s { touchpoint a "A"  touchpoint b "${hostile}" } }`;
        const diff = diffWorkspaces(await modelOf(before), await modelOf(after));
        const comment = reviewComment({ diff, labels: { before: 'x', after: 'y' }, journeys: (await modelOf(after)).journeys, newProblems: [] });
        // Outside the Mermaid block, text is Markdown: no HTML, no emphasis, no table break.
        const markdown = comment.slice(0, comment.indexOf('```mermaid'));
        expect(markdown).not.toContain('<img');
        expect(markdown).not.toContain('**bold**');
        expect(markdown).not.toMatch(/[^\\]\| pipe/);
        expect(markdown).toContain('&lt;img src=x onerror=alert\\(1\\)&gt;');
        // Inside, Mermaid's own rules: its statement characters become look-alikes.
        const mermaid = comment.slice(comment.indexOf('```mermaid'));
        expect(mermaid).toMatch(/🆕 <img src=x onerror=alert\(1\)> \*\*bold\*\* \| pipe `code` \[link\]\(http∶\/\/x\) ∶ ＃ ； ％: 3/);
    });

    it('stays under the comment limit, folding long tables and naming what it left out', async () => {
        const journeys = (count: number, title: string) =>
            Array.from({ length: count }, (_, i) => `journey j${i} { stage s { ${Array.from({ length: 30 }, (_, t) => `touchpoint t${t} "${title} ${t}"`).join('  ')} } }`).join('\n');
        const before = await modelOf(journeys(40, 'Before'));
        const after = await modelOf(journeys(40, 'After a much longer title that fills the comment'));
        const comment = reviewComment({ diff: diffWorkspaces(before, after), labels: { before: 'a', after: 'b' }, journeys: after.journeys, newProblems: [] });
        expect(comment.length).toBeLessThanOrEqual(COMMENT_LIMIT);
        expect(comment).toContain('<details><summary>30 changes</summary>');
        expect(comment).toMatch(/_\d+ more sections with \d+ changes left out: GitHub comments are limited to 65,536 characters\. Run `journey diff` for the whole list\._\n$/);
        expect(comment).not.toMatch(/\| [^\n]*$(?![\s\S]*\|)/);
    });
});
