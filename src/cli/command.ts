/**
 * What every `journey` command is made of: its options (parsed with Node's
 * util.parseArgs), its help text, and its exit codes.
 */
import { parseArgs } from 'node:util';
import { UsageError } from './usage-error.js';

export const ExitCode = {
    /** Done; no errors in the input. */
    Ok: 0,
    /** The input has errors (or `fmt --check` found unformatted files). */
    Problems: 1,
    /** A usage or I/O problem: unknown flag, missing file, unknown segment… */
    Usage: 2,
} as const;

export interface OptionSpec {
    type: 'string' | 'boolean';
    short?: string;
    /** What the value stands for in the help text, e.g. FILE. */
    value?: string;
    /** The only values accepted. */
    choices?: readonly string[];
    description: string;
    /** Left out of the help text (advanced, for tests). */
    hidden?: boolean;
}

/** Where a command writes: the process's streams in the CLI, buffers in tests. */
export interface Output {
    stdout(chunk: string | Uint8Array): void;
    stderr(line: string): void;
    /** Whether stdout is a terminal (binary output is not written there). */
    stdoutIsTerminal: boolean;
}

export interface ParsedCommand {
    values: Record<string, string | boolean | undefined>;
    positionals: string[];
}

export interface Command {
    name: string;
    summary: string;
    /** Usage line(s) after `journey `. */
    usage: string[];
    options: Record<string, OptionSpec>;
    /** More text for --help: examples, exit codes. */
    details?: string;
    run(args: ParsedCommand, output: Output): Promise<number>;
}

/** Options every command takes. */
const COMMON_OPTIONS: Record<string, OptionSpec> = {
    help: { type: 'boolean', short: 'h', description: 'show this help' },
    today: { type: 'string', value: 'YYYY-MM-DD', description: 'the date to measure stale reviews and due dates against', hidden: true },
};

/** Parses a command's arguments; throws UsageError with a one-line message on anything unexpected. */
export function parseCommandArgs(command: Command, argv: readonly string[]): ParsedCommand {
    const specs = { ...command.options, ...COMMON_OPTIONS };
    const options = Object.fromEntries(
        Object.entries(specs).map(([name, spec]) => [name, spec.short ? { type: spec.type, short: spec.short } : { type: spec.type }]),
    );
    let parsed: ReturnType<typeof parseArgs>;
    try {
        parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    } catch (error) {
        throw new UsageError(`journey ${command.name}: ${describeParseError(error as Error & { code?: string })} (see journey ${command.name} --help)`);
    }
    const values = parsed.values as ParsedCommand['values'];
    for (const [name, spec] of Object.entries(specs)) {
        const value = values[name];
        if (typeof value === 'string' && spec.choices && !spec.choices.includes(value)) {
            throw new UsageError(`journey ${command.name}: --${name} must be one of ${spec.choices.join(', ')}, not "${value}"`);
        }
    }
    const today = values.today;
    if (typeof today === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(today)) {
        throw new UsageError(`journey ${command.name}: --today must be a date as YYYY-MM-DD, not "${today}"`);
    }
    return { values, positionals: parsed.positionals };
}

/** parseArgs explains itself at length; one line is enough here. */
function describeParseError(error: Error & { code?: string }): string {
    const option = /'([^']+)'/.exec(error.message)?.[1];
    switch (error.code) {
        case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
            return `unknown option ${option}`;
        case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
            return error.message.includes('argument missing') ? `option ${option} needs a value` : `option ${option} takes no value`;
        default:
            return error.message.split('\n')[0];
    }
}

export function helpText(command: Command): string {
    const visible = Object.entries({ ...command.options, ...COMMON_OPTIONS }).filter(([, spec]) => !spec.hidden);
    const flags = visible.map(([name, spec]) => {
        const short = spec.short ? `-${spec.short}, ` : '    ';
        const value = spec.type === 'string' ? ` ${spec.value ?? (spec.choices ? spec.choices.join('|') : 'VALUE')}` : '';
        return [`${short}--${name}${value}`, spec.description];
    });
    const width = Math.max(...flags.map(([flag]) => flag.length));
    return [
        `${command.summary}`,
        '',
        'Usage:',
        ...command.usage.map((line) => `  journey ${line}`),
        '',
        'Options:',
        ...flags.map(([flag, description]) => `  ${flag.padEnd(width)}  ${description}`),
        ...(command.details ? ['', command.details.trimEnd()] : []),
        '',
    ].join('\n');
}

export function stringOption(args: ParsedCommand, name: string): string | undefined {
    const value = args.values[name];
    return typeof value === 'string' ? value : undefined;
}

export function flag(args: ParsedCommand, name: string): boolean {
    return args.values[name] === true;
}
