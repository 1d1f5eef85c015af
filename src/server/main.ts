import { setFlagsFromString } from 'node:v8';
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
// Each keystroke in a big map leaves its parse and validation behind as
// garbage. By default V8 lets the heap grow to up to four times what survived
// the last full collection before collecting again: 750 MB for a map of
// 20,000 touchpoints that needs 250. A long-lived server in the editor's
// background collects sooner instead; a full collection of that map takes
// ~10 ms, well within a keystroke.
setFlagsFromString('--heap-growing-percent=50');
const connection = createConnection(ProposedFeatures.all);
const { shared, Journey } = createJourneyServices({ connection, ...NodeFileSystem });
// One layouter for the server's lifetime: its workers and laid-out stages serve every preview.
registerDiagramRequests(connection, shared, Journey, createWorkerLayouter());
registerTuneUpRequests(connection, shared, Journey);
publishDiagnosticsInScope(connection, shared);
publishProjectFileProblems(connection, shared, Journey.projects.ProjectRegistry);
followWorkspaceFolders(connection, shared);
startLanguageServer(shared);
