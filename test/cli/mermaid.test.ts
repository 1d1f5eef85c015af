// @vitest-environment happy-dom
// Mermaid's journey parser sanitises titles with DOMPurify, which needs a DOM.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import mermaid from 'mermaid';
import { describe, expect, it } from 'vitest';
import { journey } from '../helpers/cli.js';

interface MermaidTask {
    section: string;
    task: string;
    score: number;
    people: string[];
}

/** What Mermaid itself reads from the text: the tasks of the journey diagram. */
async function parseJourney(text: string): Promise<{ title: string; tasks: MermaidTask[] }> {
    await mermaid.parse(text);
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
    const db = diagram.db as unknown as { getTasks(): MermaidTask[]; getDiagramTitle(): string };
    return { title: db.getDiagramTitle(), tasks: db.getTasks() };
}

/** Every example file that declares a journey, with the example folder it is resolved in. */
const exampleJourneys = (existsSync('examples') ? readdirSync('examples', { withFileTypes: true }) : [])
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
        const root = path.join('examples', entry.name);
        return readdirSync(root, { recursive: true, encoding: 'utf8' })
            .filter((file) => file.endsWith('.journey') && /^journey\s/m.test(readFileSync(path.join(root, file), 'utf8')))
            .map((file) => [path.join(root, file), root]);
    });

describe('journey export --format mermaid', () => {
    it('gives sections = stages, tasks = touchpoints, score = emotion on 1–5, actors = owner teams', async () => {
        const result = journey(['export', 'test/fixtures/saas/saas.journey', '--format', 'mermaid']);
        expect(result.status).toBe(0);
        const parsed = await parseJourney(result.stdout);
        expect(parsed.title).toBe('B2B SaaS customer journey');
        expect(parsed.tasks.map((t) => [t.section, t.task, t.score, t.people])).toEqual([
            ['Awareness', 'Website and pricing page', 3, ['Marketing']],
            ['Awareness', 'Sales demo', 4, ['Marketing']],
            ['Onboarding', 'Welcome email', 4, ['Customer Success']],
            ['Onboarding', 'Kickoff call', 5, ['Customer Success']],
            ['Onboarding', 'Self-serve setup guide', 3, ['Product']],
            ['Onboarding', 'SSO setup', 1, ['Product']],
            ['Renewal', 'Quarterly business review', 4, ['Customer Success']],
        ]);
    });

    it('keeps hostile titles whole: every touchpoint is one task with its score', async () => {
        const result = journey(['export', 'test/fixtures/hostile/hostile.journey', '--format', 'mermaid']);
        const parsed = await parseJourney(result.stdout);
        expect(parsed.tasks.map((t) => [t.task.replace('\u200B', ''), t.score])).toEqual([
            ['journey starts\u2236 here \uFF03 not a comment', 1],
            ['section 2\uFF1B title x \uFF05\uFF05 comment', 5],
        ]);
        expect(parsed.tasks.every((t) => t.section.startsWith('Step 1\u2236 sign up\uFF1B \uFF031 choice 100\uFF05'))).toBe(true);
    });

    it.each(exampleJourneys)('is accepted by the Mermaid parser for %s', async (file, root) => {
        const result = journey(['export', file, '--format', 'mermaid', '--workspace', root]);
        expect(result.status, result.stderr).toBe(0);
        const parsed = await parseJourney(result.stdout);
        const model = JSON.parse(journey(['export', file, '--format', 'json', '--workspace', root]).stdout) as { touchpoints: unknown[] };
        expect(parsed.tasks).toHaveLength(model.touchpoints.length);
    });
});
