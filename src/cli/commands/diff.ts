import { diffWorkspaces } from '../../model/diff/diff-workspace.js';
import type { DiffLevel } from '../../model/diff/diff-codes.js';
import type { WorkspaceDiff } from '../../model/diff/changes.js';
import { customerWorkspace } from '../../model/customer-view.js';
import type { WorkspaceModel } from '../../model/types.js';
import { AUDIENCES } from '../../protocol/audience.js';
import { stringOption, type Command, type OptionSpec, type Output, type ParsedCommand } from '../command.js';
import { diffToJson } from '../formats/diff-json.js';
import { diffToMarkdown } from '../formats/diff-markdown.js';
import { diffToText, wantsColor } from '../formats/diff-text.js';
import { sideErrors } from '../diff/side-errors.js';
import { loadSides, type Sides } from '../diff/diff-sides.js';
import { workspaceOption } from '../workspace-option.js';

/** `journey diff`'s exit codes, in the family of `git diff --exit-code` and `terraform plan -detailed-exitcode`. */
export const DiffExit = {
    NoChange: 0,
    /** A side has syntax errors: they are printed, nothing is compared. */
    InputHasErrors: 1,
    Usage: 2,
    /** Semantic changes, none at or above --fail-on. */
    Changes: 3,
    /** Changes at or above --fail-on. */
    FailOn: 4,
} as const;

/** The options that choose what to compare, shared by diff and review. */
export const SIDE_OPTIONS: Record<string, OptionSpec> = {
    base: { type: 'string', value: 'REV', description: 'compare the working tree (or --head) with this git revision: a commit, branch or tag' },
    head: { type: 'string', value: 'REV', description: 'with --base: the newer revision instead of the working tree' },
    workspace: workspaceOption('each side\'s own file or folder'),
    audience: {
        type: 'string',
        choices: AUDIENCES,
        description: 'customer: compare what customers see of each side (docs/customer-view.md); default internal',
    },
};

/** Both sides' models as the --audience sees them: for customers, their customer views and nothing else. */
export function modelsFor(sides: Sides, args: ParsedCommand): { before: WorkspaceModel; after: WorkspaceModel } {
    const view = stringOption(args, 'audience') === 'customer' ? customerWorkspace : (model: WorkspaceModel) => model;
    return { before: view(sides.before.model), after: view(sides.after.model) };
}

const FORMATS = ['text', 'markdown', 'json'] as const;

export const diffCommand: Command = {
    name: 'diff',
    summary: 'Show what changed between two versions of a map: elements and properties, in the words of the trade.',
    usage: [
        'diff OLD NEW [--format text|markdown|json] [--fail-on warning|info] [--workspace DIR] [--audience internal|customer]',
        'diff --base REV [--head REV] [PATH…] [--format text|markdown|json] [--fail-on warning|info] [--audience internal|customer]',
        'diff --git-driver PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE',
    ],
    options: {
        ...SIDE_OPTIONS,
        format: { type: 'string', choices: FORMATS, description: 'text (default), markdown or json (docs/diff.md)' },
        'fail-on': { type: 'string', choices: ['warning', 'info'], description: 'exit 4 when a change at or above this level is found' },
        'git-driver': { type: 'boolean', description: 'run as git\'s diff driver (diff.journey.command); always exits 0' },
    },
    details: `OLD and NEW are two .journey files or two folders of them (each folder one
workspace). With --base, the .journey files under PATH (default: the current
folder) at that git revision are compared with the same files in the working
tree, or at --head; git reads them, nothing is checked out.

Whitespace, comments, formatting and declaration order are no change. A rename
is reported as a rename, a touchpoint moved to another stage as a move. Every
kind of change has a stable code and a level (docs/diff.md).

Exit codes:
  0  no semantic change
  1  a side has syntax errors (they are printed; nothing was compared)
  2  usage or I/O problem: unknown revision, missing file, not a git repository…
  3  semantic changes, none at or above --fail-on
  4  changes at or above --fail-on

Examples:
  journey diff --base main                       what this branch changes
  journey diff --base v1.2 --head v1.3 maps/ --format markdown
  journey diff old/onboarding.journey maps/onboarding.journey --fail-on warning`,
    async run(args, output) {
        const sides = await loadSides('diff', args, 'syntax');
        const driver = args.values['git-driver'] === true;
        const errors = sideErrors(sides);
        if (errors) {
            output.stderr(errors);
            return driver ? DiffExit.NoChange : DiffExit.InputHasErrors;
        }
        const models = modelsFor(sides, args);
        const diff = diffWorkspaces(models.before, models.after);
        output.stdout(formatDiff(diff, sides, stringOption(args, 'format') ?? 'text', output));
        if (driver) return DiffExit.NoChange;
        return exitCode(diff, stringOption(args, 'fail-on') as DiffLevel | undefined);
    },
};

function formatDiff(diff: WorkspaceDiff, sides: Sides, format: string, output: Output): string {
    const labels = { before: sides.before.label, after: sides.after.label };
    if (sides.gitPath !== undefined) {
        labels.before = `a/${sides.gitPath}`;
        labels.after = `b/${sides.gitPath}`;
    }
    switch (format) {
        case 'json': return diffToJson(diff, labels);
        case 'markdown': return diffToMarkdown(diff, labels);
        default: return diffToText(diff, labels, { color: wantsColor(output.stdoutIsTerminal) });
    }
}

const RANK: Record<DiffLevel, number> = { info: 0, warning: 1 };

export function exitCode(diff: WorkspaceDiff, failOn: DiffLevel | undefined): number {
    if (diff.changes.length === 0) return DiffExit.NoChange;
    if (failOn !== undefined && diff.changes.some((change) => RANK[change.level] >= RANK[failOn])) return DiffExit.FailOn;
    return DiffExit.Changes;
}
