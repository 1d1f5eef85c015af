import { AstUtils, isNamed, type LangiumDocument, type Reference } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ResponseError, type Position, type WorkspaceEdit } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { clearDocuments } from 'langium/test';
import { createTestServices } from '../../helpers/services.js';
import { ELEMENT_TYPES } from '../../../src/language/element-kinds.js';
import { workspaceOf, type MarkedDocument } from '../../helpers/marked-workspace.js';

const TEAMS = `// cs runs onboarding; "cs" in a comment or a string is not a reference.
team <|c<|>s|> "Customer Success (cs)"
segment enterprise
`;

const MAP = `journey saas {
  owner <|cs|> // cs owns the map
  stage onboarding {
    metric ttv { target <= 14 }
    touchpoint kickoff { owner <|cs|>  next welcome }
    touchpoint welcome /* after kickoff */ { owner <|cs|> }
    painpoint late { at kickoff }
  }
  initiative fix { owner product  addresses late }
  review q3 on 2026-10-15 { change r42 { improves onboarding "kickoff got shorter" } }
}
team product
`;

async function rename(file: MarkedDocument, services: Awaited<ReturnType<typeof workspaceOf>>['services'], position: Position, newName: string) {
    return services.Journey.lsp.RenameProvider!.rename(file.document, {
        textDocument: { uri: file.uri },
        position,
        newName,
    });
}

function applied(document: LangiumDocument, edit: WorkspaceEdit | undefined): string {
    const edits = edit?.changes?.[document.uri.toString()] ?? [];
    const text = document.textDocument;
    return TextDocument.applyEdits(TextDocument.create(text.uri, 'journey', 0, text.getText()), edits);
}

describe('rename across files', () => {
    it('renames a team in its declaration and in every file that uses it, and nothing else', async () => {
        const { services, files } = await workspaceOf({ 'teams.journey': TEAMS, 'map.journey': MAP });
        const teams = files['teams.journey'];
        const edit = await rename(teams, services, teams.cursors[0], 'success');
        expect(applied(teams.document, edit)).toBe(TEAMS.replace('<|c<|>s|>', 'success'));
        expect(applied(files['map.journey'].document, edit)).toBe(MAP.replaceAll('<|cs|>', 'success'));
    });

    it('renames from a reference, too', async () => {
        const { services, files } = await workspaceOf({ 'teams.journey': TEAMS, 'map.journey': MAP });
        const map = files['map.journey'];
        const edit = await rename(map, services, map.ranges[1].start, 'success');
        expect(Object.keys(edit?.changes ?? {}).sort()).toEqual([files['teams.journey'].uri, map.uri].sort());
        expect(applied(map.document, edit)).toBe(MAP.replaceAll('<|cs|>', 'success'));
    });

    it('renames every kind of named element, and the result links without errors', async () => {
        const plain = { 'teams.journey': TEAMS.replace('<|c<|>s|>', 'cs'), 'map.journey': MAP.replaceAll('<|cs|>', 'cs') };
        const { services, files } = await workspaceOf(plain);
        const declarations = Object.values(files).flatMap((file) =>
            AstUtils.streamAst(file.document.parseResult.value).filter(isNamed).map((node) => ({ file, node })).toArray(),
        );
        expect(new Set(declarations.map(({ node }) => node.$type))).toEqual(new Set(ELEMENT_TYPES));
        const check = createTestServices();
        for (const { file, node } of declarations) {
            const newName = `${node.name}Renamed`;
            const position = services.Journey.references.NameProvider.getNameNode(node)!.range.start;
            const edit = await rename(file, services, position, newName);
            const renamed = Object.fromEntries(Object.entries(files).map(([name, candidate]) => [name, applied(candidate.document, edit)]));
            await clearDocuments(check.shared);
            const after = await workspaceOf(renamed, check);
            for (const candidate of Object.values(after.files)) {
                const unresolved = candidate.document.references.filter((reference) => !(reference as Reference).ref).map((reference) => reference.$refText);
                expect(unresolved, `after renaming ${node.name}`).toEqual([]);
            }
            expect(Object.values(renamed).join('\n'), `renaming ${node.name}`).toMatch(new RegExp(`\\b${newName}\\b`));
        }
    });
});

describe('rename refuses names that would break the file', () => {
    async function refusal(newName: string): Promise<string> {
        const { services, files } = await workspaceOf({ 'teams.journey': TEAMS, 'map.journey': MAP });
        const teams = files['teams.journey'];
        try {
            await rename(teams, services, teams.cursors[0], newName);
        } catch (error) {
            expect(error).toBeInstanceOf(ResponseError);
            return (error as ResponseError<unknown>).message;
        }
        throw new Error(`renaming to '${newName}' was accepted`);
    }

    it('refuses a name that is not an identifier', async () => {
        expect(await refusal('customer success')).toMatch(/'customer success' is not a valid name/);
        expect(await refusal('1st')).toMatch(/is not a valid name/);
        expect(await refusal('')).toMatch(/is not a valid name/);
    });

    it('accepts a keyword where every occurrence is read as a name, and refuses it where one is not', async () => {
        const { services, files } = await workspaceOf({ 'teams.journey': TEAMS, 'map.journey': MAP });
        const teams = files['teams.journey'];
        const edit = await rename(teams, services, teams.cursors[0], 'review');
        expect(applied(files['map.journey'].document, edit)).toContain('owner review // cs owns the map');

        const split = await workspaceOf({ 'teams.journey': TEAMS, 'map.journey': MAP.replace('owner <|cs|> // cs', 'owner\n    <|cs|> // cs') });
        await expect(rename(split.files['teams.journey'], split.services, split.files['teams.journey'].cursors[0], 'high'))
            .rejects.toThrow(/'high' is a keyword of the .journey language and is read as a name only on the line of the word before it, which line 3 of map.journey is not/);
    });

    it('refuses a name that another team already has', async () => {
        expect(await refusal('product')).toMatch(/'product' is already the name of a team in the workspace/);
    });

    it('refuses a name already taken in the same journey, but not in another journey', async () => {
        const { services, files } = await workspaceOf({
            'a.journey': 'journey a {\n  stage s { touchpoint <|>kickoff  touchpoint welcome }\n}\njourney b {\n  stage t { touchpoint intro }\n}\n',
        });
        const file = files['a.journey'];
        await expect(rename(file, services, file.cursors[0], 'welcome')).rejects.toThrow(/'welcome' is already the name of a touchpoint in journey 'a'/);
        await expect(rename(file, services, file.cursors[0], 's')).rejects.toThrow(/already the name of a stage/);
        const edit = await rename(file, services, file.cursors[0], 'intro');
        expect(edit?.changes?.[file.uri]).toHaveLength(1);
    });

    it('offers to rename a name but not a keyword (prepareRename)', async () => {
        const { services, files } = await workspaceOf({ 'a.journey': 'journey a {\n  stage <|>s { touchpoint <|>kickoff }\n}\n' });
        const file = files['a.journey'];
        const provider = services.Journey.lsp.RenameProvider!;
        const params = (position: Position) => ({ textDocument: { uri: file.uri }, position });
        expect(await provider.prepareRename(file.document, params(file.cursors[1]))).toEqual({
            start: file.cursors[1],
            end: { line: file.cursors[1].line, character: file.cursors[1].character + 'kickoff'.length },
        });
        expect(await provider.prepareRename(file.document, params({ line: 1, character: 3 }))).toBeUndefined();
    });
});
