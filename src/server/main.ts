import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { createWorkerLayouter } from '../diagram/index.js';
import { createJourneyServices } from '../language/journey-module.js';
import { registerDiagramRequests } from './diagram-requests.js';
import { registerTuneUpRequests } from './tune-up-requests.js';
import { publishDiagnosticsInScope } from './validation-scope.js';
import { publishProjectFileProblems } from './project-file-diagnostics.js';
import { followWorkspaceFolders } from './workspace-folders.js';

// The language server entry: bundled as out/server.cjs, started by the VS Code
// extension over IPC and by any editor as `journey-language-server --stdio`.
// It lives outside src/language because it also serves the map (model → diagram).
const connection = createConnection(ProposedFeatures.all);
const { shared, Journey } = createJourneyServices({ connection, ...NodeFileSystem });
// One layouter for the server's lifetime: its workers and laid-out stages serve every preview.
registerDiagramRequests(connection, shared, Journey, createWorkerLayouter());
registerTuneUpRequests(connection, shared, Journey);
publishDiagnosticsInScope(connection, shared);
publishProjectFileProblems(connection, shared, Journey.projects.ProjectRegistry);
followWorkspaceFolders(connection, shared);
startLanguageServer(shared);
