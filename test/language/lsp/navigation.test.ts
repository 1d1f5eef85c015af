import { expectFindReferences, expectGoToDefinition, expectHighlight } from 'langium/test';
import { describe, expect, it } from 'vitest';
import { createTestServices } from '../../helpers/services.js';
import { workspaceOf } from '../../helpers/marked-workspace.js';

const TEAMS = `
// The teams, shared by every map.
team <|cs|> "Customer Success"
segment <|enterprise|> "Enterprise"
`;

/** Every use of the team \`cs\` is marked as a range; the cursor is on the first. */
const MAP = `
journey saas {
  owner <|c<|>s|>
  stage onboarding {
    touchpoint kickoff { owner <|cs|>  for enterprise }
  }
  stage renewal {
    touchpoint qbr { owner <|cs|>  next kickoff }
  }
}
`;

describe('go to definition', () => {
    it('goes from a reference to its declaration in the same journey, across stages', async () => {
        await expectGoToDefinition(createTestServices().Journey)({
            text: `journey j {
  stage a { touchpoint <|kickoff|> }
  stage b { touchpoint qbr { next kick<|>off } }
}`,
            index: 0,
            rangeIndex: 0,
        });
    });

    it('goes to a team declared in another file', async () => {
        const { services, files } = await workspaceOf({ 'teams.journey': TEAMS, 'map.journey': MAP });
        const map = files['map.journey'];
        const links = await services.Journey.lsp.DefinitionProvider!.getDefinition(map.document, {
            textDocument: { uri: map.uri },
            position: map.cursors[0],
        });
        expect(links).toHaveLength(1);
        expect(links![0].targetUri).toBe(files['teams.journey'].uri);
        expect(links![0].targetSelectionRange).toEqual(files['teams.journey'].ranges[0]);
    });

    it('finds the element of its own journey when another journey has the same name', async () => {
        await expectGoToDefinition(createTestServices().Journey)({
            text: `journey first { stage s { touchpoint kickoff } }
journey second {
  stage s { touchpoint <|kickoff|>  touchpoint qbr { next kick<|>off } }
}`,
            index: 0,
            rangeIndex: 0,
        });
    });
});

describe('find all references', () => {
    it('finds the uses of a touchpoint, with or without its declaration', async () => {
        const text = `journey j {
  stage a { touchpoint <|kick<|>off|> }
  stage b {
    touchpoint qbr { next <|kickoff|> }
    painpoint late { at <|kickoff|> }
  }
}`;
        await expectFindReferences(createTestServices().Journey)({ text, includeDeclaration: true });
        await expectFindReferences(createTestServices().Journey)({
            text: text.replace('<|kick<|>off|>', 'kick<|>off'),
            includeDeclaration: false,
        });
    });

    it('finds the uses of a team in every file of the workspace', async () => {
        const { services, files } = await workspaceOf({
            'teams.journey': TEAMS,
            'map.journey': MAP,
            'other.journey': 'journey other {\n  owner <|cs|>\n}\n',
        });
        const teams = files['teams.journey'];
        const references = await services.Journey.lsp.ReferencesProvider!.findReferences(teams.document, {
            textDocument: { uri: teams.uri },
            position: teams.ranges[0].start,
            context: { includeDeclaration: true },
        });
        const found = references.map((location) => ({ uri: location.uri, range: location.range }));
        const expected = [
            { uri: teams.uri, range: teams.ranges[0] },
            ...files['map.journey'].ranges.map((range) => ({ uri: files['map.journey'].uri, range })),
            { uri: files['other.journey'].uri, range: files['other.journey'].ranges[0] },
        ];
        expect(found).toHaveLength(expected.length);
        expect(found).toEqual(expect.arrayContaining(expected));
    });

    it('finds the uses of a segment declared in another file', async () => {
        const { services, files } = await workspaceOf({
            'teams.journey': TEAMS,
            'map.journey': 'journey j {\n  stage s {\n    touchpoint t { for <|enterprise|> }\n    painpoint p { for <|enter<|>prise|> }\n  }\n}\n',
        });
        const map = files['map.journey'];
        const references = await services.Journey.lsp.ReferencesProvider!.findReferences(map.document, {
            textDocument: { uri: map.uri },
            position: map.cursors[0],
            context: { includeDeclaration: true },
        });
        expect(references.map((location) => location.uri).sort()).toEqual([map.uri, map.uri, files['teams.journey'].uri].sort());
    });
});

describe('document highlight', () => {
    it('highlights the declaration and every use of the name under the cursor', async () => {
        await expectHighlight(createTestServices().Journey)({
            text: `journey j {
  stage <|onboarding|> {
    touchpoint kickoff
  }
  review q3 { change c { improves <|onbo<|>arding|>  worsens <|onboarding|> } }
}`,
            index: 0,
            rangeIndex: [0, 1, 2],
        });
    });

    it('highlights the uses of a team declared in another file, in this file only', async () => {
        const { services, files } = await workspaceOf({ 'teams.journey': TEAMS, 'map.journey': MAP });
        const map = files['map.journey'];
        const highlights = await services.Journey.lsp.DocumentHighlightProvider!.getDocumentHighlight(map.document, {
            textDocument: { uri: map.uri },
            position: map.cursors[0],
        });
        expect(highlights?.map((highlight) => highlight.range)).toEqual(map.ranges);
    });
});
