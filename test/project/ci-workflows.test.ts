// docs/ci.md is copied into real repositories: its workflows must be valid
// for GitHub and GitLab, and every `journey` command in them must exist with
// the options it is given.
import { readFileSync } from 'node:fs';
import { validateWorkflow } from '@action-validator/core';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseCommandArgs, type Command } from '../../src/cli/command.js';
import { diffCommand } from '../../src/cli/commands/diff.js';
import { exportCommand } from '../../src/cli/commands/export.js';
import { fmtCommand } from '../../src/cli/commands/fmt.js';
import { renderCommand } from '../../src/cli/commands/render.js';
import { reviewCommand } from '../../src/cli/commands/review.js';
import { statusCommand } from '../../src/cli/commands/status.js';
import { agendaCommand } from '../../src/cli/commands/agenda.js';
import { validateCommand } from '../../src/cli/commands/validate.js';

const docs = readFileSync('docs/ci.md', 'utf8');
const blocks = [...docs.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]);
const github = blocks.filter((block) => /^jobs:/m.test(block));
const gitlab = blocks.filter((block) => !/^jobs:/m.test(block));
const COMMANDS: readonly Command[] = [validateCommand, renderCommand, exportCommand, fmtCommand, diffCommand, reviewCommand, agendaCommand, statusCommand];

describe('docs/ci.md', () => {
    it('has the GitHub workflows and the GitLab job', () => {
        expect(github).toHaveLength(4);
        expect(gitlab).toHaveLength(1);
    });

    it.each(github.map((block) => [/^name: (.*)$/m.exec(block)?.[1], block]))('GitHub workflow "%s" passes the workflow validator', (_name, block) => {
        expect(validateWorkflow(block).errors).toEqual([]);
    });

    it('the validator finds a broken workflow (so that the check above can fail)', () => {
        expect(validateWorkflow('name: x\non: push\njobs:\n  a:\n    steps:\n      - run: true\n').errors).not.toEqual([]);
    });

    it('the GitLab job runs only for merge requests that change maps and keeps its comment and compare maps', () => {
        const config = parse(gitlab[0]) as Record<string, { rules: { if: string; changes: string[] }[]; script: string[]; artifacts: { paths: string[] } }>;
        const job = config['journey-maps'];
        expect(job.rules[0].if).toBe('$CI_PIPELINE_SOURCE == "merge_request_event"');
        expect(job.rules[0].changes).toEqual(['**/*.journey']);
        expect(job.script.length).toBeGreaterThan(2);
        expect(job.artifacts.paths).toEqual(['comment.md', 'maps/']);
        expect(job.script.some((line) => line.includes('journey review') && line.includes('--compare-dir maps'))).toBe(true);
    });

    it('runs only journey commands and options that exist', () => {
        // Command lines of the workflows (a step's name is prose).
        const commandLines = blocks.join('\n').split('\n').filter((line) => !/^\s*-? ?name:/.test(line)).join('\n');
        const invocations = [...commandLines.matchAll(/(?:^|[\s;|])journey (\w+)((?: (?:"[^"]*"|[^\s>|;"]+))*)/gm)];
        expect(invocations.length).toBeGreaterThan(5);
        for (const [text, name, rest] of invocations) {
            const command = COMMANDS.find((candidate) => candidate.name === name);
            expect(command, text).toBeDefined();
            const args = [...rest.matchAll(/"[^"]*"|\S+/g)].map(([word]) => word.replace(/^"(.*)"$/, '$1'));
            expect(() => parseCommandArgs(command!, args), text).not.toThrow();
        }
    });
});
