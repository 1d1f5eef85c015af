import { URI } from 'vscode-uri';
import { diffWorkspaces } from '../../model/diff/diff-workspace.js';
import { ExitCode, flag, stringOption, type Command } from '../command.js';
import { reportedDiagnostics, type ReportedDiagnostic } from '../diagnostic-report.js';
import { loadSides, type Sides } from '../diff/diff-sides.js';
import { sideErrors } from '../diff/side-errors.js';
import { reviewComment, type NewProblem } from '../formats/review-comment.js';
import { writeCompareMaps } from '../review-compare-maps.js';
import { modelsFor, SIDE_OPTIONS } from './diff.js';

export const reviewCommand: Command = {
    name: 'review',
    summary: 'Write the pull-request comment for a map change: summary, changes, emotion per stage, new problems, the map.',
    usage: [
        'review --base REV [--head REV] [PATH…] [--quiet-if-unchanged] [--audience internal|customer] [--compare-dir DIR]',
        'review OLD NEW [--workspace DIR] [--quiet-if-unchanged] [--audience internal|customer] [--compare-dir DIR]',
    ],
    options: {
        ...SIDE_OPTIONS,
        'quiet-if-unchanged': { type: 'boolean', description: 'print nothing when no map changed (instead of "No map changes")' },
        'compare-dir': { type: 'string', value: 'DIR', description: 'also draw each changed journey\'s compare map (what is new, changed, removed) as DIR/<journey>.compare.svg; the comment names the file' },
    },
    details: `Prints one Markdown comment on stdout, ready for a pull request: a one-line
summary, then per changed journey a table of its changes (warnings first), the
net emotion per stage before and after, the problems the change introduces and
a Mermaid map of the journey (GitHub draws it) with the changed steps marked.
It stays under GitHub's 65,536-character limit and starts with the line
${'<!-- journey-maps-review -->'}, so that a workflow can update its comment
instead of adding one per push (docs/ci.md has a ready workflow).

With --compare-dir DIR, each changed journey's compare map (the new version
with new, changed and removed cards marked, as journey render --compare draws
it) is written to DIR/<journey>.compare.svg, for the workflow to attach; the
comment names the file under the journey.

A side with syntax errors gives a comment that lists them.

Exit codes: 0 the comment was written (whatever it says), 2 usage or I/O problem.

Examples:
  journey review --base origin/main > review.md
  journey review --base origin/main --compare-dir maps > review.md`,
    async run(args, output) {
        const sides = await loadSides('review', args, 'all');
        const labels = { before: sides.before.label, after: sides.after.label };
        const errors = sideErrors(sides);
        if (errors) {
            output.stdout(reviewComment({ diff: { changes: [], journeys: [] }, labels, journeys: [], newProblems: [], errors }));
            return ExitCode.Ok;
        }
        const models = modelsFor(sides, args);
        const diff = diffWorkspaces(models.before, models.after);
        if (diff.changes.length === 0 && flag(args, 'quiet-if-unchanged')) {
            return ExitCode.Ok;
        }
        // The problems name internal elements and facts: a customer-facing comment has none.
        const problems = stringOption(args, 'audience') === 'customer' ? [] : newProblems(sides);
        const compareDir = stringOption(args, 'compare-dir');
        const compareMaps = compareDir === undefined ? undefined
            : await writeCompareMaps({ diff, before: models.before, after: models.after, base: labels.before, directory: compareDir });
        output.stdout(reviewComment({ diff, labels, journeys: models.after.journeys, newProblems: problems, compareMaps }));
        return ExitCode.Ok;
    },
};

/**
 * The problems of the new version that the old one did not have. A problem is
 * known by its code and message (which name the element), not its position:
 * lines move with every edit above them.
 */
function newProblems(sides: Sides): NewProblem[] {
    const key = (problem: ReportedDiagnostic) => `${problem.code}\u0000${problem.message}`;
    const before = new Map<string, number>();
    for (const problem of reportedDiagnostics(sides.before.diagnostics)) {
        before.set(key(problem), (before.get(key(problem)) ?? 0) + 1);
    }
    const journeyOfFile = new Map<string, string>();
    for (const journey of sides.after.model.journeys) {
        if (journey.source) journeyOfFile.set(URI.parse(journey.source.uri).fsPath, journey.name);
    }
    const after = sides.after.diagnostics.flatMap((entry) =>
        reportedDiagnostics([entry]).map((problem) => ({ ...problem, journey: journeyOfFile.get(entry.file) })));
    return after.filter((problem) => {
        if (problem.severity === 'hint') return false;
        const seen = before.get(key(problem)) ?? 0;
        if (seen > 0) {
            before.set(key(problem), seen - 1);
            return false;
        }
        return true;
    });
}
