/**
 * Which project each document belongs to. A project root is a folder holding
 * a project file (journeys.json), or a workspace folder: a document belongs to
 * the nearest root above it. Documents under no root (the CLI reading files
 * with no project file above them, a test's virtual files) form one default
 * project, as the whole workspace did before projects existed.
 * The language server feeds it from the workspace folders and the project
 * files it finds and watches; the CLI's loader from the project files above
 * the files it reads.
 */
import { DEFAULT_PROJECT_SETTINGS, PROJECT_FILE_NAME, type ProjectFileProblem, type ProjectSettings, readProjectSettings } from './project-settings.js';
import { globMatcher } from './glob.js';

export interface Project {
    /** The root folder's URI without a trailing slash; '' for the default project. */
    root: string;
    /** The project file's URI, when the project has one. */
    file?: string;
    /** The project file's text (problems are offsets into it). */
    text?: string;
    /** The name for messages: the project file's `name`, else the root folder's name. */
    name: string;
    settings: ProjectSettings;
    problems: ProjectFileProblem[];
}

const DEFAULT_PROJECT: Project = { root: '', name: 'workspace', settings: DEFAULT_PROJECT_SETTINGS, problems: [] };

export class ProjectRegistry {
    private readonly withFile = new Map<string, Project>();
    private folders: string[] = [];
    private readonly byDocument = new Map<string, Project>();
    /** Increases with every change of roots or settings: caches keyed by project compare it. */
    private generation = 0;

    get version(): number {
        return this.generation;
    }

    /** The workspace folders (URIs): each is a project root even without a project file. */
    setWorkspaceFolders(folderUris: readonly string[]): void {
        this.folders = folderUris.map(withoutTrailingSlash);
        this.changed();
    }

    /** Records (or replaces) a project file's content; returns the project it makes. */
    setProjectFile(fileUri: string, text: string): Project {
        const root = parentOf(fileUri);
        const { settings, problems } = readProjectSettings(text);
        const project: Project = { root, file: fileUri, text, name: settings.name ?? basename(root), settings, problems };
        this.withFile.set(root, project);
        this.changed();
        return project;
    }

    /** Forgets the project file at `uri`, or every project file under the folder `uri`; true when there was one. */
    deleteProjectFilesUnder(uri: string): boolean {
        const roots = [...this.withFile.keys()].filter((root) => this.withFile.get(root)!.file === uri || isUnder(root, uri));
        roots.forEach((root) => this.withFile.delete(root));
        if (roots.length > 0) this.changed();
        return roots.length > 0;
    }

    /** Every project with a project file. */
    projectFiles(): Project[] {
        return [...this.withFile.values()];
    }

    /** The project a document (or folder) belongs to. */
    projectOf(uri: string): Project {
        let project = this.byDocument.get(uri);
        if (!project) {
            project = this.findProject(uri);
            this.byDocument.set(uri, project);
        }
        return project;
    }

    sameProject(a: string, b: string): boolean {
        return this.projectOf(a).root === this.projectOf(b).root;
    }

    /** Whether a .journey file is one of its project's files (its include and exclude globs). */
    includes(documentUri: string): boolean {
        const project = this.projectOf(documentUri);
        if (project.root === '') return true;
        const relative = documentUri.slice(project.root.length + 1);
        const { include, exclude } = project.settings;
        return include.some((pattern) => globMatcher(pattern)(relative)) && !exclude.some((pattern) => globMatcher(pattern)(relative));
    }

    private findProject(uri: string): Project {
        let best: Project | undefined;
        const consider = (candidate: Project) => {
            if (isUnder(uri, candidate.root) && (!best || candidate.root.length > best.root.length)) best = candidate;
        };
        this.withFile.forEach(consider);
        for (const folder of this.folders) {
            if (!this.withFile.has(folder)) consider({ root: folder, name: basename(folder), settings: DEFAULT_PROJECT_SETTINGS, problems: [] });
        }
        return best ?? DEFAULT_PROJECT;
    }

    private changed(): void {
        this.byDocument.clear();
        this.generation++;
    }
}

/** "project 'b2b-saas'" for a project with a project file, else "the workspace": where top-level names live, in messages. */
export function projectLabel(project: Project): string {
    return project.file === undefined ? 'the workspace' : `project '${project.name}'`;
}

export function isProjectFile(uri: string): boolean {
    return basename(uri) === PROJECT_FILE_NAME;
}

function isUnder(uri: string, root: string): boolean {
    return uri === root || uri.startsWith(`${root}/`);
}

function parentOf(uri: string): string {
    return uri.slice(0, uri.lastIndexOf('/'));
}

function basename(uri: string): string {
    return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

function withoutTrailingSlash(uri: string): string {
    return uri.endsWith('/') ? uri.slice(0, -1) : uri;
}
