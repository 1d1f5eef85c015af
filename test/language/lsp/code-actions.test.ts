import { beforeEach, describe, expect, it } from 'vitest';
import { parseHelper } from 'langium/test';
import type { LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type CodeAction, CodeActionKind, type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { createTestServices, TODAY } from '../../helpers/services.js';
import { DiagnosticCode } from '../../../src/language/diagnostic-codes.js';
import { titleFromName } from '../../../src/language/lsp/code-actions.js';
import { closestNames } from '../../../src/language/references/closest-names.js';

let services: ReturnType<typeof createTestServices>;
let documentCount = 0;

beforeEach(() => {
    services = createTestServices();
});

async function parse(text: string, uri = `file:///workspace/map${++documentCount}.journey`): Promise<LangiumDocument> {
    return parseHelper(services.Journey)(text, { documentUri: uri });
}

/** The quick fixes for a diagnostic with the given code on the range marked `<|…|>`, as the validator reports it. */
async function fixesFor(marked: string, code: string): Promise<{ document: LangiumDocument; actions: CodeAction[] }> {
    const start = marked.indexOf('<|');
    const end = marked.indexOf('|>') - 2;
    const document = await parse(marked.replace('<|', '').replace('|>', ''));
    const diagnostic: Diagnostic = {
        code,
        message: code,
        severity: DiagnosticSeverity.Warning,
        range: { start: document.textDocument.positionAt(start), end: document.textDocument.positionAt(end) },
    };
    return { document, actions: await codeActions(document, [diagnostic]) };
}

/** The quick fixes only (as the editor asks for them from the Problems panel): the start-review action has its own tests. */
async function codeActions(document: LangiumDocument, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
    const actions = await services.Journey.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.textDocument.uri },
        range: diagnostics[0].range,
        context: { diagnostics, only: [CodeActionKind.QuickFix] },
    });
    return (actions ?? []) as CodeAction[];
}

/** The text after applying the action; the result must parse without errors. */
async function apply(document: LangiumDocument, action: CodeAction): Promise<string> {
    const edits = action.edit?.changes?.[document.textDocument.uri] ?? [];
    const text = TextDocument.applyEdits(TextDocument.create('file:///x.journey', 'journey', 0, document.textDocument.getText()), edits);
    const reparsed = await parse(text);
    expect(reparsed.parseResult.lexerErrors).toEqual([]);
    expect(reparsed.parseResult.parserErrors.map((error) => error.message)).toEqual([]);
    return text;
}

/** The unresolved-reference diagnostics of a document, as the workspace reports them. */
async function unresolved(text: string): Promise<{ document: LangiumDocument; diagnostics: Diagnostic[] }> {
    const document = await parseHelper(services.Journey)(text, { documentUri: `file:///workspace/map${++documentCount}.journey`, validation: true });
    const diagnostics = (document.diagnostics ?? []).filter((diagnostic) =>
        diagnostic.code === DiagnosticCode.UnresolvedReference || (diagnostic.data as { code?: string } | undefined)?.code === 'linking-error');
    return { document, diagnostics };
}

const teams = 'team support "Support"\nteam sales "Sales"\nteam product "Product"\n';

describe('unresolved reference', () => {
    it('offers the closest team names, best first, and applies the choice', async () => {
        const { document, diagnostics } = await unresolved(`${teams}journey j {\n  owner supprot\n}\n`);
        expect(diagnostics).toHaveLength(1);
        const actions = await codeActions(document, diagnostics);
        expect(actions.map((action) => action.title)).toEqual(["Change to 'support' (Support)", "Declare team 'supprot'"]);
        expect(actions[0].isPreferred).toBe(true);
        expect(await apply(document, actions[0])).toBe(`${teams}journey j {\n  owner support\n}\n`);
    });

    it('offers teams declared in another file of the workspace', async () => {
        await parse(teams, 'file:///workspace/teams.journey');
        const { document, diagnostics } = await unresolved('journey j { owner prodct }');
        const actions = await codeActions(document, diagnostics);
        expect(actions[0].title).toBe("Change to 'product' (Product)");
        expect(await apply(document, actions[0])).toBe('journey j { owner product }');
    });

    it('declares a missing team after the last team of the file, keeping its comment', async () => {
        const text = `team support "Support" // tier 1 and 2\n\njourney j {\n  owner customerSuccess\n}\n`;
        const { document, diagnostics } = await unresolved(text);
        const actions = await codeActions(document, diagnostics);
        const declare = actions.find((action) => action.title === "Declare team 'customerSuccess'")!;
        expect(await apply(document, declare)).toBe(
            `team support "Support" // tier 1 and 2\nteam customerSuccess "Customer Success"\n\njourney j {\n  owner customerSuccess\n}\n`,
        );
    });

    it('declares a missing segment at the end of a file that has no team or segment', async () => {
        const text = 'journey j {\n  stage s {\n    touchpoint t { for vip }\n  }\n}';
        const { document, diagnostics } = await unresolved(text);
        const actions = await codeActions(document, diagnostics);
        expect(actions.map((action) => action.title)).toEqual(["Declare segment 'vip'"]);
        expect(await apply(document, actions[0])).toBe(`${text}\n\nsegment vip "VIP"\n`);
    });

    it('offers touchpoints of the same journey for next', async () => {
        const text = 'journey j { stage s {\n  touchpoint welcome { next kickof }\n  touchpoint kickoff "Kickoff call"\n} }\njourney other { stage s { touchpoint kickoff2 } }';
        const { document, diagnostics } = await unresolved(text);
        const actions = await codeActions(document, diagnostics);
        expect(actions.map((action) => action.title)).toEqual(["Change to 'kickoff' (Kickoff call)"]);
    });

    it('offers stages for improves, and nothing to declare', async () => {
        const text = 'journey j {\n  stage onboarding\n  review r on 2026-10-01 { change c { improves onbaording "better" } }\n}';
        const { document, diagnostics } = await unresolved(text);
        const actions = await codeActions(document, diagnostics);
        expect(actions.map((action) => action.title)).toEqual(["Change to 'onboarding'"]);
        expect(await apply(document, actions[0])).toContain('improves onboarding "better"');
    });

    it('works from the diagnostic alone when the validator gives our code and data', async () => {
        const { document, actions } = await fixesFor(`${teams}journey j { owner <|sals|> }`, DiagnosticCode.UnresolvedReference);
        expect(actions.map((action) => action.title)).toEqual(["Change to 'sales' (Sales)", "Declare team 'sals'"]);
        expect(await apply(document, actions[0])).toBe(`${teams}journey j { owner sales }`);
    });
});

describe('pain point without severity', () => {
    it('adds severity after `at` in a multi-line block, keeping comments', async () => {
        const text = [
            'journey j { stage s {',
            '  touchpoint sso',
            '  painpoint <|handoff|> "Handoff loses context" {',
            '    at sso   // the kickoff call',
            '    internal',
            '  }',
            '} }',
        ].join('\n');
        const { document, actions } = await fixesFor(text, DiagnosticCode.MissingSeverity);
        expect(actions.map((action) => action.title)).toEqual(["Add 'severity medium' to 'handoff'"]);
        expect(await apply(document, actions[0])).toBe([
            'journey j { stage s {',
            '  touchpoint sso',
            '  painpoint handoff "Handoff loses context" {',
            '    at sso   // the kickoff call',
            '    severity medium',
            '    internal',
            '  }',
            '} }',
        ].join('\n'));
    });

    it('adds severity at the end of a multi-line block without `at`', async () => {
        const text = 'journey j { stage s {\n  painpoint <|p|> {\n    evidence "tickets"\n    // more to come\n  }\n} }';
        const { document, actions } = await fixesFor(text, DiagnosticCode.MissingSeverity);
        expect(await apply(document, actions[0])).toBe(
            'journey j { stage s {\n  painpoint p {\n    evidence "tickets"\n    // more to come\n    severity medium\n  }\n} }',
        );
    });

    it('puts the closing brace on its own line when it shares a line with content', async () => {
        const text = 'journey j { stage s {\n  painpoint <|p|> {\n    evidence "tickets" }\n} }';
        const { document, actions } = await fixesFor(text, DiagnosticCode.MissingSeverity);
        expect(await apply(document, actions[0])).toBe(
            'journey j { stage s {\n  painpoint p {\n    evidence "tickets"\n    severity medium\n  }\n} }',
        );
    });

    it('keeps a one-line block on one line', async () => {
        const { document, actions } = await fixesFor('journey j { stage s { touchpoint t  painpoint <|p|> { at t } } }', DiagnosticCode.MissingSeverity);
        expect(await apply(document, actions[0])).toBe('journey j { stage s { touchpoint t  painpoint p { at t  severity medium } } }');
    });

    it('fills an empty block and gives a block to a pain point without one', async () => {
        const empty = await fixesFor('journey j { stage s { painpoint <|p|> {} } }', DiagnosticCode.MissingSeverity);
        expect(await apply(empty.document, empty.actions[0])).toBe('journey j { stage s { painpoint p { severity medium } } }');
        const none = await fixesFor('journey j {\n  stage s {\n    painpoint <|p|> "Slow" // why\n  }\n}', DiagnosticCode.MissingSeverity);
        expect(await apply(none.document, none.actions[0])).toBe('journey j {\n  stage s {\n    painpoint p "Slow" { severity medium } // why\n  }\n}');
    });
});

describe('unaddressed high or critical pain point', () => {
    const journey = [
        'team cs "CS"',
        'team product "Product"',
        'journey saas {',
        '  owner cs',
        '  stage onboarding {',
        '    touchpoint sso { owner product }',
        '    painpoint ssoConfusion "SSO is \\"confusing\\"" { at sso  severity <|high|> }',
        '  } // end of onboarding',
        '%INITIATIVES%}',
    ].join('\n');

    it('adds a planned initiative owned by the team of the touchpoint, after the last stage', async () => {
        const { document, actions } = await fixesFor(journey.replace('%INITIATIVES%', ''), DiagnosticCode.UnaddressedPainPoint);
        expect(actions.map((action) => action.title)).toEqual(["Add an initiative that addresses 'ssoConfusion'"]);
        expect(await apply(document, actions[0])).toBe(journey.replace('<|high|>', 'high').replace('%INITIATIVES%', '').replace(
            '  } // end of onboarding\n',
            '  } // end of onboarding\n\n' +
            '  initiative fixSsoConfusion "Fix: SSO is \\"confusing\\"" {\n' +
            '    owner product\n' +
            '    addresses ssoConfusion\n' +
            '    status planned\n' +
            '  }\n',
        ));
    });

    it('adds it after the last initiative, with a name not yet used and the journey owner', async () => {
        const existing = '  initiative fixSsoConfusion "Older" { owner cs }\n';
        const text = journey.replace('%INITIATIVES%', existing).replace('touchpoint sso { owner product }', 'touchpoint sso');
        const { document, actions } = await fixesFor(text, DiagnosticCode.UnaddressedPainPoint);
        const result = await apply(document, actions[0]);
        expect(result).toContain(`${existing}\n  initiative fixSsoConfusion2 "Fix: SSO is \\"confusing\\"" {\n    owner cs\n    addresses ssoConfusion\n`);
    });
});

describe('reviews and due dates', () => {
    it('sets a stale reviewed date to today, keeping the comment', async () => {
        const { document, actions } = await fixesFor('journey j {\n  reviewed <|2026-01-15|>   // last tune-up\n}', DiagnosticCode.StaleReview);
        expect(actions.map((action) => action.title)).toEqual([`Mark 'j' as reviewed today (${TODAY})`]);
        expect(await apply(document, actions[0])).toBe(`journey j {\n  reviewed ${TODAY}   // last tune-up\n}`);
    });

    it('offers nothing for a journey whose name was deleted since the diagnostic (it offered "Mark \'undefined\'", found by the fuzzer)', async () => {
        const { actions } = await fixesFor('journey <|"Onboarding"|> {\n  stage s\n}', DiagnosticCode.NeverReviewed);
        expect(actions).toEqual([]);
    });

    it('adds reviewed after the owner of a journey never reviewed', async () => {
        const { document, actions } = await fixesFor('team cs\njourney <|j|> {\n  owner cs\n\n  stage s\n}', DiagnosticCode.NeverReviewed);
        expect(await apply(document, actions[0])).toBe(`team cs\njourney j {\n  owner cs\n  reviewed ${TODAY}\n\n  stage s\n}`);
    });

    it('adds reviewed first in a journey without description or owner', async () => {
        const { document, actions } = await fixesFor('journey <|j|> {\n  stage s\n}', DiagnosticCode.NeverReviewed);
        expect(await apply(document, actions[0])).toBe(`journey j {\n  reviewed ${TODAY}\n  stage s\n}`);
    });

    it('marks a past-due initiative done by changing its status', async () => {
        const { document, actions } = await fixesFor('journey j {\n  initiative i {\n    due <|2026-01-31|>\n    status active // on track?\n  }\n}', DiagnosticCode.PastDueInitiative);
        expect(actions.map((action) => action.title)).toEqual(["Mark 'i' as done"]);
        expect(await apply(document, actions[0])).toBe('journey j {\n  initiative i {\n    due 2026-01-31\n    status done // on track?\n  }\n}');
    });

    it('marks a past-due initiative without status done by adding a line after due', async () => {
        const { document, actions } = await fixesFor('journey j {\n  initiative i {\n    impact high  due <|2026-01-31|>\n    owner x\n  }\n}', DiagnosticCode.PastDueInitiative);
        expect(await apply(document, actions[0])).toBe('journey j {\n  initiative i {\n    impact high  due 2026-01-31\n    status done\n    owner x\n  }\n}');
    });
});

describe('helpers', () => {
    it('ranks names by edit distance, ignoring case, and drops far ones', () => {
        const names = ['support', 'sales', 'product', 'Supply', 'marketing'].map((name) => ({ name }));
        expect(closestNames('Suport', names).map((candidate) => candidate.name)).toEqual(['support']);
        expect(closestNames('sale', names).map((candidate) => candidate.name)).toEqual(['sales']);
        expect(closestNames('prod', names).map((candidate) => candidate.name)).toEqual(['product']);
        expect(closestNames('suppl', names).map((candidate) => candidate.name)).toEqual(['Supply']);
        expect(closestNames('xyz', names)).toEqual([]);
    });

    it('makes a title from a name', () => {
        expect(titleFromName('customerSuccess')).toBe('Customer Success');
        expect(titleFromName('cs')).toBe('CS');
        expect(titleFromName('mid_market')).toBe('Mid Market');
    });

    it('ignores diagnostics it has no fix for', async () => {
        const { actions } = await fixesFor('journey j { stage <|s|> }', DiagnosticCode.EmptyStage);
        expect(actions).toEqual([]);
    });
});

describe("with the validator's own diagnostics", () => {
    /** Validates, fixes the one diagnostic with the code, and validates the result again: the diagnostic is gone. */
    async function fixAndRevalidate(text: string, code: string): Promise<string> {
        const document = await parseHelper(services.Journey)(text, { documentUri: `file:///workspace/map${++documentCount}.journey`, validation: true });
        const diagnostics = (document.diagnostics ?? []).filter((diagnostic) => diagnostic.code === code);
        expect(diagnostics, code).toHaveLength(1);
        const actions = await codeActions(document, diagnostics);
        const preferred = actions.find((action) => action.isPreferred) ?? actions[0];
        expect(preferred, `a quick fix for ${code}`).toBeDefined();
        const fixed = await apply(document, preferred);
        const after = await parseHelper(services.Journey)(fixed, { documentUri: `file:///workspace/map${++documentCount}.journey`, validation: true });
        expect((after.diagnostics ?? []).filter((diagnostic) => diagnostic.code === code)).toEqual([]);
        return fixed;
    }

    const base = [
        'team cs "CS"',
        'segment ent "Enterprise"',
        'journey j {',
        '  owner cs',
        '  reviewed 2026-11-01',
        '  stage s {',
        '    touchpoint t { channel web  owner cs  emotion +1  for ent }',
        '    painpoint p "Slow" { at t  severity low }',
        '  }',
        '}',
    ].join('\n');

    it('fixes a missing severity', async () => {
        expect(await fixAndRevalidate(base.replace('  severity low', ''), DiagnosticCode.MissingSeverity)).toContain('painpoint p "Slow" { at t  severity medium }');
    });

    it('fixes an unaddressed critical pain point', async () => {
        const fixed = await fixAndRevalidate(base.replace('severity low', 'severity critical'), DiagnosticCode.UnaddressedPainPoint);
        expect(fixed).toContain('  initiative fixP "Fix: Slow" {\n    owner cs\n    addresses p\n    status planned\n  }\n}');
    });

    it('fixes a stale review and a journey never reviewed', async () => {
        expect(await fixAndRevalidate(base.replace('2026-11-01', '2026-01-01'), DiagnosticCode.StaleReview)).toContain(`reviewed ${TODAY}`);
        expect(await fixAndRevalidate(base.replace('  reviewed 2026-11-01\n', ''), DiagnosticCode.NeverReviewed)).toContain(`  owner cs\n  reviewed ${TODAY}\n`);
    });

    it('fixes a past-due initiative', async () => {
        const text = base.replace(/\}$/, '  initiative i { owner cs  addresses p  due 2026-06-30  status active }\n}');
        expect(await fixAndRevalidate(text, DiagnosticCode.PastDueInitiative)).toContain('due 2026-06-30  status done }');
    });

    it('fixes an unresolved segment by declaring it', async () => {
        const text = base.replace('for ent }', 'for ent, smb }');
        const document = await parseHelper(services.Journey)(text, { documentUri: `file:///workspace/map${++documentCount}.journey`, validation: true });
        const diagnostics = (document.diagnostics ?? []).filter((diagnostic) => diagnostic.code === DiagnosticCode.UnresolvedReference);
        const declare = (await codeActions(document, diagnostics)).find((action) => action.title === "Declare segment 'smb'")!;
        expect(await apply(document, declare)).toContain('segment ent "Enterprise"\nsegment smb "SMB"\n');
    });
});

describe('a channel a letter away from the project’s channels (journey.unknown-channel)', () => {
    it('is a hint on the channel whose quick fix writes the channel it suggests', async () => {
        const document = await parseHelper(services.Journey)('journey j {\n  stage s {\n    touchpoint t { channel emial }\n  }\n}', { documentUri: `file:///workspace/map${++documentCount}.journey`, validation: true });
        const hints = (document.diagnostics ?? []).filter((diagnostic) => diagnostic.code === DiagnosticCode.UnknownChannel);
        expect(hints.map((hint) => [hint.severity, document.textDocument.getText(hint.range), hint.message])).toEqual([
            [DiagnosticSeverity.Hint, 'emial', "Channel 'emial' is not one of the project's channels; did you mean 'email'?"],
        ]);
        const actions = await codeActions(document, hints);
        expect(actions.map((action) => action.title)).toEqual(["Change to 'email'"]);
        expect(await apply(document, actions[0])).toBe('journey j {\n  stage s {\n    touchpoint t { channel email }\n  }\n}');
    });

    it('says nothing of a known channel or of a name of the team’s own that resembles none', async () => {
        for (const channel of ['email', 'in_app', 'slack', 'portal', 'demo', 'sso', 'Webinar']) {
            const document = await parseHelper(services.Journey)(`journey j { stage s { touchpoint t { channel ${channel} } } }`, { documentUri: `file:///workspace/map${++documentCount}.journey`, validation: true });
            expect((document.diagnostics ?? []).filter((diagnostic) => diagnostic.code === DiagnosticCode.UnknownChannel), channel).toEqual([]);
        }
    });
});
