/**
 * The `journey` command line: bundled as out/cli.cjs, the package's `journey` bin.
 * One file per command in commands/; this file only dispatches.
 */
import { ExitCode, helpText, parseCommandArgs, type Command, type Output } from './command.js';
import { agendaCommand } from './commands/agenda.js';
import { diffCommand } from './commands/diff.js';
import { exportCommand } from './commands/export.js';
import { fmtCommand } from './commands/fmt.js';
import { renderCommand } from './commands/render.js';
import { reviewCommand } from './commands/review.js';
import { statusCommand } from './commands/status.js';
import { validateCommand } from './commands/validate.js';
import { InputHasErrors } from './select-journey.js';
import { UsageError } from './usage-error.js';

const COMMANDS: readonly Command[] = [
    validateCommand, renderCommand, exportCommand, fmtCommand, diffCommand, reviewCommand, agendaCommand, statusCommand,
];

function overview(): string {
    const width = Math.max(...COMMANDS.map((command) => command.name.length));
    return [
        'journey — customer journey maps as code',
        '',
        'Usage: journey <command> [options]',
        '',
        'Commands:',
        ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
        '',
        'Run `journey <command> --help` for the options of a command.',
        'Exit codes: 0 success, 1 errors in the input, 2 usage or I/O problem.',
        '',
    ].join('\n');
}

export async function runCli(argv: readonly string[], output: Output): Promise<number> {
    const [name, ...rest] = argv;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
        output.stdout(overview());
        return name === undefined ? ExitCode.Usage : ExitCode.Ok;
    }
    const command = COMMANDS.find((candidate) => candidate.name === name);
    try {
        if (!command) {
            throw new UsageError(`journey: unknown command "${name}" (commands: ${COMMANDS.map((c) => c.name).join(', ')})`);
        }
        const args = parseCommandArgs(command, rest);
        if (args.values.help) {
            output.stdout(helpText(command));
            return ExitCode.Ok;
        }
        return await command.run(args, output);
    } catch (error) {
        if (error instanceof UsageError) {
            output.stderr(/^journey[ :]/.test(error.message) ? error.message : `journey: ${error.message}`);
            return ExitCode.Usage;
        }
        if (error instanceof InputHasErrors) {
            output.stderr(error.message);
            if (error.hint) {
                output.stderr(error.hint);
            }
            output.stderr(`journey ${name}: the input has errors; nothing was written (warnings alone do not block)`);
            return ExitCode.Problems;
        }
        throw error;
    }
}

// A reader that stops early (`journey render … | head -c 8`) closes the pipe: end quietly, as Unix tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? ExitCode.Ok);
});

const processOutput: Output = {
    stdout: (chunk) => process.stdout.write(chunk),
    stderr: (line) => process.stderr.write(`${line}\n`),
    stdoutIsTerminal: Boolean(process.stdout.isTTY),
};

runCli(process.argv.slice(2), processOutput).then(
    (code) => {
        process.exitCode = code;
    },
    (error: unknown) => {
        process.stderr.write(`journey: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        process.exitCode = ExitCode.Usage;
    },
);
