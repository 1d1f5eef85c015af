import { describe, expect, it } from 'vitest';
import { parseHelper } from 'langium/test';
import type { CodeLens } from 'vscode-languageserver';
import { createTestServices } from '../../helpers/services.js';

async function lenses(text: string): Promise<Array<{ line: number; title: string; command: string; arguments?: unknown[] }>> {
    const services = createTestServices();
    const document = await parseHelper(services.Journey)(text, { documentUri: 'file:///workspace/saas.journey' });
    const result = (await services.Journey.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } })) ?? [];
    return result.map((lens: CodeLens) => ({
        line: lens.range.start.line,
        title: lens.command!.title,
        command: lens.command!.command,
        ...(lens.command!.arguments ? { arguments: lens.command!.arguments } : {}),
    }));
}

const journey = `team cs "CS"
journey saas "SaaS" {
  stage onboarding "Onboarding" {
    touchpoint welcome { emotion +1 }
    touchpoint kickoff { emotion +2 }
    touchpoint sso { emotion -2 }
    painpoint ssoConfusion { at sso  severity high }
  }

  stage renewal "Renewal" {
    touchpoint qbr { emotion -1 }
  }
  stage advocacy
}
`;

describe('code lens', () => {
    it('puts Open preview above each journey, with the document URI', async () => {
        const result = await lenses(journey);
        expect(result[0]).toEqual({
            line: 1, title: 'Open preview', command: 'journey.openPreviewToSide', arguments: ['file:///workspace/saas.journey'],
        });
    });

    it('shows counts and net emotion above each stage', async () => {
        const result = await lenses(journey);
        expect(result.slice(1)).toEqual([
            { line: 2, title: '3 touchpoints · 1 pain point · net emotion +1', command: '' },
            { line: 9, title: '1 touchpoint · 0 pain points · net emotion -1', command: '' },
            { line: 12, title: '0 touchpoints · 0 pain points · net emotion 0', command: '' },
        ]);
    });

    it('gives one Open preview per journey of the file and nothing for teams', async () => {
        const result = await lenses('team cs\njourney a { }\njourney b { }\n');
        expect(result.map((lens) => [lens.line, lens.title])).toEqual([[1, 'Open preview'], [2, 'Open preview']]);
    });

    it('survives a file with syntax errors', async () => {
        const result = await lenses('journey a {\n  stage s {\n    touchpoint t { emotion +1 \n');
        expect(result.map((lens) => lens.title)).toContain('Open preview');
    });
});
