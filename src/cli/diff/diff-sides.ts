/**
 * The two sides `journey diff` and `journey review` compare, from their
 * arguments: two files or folders; a git revision against the working tree or
 * another revision; or the seven arguments git passes a diff driver.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { stringOption, type ParsedCommand } from '../command.js';
import { collectJourneyFiles, journeyFilesOfWorkspace } from '../load-workspace.js';
import { UsageError } from '../usage-error.js';
import { journeyFilesAtRevision, MAX_FILE_BYTES, repositoryRoot, resolveRevision } from './git-revision.js';
import { loadSide, type LoadedSide, type SideChecks, type SourceFile } from './load-side.js';

export interface Sides {
    before: LoadedSide;
    after: LoadedSide;
    /** For a git driver: the path git names the file by. */
    gitPath?: string;
}

type LoadFiles = (label: string, files: readonly SourceFile[]) => Promise<LoadedSide>;

/** What git hands a diff driver for an added or deleted file. */
const NO_FILE = '/dev/null';

export async function loadSides(commandName: string, args: ParsedCommand, checks: SideChecks): Promise<Sides> {
    const today = stringOption(args, 'today');
    const load = (label: string, files: readonly SourceFile[]) => loadSide(label, files, today, checks);
    const base = stringOption(args, 'base');
    const head = stringOption(args, 'head');
    if (args.values['git-driver'] === true) {
        return driverSides(commandName, args.positionals, load);
    }
    if (base !== undefined) {
        return revisionSides(base, head, args.positionals, load);
    }
    if (head !== undefined) {
        throw new UsageError(`journey ${commandName}: --head goes with --base (see journey ${commandName} --help)`);
    }
    if (args.positionals.length !== 2) {
        throw new UsageError(`journey ${commandName}: expected OLD and NEW (two files or two folders), or --base REV (see journey ${commandName} --help)`);
    }
    const [old, now] = args.positionals;
    const workspace = await journeyFilesOfWorkspace(stringOption(args, 'workspace'));
    return pathSides(old, now, workspace, load);
}

async function revisionSides(base: string, head: string | undefined, paths: readonly string[], load: LoadFiles): Promise<Sides> {
    const root = await repositoryRoot(process.cwd());
    const given = paths.length > 0 ? paths : ['.'];
    const inRepository = given.map((given) => repositoryPath(root, given));
    const baseCommit = await resolveRevision(root, base);
    const beforeFiles = await journeyFilesAtRevision(root, baseCommit, inRepository);
    const afterFiles = head === undefined
        ? await readFiles(await collectJourneyFiles(given))
        : await journeyFilesAtRevision(root, await resolveRevision(root, head), inRepository);
    const [before, after] = await Promise.all([
        load(base, beforeFiles),
        load(head ?? 'the working tree', afterFiles),
    ]);
    return { before, after };
}

/** A path relative to the repository's root, or a one-line error when it lies outside. */
function repositoryPath(root: string, given: string): string {
    const relative = path.relative(root, path.resolve(given));
    if (relative.startsWith('..') || path.isAbsolute(relative)) {
        throw new UsageError(`${given}: outside the git repository at ${root}`);
    }
    return relative.split(path.sep).join('/');
}

async function pathSides(old: string, now: string, workspace: readonly string[], load: LoadFiles): Promise<Sides> {
    const [oldKind, newKind] = await Promise.all([pathKind(old), pathKind(now)]);
    if (oldKind !== newKind && oldKind !== 'none' && newKind !== 'none') {
        throw new UsageError(`${old} is a ${oldKind} and ${now} a ${newKind}: compare two files or two folders`);
    }
    const shared = workspace.filter((file) => file !== path.resolve(old) && file !== path.resolve(now));
    const side = async (given: string, kind: PathKind) => {
        const own = kind === 'none' ? [] : await collectJourneyFiles([given]);
        return readFiles([...own, ...shared]);
    };
    const [before, after] = await Promise.all([
        side(old, oldKind).then((files) => load(old, files)),
        side(now, newKind).then((files) => load(now, files)),
    ]);
    return { before, after };
}

type PathKind = 'file' | 'folder' | 'none';

/** A file, a folder, or /dev/null (an added or deleted file, as git says it). */
async function pathKind(given: string): Promise<PathKind> {
    if (given === NO_FILE) return 'none';
    const stat = await fs.stat(given).catch(() => undefined);
    if (!stat) {
        throw new UsageError(`${given}: no such file or folder`);
    }
    return stat.isDirectory() ? 'folder' : 'file';
}

/** git calls a diff driver with: path old-file old-hex old-mode new-file new-hex new-mode. */
async function driverSides(commandName: string, positionals: readonly string[], load: LoadFiles): Promise<Sides> {
    if (positionals.length !== 7) {
        throw new UsageError(`journey ${commandName} --git-driver: expected the 7 arguments git passes a diff driver, got ${positionals.length}`);
    }
    const [gitPath, oldFile, , , newFile] = positionals;
    const sides = await pathSides(oldFile, newFile, [], load);
    return { ...sides, gitPath };
}

export async function readFiles(files: readonly string[]): Promise<SourceFile[]> {
    return Promise.all(files.map(async (file) => {
        const stat = await fs.stat(file);
        if (stat.size > MAX_FILE_BYTES) {
            throw new UsageError(`${file}: ${Math.round(stat.size / 1024 / 1024)} MB is too large to compare (at most ${MAX_FILE_BYTES / 1024 / 1024} MB)`);
        }
        try {
            return { path: file, text: await fs.readFile(file, 'utf8') };
        } catch (error) {
            throw new UsageError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
        }
    }));
}
