// Compare mode where there is nothing to compare with: the examples/ folder
// is opened as a new user would, outside any git repository. The commands say
// why in one line (their answer is the message the person sees) and the
// preview stays on the plain map.
import * as assert from 'node:assert/strict';
import { after, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { journeyFiles, openJourney } from '../helpers.js';
import { preview } from '../preview-api.js';

describe('Compare outside a git repository', function () {
    after(async function () {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('Compare with HEAD and Compare with… explain that the file is not in a repository', async function () {
        const uri = (await journeyFiles()).find((file) => file.path.endsWith('support-heavy/support.journey'));
        assert.ok(uri, 'the examples folder has support-heavy/support.journey');
        await openJourney(uri);
        const expected = 'support.journey is not in a git repository (or git is not installed), so there is no earlier version to compare with; journey render --compare OLDFILE compares with a file.';
        assert.equal(await vscode.commands.executeCommand('journey.compareWithHead'), expected);
        assert.equal(await vscode.commands.executeCommand('journey.compareWith'), expected);
        assert.ok(preview().inspectAll().every((shown) => (shown as { compare?: unknown }).compare === undefined), 'no preview entered compare mode');
    });
});
