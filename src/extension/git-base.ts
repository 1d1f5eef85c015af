/**
 * The base version for the preview's compare mode, read through VS Code's
 * built-in Git extension (its API, version 1): the repository of the file,
 * the file's text at a revision, and the branches, tags and recent commits
 * to pick from. The extension reads git — not the language server — because
 * VS Code's Git extension already knows the repositories, the git binary and
 * its settings, and works for remote workspaces; the server stays a pure
 * function of texts. Every failure becomes one sentence for the person.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';

/** The part of the Git extension's API (extensions/git/src/api/git.d.ts) used here. */
interface GitExtension {
    readonly enabled: boolean;
    getAPI(version: 1): GitApi;
}
interface GitApi {
    getRepository(uri: vscode.Uri): Repository | null;
}
interface Ref {
    /** 0: branch, 1: remote branch, 2: tag. */
    readonly type: number;
    readonly name?: string;
    readonly commit?: string;
}
interface Commit {
    readonly hash: string;
    readonly message: string;
}
interface Repository {
    readonly rootUri: vscode.Uri;
    readonly state: { readonly refs: Ref[]; readonly HEAD?: Ref };
    show(ref: string, path: string): Promise<string>;
    getRefs?(query: { pattern?: string; count?: number; sort?: 'alphabetically' | 'committerdate' }): Promise<Ref[]>;
    log(options?: { maxEntries?: number }): Promise<Commit[]>;
}

export type RepositoryLookup = { repository: Repository } | { reason: string };

/** The repository holding the file, or why there is none to compare with. */
export async function repositoryOf(uri: vscode.Uri): Promise<RepositoryLookup> {
    const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
    if (!extension) return { reason: 'Compare needs VS Code\'s built-in Git extension, which is not available here: enable "Git" in the Extensions view.' };
    const git = extension.isActive ? extension.exports : await extension.activate();
    if (!git.enabled) return { reason: 'Compare needs git, and Git is turned off: set "git.enabled" to true.' };
    const repository = git.getAPI(1).getRepository(uri);
    if (!repository) {
        return { reason: `${path.basename(uri.fsPath)} is not in a git repository (or git is not installed), so there is no earlier version to compare with; journey render --compare OLDFILE compares with a file.` };
    }
    return { repository };
}

/** The file's text at the revision; null when the file did not exist there (then everything is new). */
export async function textAt(repository: Repository, revision: string, uri: vscode.Uri): Promise<string | null> {
    try {
        return await repository.show(revision, uri.fsPath);
    } catch (error) {
        const stderr = (error as { stderr?: unknown }).stderr;
        const text = typeof stderr === 'string' && stderr !== '' ? stderr : error instanceof Error ? error.message : 'unknown error';
        if (/exists on disk, but not in|does not exist in|path .* does not exist/i.test(text)) return null;
        throw new Error(`git could not read ${path.basename(uri.fsPath)} at ${revision}: ${text.split('\n')[0]}`, { cause: error });
    }
}

export interface RevisionPick extends vscode.QuickPickItem {
    revision: string;
}

/** Branches, tags and the 20 most recent commits, for "Compare with…". */
export async function revisionsOf(repository: Repository): Promise<RevisionPick[]> {
    const refs = repository.getRefs ? await repository.getRefs({ sort: 'committerdate' }) : repository.state.refs;
    const named = (type: number, label: string) => refs.filter((ref) => ref.type === type && ref.name).map((ref): RevisionPick => ({
        label: `$(${type === 2 ? 'tag' : 'git-branch'}) ${ref.name}`,
        description: `${label}${ref.commit ? ` · ${ref.commit.slice(0, 7)}` : ''}`,
        revision: ref.name!,
    }));
    const commits = await repository.log({ maxEntries: 20 }).catch((): Commit[] => []);
    return [
        { label: 'Branches', kind: vscode.QuickPickItemKind.Separator, revision: '' },
        ...named(0, 'branch'),
        ...named(1, 'remote branch'),
        { label: 'Tags', kind: vscode.QuickPickItemKind.Separator, revision: '' },
        ...named(2, 'tag'),
        { label: 'Recent commits', kind: vscode.QuickPickItemKind.Separator, revision: '' },
        ...commits.map((commit): RevisionPick => ({ label: `$(git-commit) ${commit.hash.slice(0, 7)}`, description: commit.message.split('\n')[0], revision: commit.hash })),
    ];
}
