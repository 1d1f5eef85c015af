// Files that appear and disappear on disk (a git pull, a file made in the
// explorer) reach the language server through the watcher it registers with
// VS Code; the extension adds none of its own. The open map sees the change
// without being edited.
import { after, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { openJourney, waitFor } from '../helpers.js';

const MAP = `journey pilot "Pilot programme" {
  owner pilots
  reviewed 2026-11-01
  stage trial "Trial" {
    touchpoint kickoff "Kickoff call" { channel call  owner pilots  emotion +1 }
  }
}
`;
const TEAMS = 'team pilots "Pilot team"\n';

describe('Files on disk', function () {
    const folder = () => vscode.workspace.workspaceFolders![0].uri;
    const mapFile = () => vscode.Uri.joinPath(folder(), 'pilot.journey');
    const teamsFile = () => vscode.Uri.joinPath(folder(), 'pilot-teams.journey');
    const unknownTeamErrors = () =>
        vscode.languages.getDiagnostics(mapFile()).filter((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Error && /pilots/.test(diagnostic.message));

    after(async function () {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        for (const file of [mapFile(), teamsFile()]) await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
    });

    it('a teams file created and deleted on disk resolves and unresolves the open map', async function () {
        await vscode.workspace.fs.writeFile(mapFile(), new TextEncoder().encode(MAP));
        await openJourney(mapFile());
        await waitFor(() => unknownTeamErrors().length, 'the unknown team to be reported', (count) => count === 2);

        await vscode.workspace.fs.writeFile(teamsFile(), new TextEncoder().encode(TEAMS));
        await waitFor(() => unknownTeamErrors().length, 'the team declared on disk to resolve', (count) => count === 0);

        await vscode.workspace.fs.delete(teamsFile());
        await waitFor(() => unknownTeamErrors().length, 'the deleted team to be reported again', (count) => count === 2);
    });
});
