import { promises as fs } from 'node:fs';
import { EmptyFileSystem } from 'langium';
import { createJourneyServices } from '../../language/journey-module.js';
import { formatJourneyText } from '../../language/lsp/formatter.js';
import { ExitCode, flag, type Command } from '../command.js';
import { displayPath } from '../diagnostic-report.js';
import { collectJourneyFiles } from '../load-workspace.js';
import { UsageError } from '../usage-error.js';
import { writeFileAtomically } from '../write-output.js';

export const fmtCommand: Command = {
    name: 'fmt',
    summary: 'Format .journey files the way the editor does (only whitespace changes; comments stay).',
    usage: ['fmt <file>                 print the formatted file', 'fmt [paths…] --check       list files that are not formatted', 'fmt [paths…] --write       format files in place'],
    options: {
        check: { type: 'boolean', description: 'change nothing; list the files that are not formatted (exit 1 if any)' },
        write: { type: 'boolean', description: 'rewrite the files that are not formatted, each whole or not at all' },
    },
    details: `Folders are searched recursively (the current folder when no path is given).
A file with syntax errors is left as it is and reported (exit 1).

Exit codes: 0 formatted (or written), 1 files not formatted (--check) or with
syntax errors, 2 usage or I/O problem.

In CI:
  journey fmt --check .`,
    async run(args, output) {
        const check = flag(args, 'check');
        const write = flag(args, 'write');
        if (check && write) {
            throw new UsageError('journey fmt: choose one of --check and --write');
        }
        const paths = args.positionals.length > 0 ? args.positionals : ['.'];
        const files = await collectJourneyFiles(paths);
        if (files.length === 0) {
            throw new UsageError(`journey fmt: no .journey files in ${paths.join(', ')}`);
        }
        if (!check && !write && (files.length !== 1 || args.positionals.length !== 1)) {
            throw new UsageError('journey fmt: to format several files, add --check or --write (one file alone is printed)');
        }
        const services = createJourneyServices(EmptyFileSystem).Journey;
        let problems = 0;
        for (const file of files) {
            const text = await fs.readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
                throw new UsageError(`${displayPath(file)}: cannot read (${error.code ?? String(error)})`);
            });
            const formatted = formatJourneyText(services, text);
            if (formatted === undefined) {
                output.stderr(`${displayPath(file)}: not formatted: it has syntax errors (see journey validate)`);
                problems++;
            } else if (!check && !write) {
                output.stdout(formatted);
            } else if (formatted !== text) {
                if (write) {
                    await writeFileAtomically(file, formatted);
                } else {
                    problems++;
                }
                output.stdout(`${displayPath(file)}\n`);
            }
        }
        if (check && problems > 0) {
            output.stderr(`${problems} of ${files.length} ${files.length === 1 ? 'file' : 'files'} not formatted: run journey fmt --write`);
        }
        return problems > 0 ? ExitCode.Problems : ExitCode.Ok;
    },
};
