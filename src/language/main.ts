import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { createJourneyServices } from './journey-module.js';

// The language server entry: bundled as out/server.cjs, started by the VS Code
// extension over IPC and by any editor as `journey-language-server --stdio`.
const connection = createConnection(ProposedFeatures.all);
const { shared } = createJourneyServices({ connection, ...NodeFileSystem });
startLanguageServer(shared);
