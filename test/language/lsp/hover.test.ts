import { beforeEach, describe, expect, it } from 'vitest';
import { expectHover, parseHelper } from 'langium/test';
import { createTestServices } from '../../helpers/services.js';

let services: ReturnType<typeof createTestServices>;
let documentCount = 0;

beforeEach(() => {
    services = createTestServices();
});

/** The hover Markdown at the `<|>` in the text (in a workspace that may hold other files). */
async function hoverAt(text: string): Promise<string | undefined> {
    const offset = text.indexOf('<|>');
    const document = await parseHelper(services.Journey)(text.replace('<|>', ''), { documentUri: `file:///workspace/saas${++documentCount}.journey` });
    const hover = await services.Journey.lsp.HoverProvider!.getHoverContent(document, {
        textDocument: { uri: document.uri.toString() },
        position: document.textDocument.positionAt(offset),
    });
    return hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : undefined;
}

async function addSharedFile(): Promise<void> {
    await parseHelper(services.Journey)(
        'team cs "Customer Success" { description "Owns onboarding and renewal" }\nteam product "Product"\n' +
        'segment enterprise "Enterprise"\nsegment smb "Small business"\n',
        { documentUri: 'file:///workspace/shared.journey' },
    );
}

const journey = `journey saas "B2B SaaS" {
  owner cs
  reviewed 2026-10-15
  stage onboarding "Onboarding" {
    goal "Reach first value within 14 days"
    touchpoint welcome "Welcome email" { channel email  owner cs  emotion +1  next kickoff }
    touchpoint kickoff "Kickoff call" { channel call  owner cs  emotion +2  for enterprise }
    touchpoint sso "SSO setup" {
      channel product  owner product  emotion -2
      description "Customer admin configures SAML"
    }
    painpoint ssoConfusion "SSO setup is confusing" {
      at sso
      severity high
      for enterprise
      evidence "38 support tickets"
    }
  }
  initiative ssoWizard "Guided SSO wizard" {
    owner product
    addresses ssoConfusion
    status active
  }
}
`;

/** The journey with the hover marker put before the n-th occurrence of a word. */
function at(word: string, occurrence = 1): string {
    let index = -1;
    for (let i = 0; i < occurrence; i++) {
        index = journey.indexOf(word, index + 1);
    }
    return `${journey.slice(0, index)}<|>${journey.slice(index)}`;
}

describe('hover on a touchpoint', () => {
    it('shows kind, title, description and key facts on the declaration', async () => {
        await addSharedFile();
        expect(await hoverAt(at('sso "SSO setup"'))).toBe([
            '**touchpoint** `sso` — SSO setup',
            'Customer admin configures SAML',
            [
                '- stage: Onboarding (`onboarding`)',
                '- channel: `product`',
                '- owner: Product (`product`)',
                '- emotion: -2',
                '- segments: all',
                '- customers: shown',
            ].join('\n'),
        ].join('\n\n'));
    });

    it('shows the same on a reference, with segments and next', async () => {
        await addSharedFile();
        const hover = await hoverAt(at('kickoff', 1));
        expect(hover).toContain('**touchpoint** `kickoff` — Kickoff call');
        expect(hover).toContain('- emotion: +2');
        expect(hover).toContain('- segments: Enterprise (`enterprise`)');
        expect(await hoverAt(at('welcome'))).toContain('- next: Kickoff call (`kickoff`)');
    });
});

describe('hover on a pain point', () => {
    it('shows severity, touchpoints and the initiatives addressing it', async () => {
        await addSharedFile();
        const hover = await hoverAt(at('ssoConfusion', 2));
        expect(hover).toContain('**pain point** `ssoConfusion` — SSO setup is confusing');
        expect(hover).toContain('- severity: high');
        expect(hover).toContain('- touchpoints: SSO setup (`sso`)');
        expect(hover).toContain('- addressed by: Guided SSO wizard (`ssoWizard`) (active)');
        expect(hover).toContain('- evidence: 38 support tickets');
    });
});

describe('hover on shared definitions (cross-file)', () => {
    it('shows what a team owns across the workspace', async () => {
        await addSharedFile();
        await parseHelper(services.Journey)('journey other { owner product }', { documentUri: 'file:///workspace/other.journey' });
        const hover = await hoverAt(at('product', 2)); // `owner product` on the touchpoint sso
        expect(hover).toContain('**team** `product` — Product');
        expect(hover).toMatch(/- owns 1 journey: `other`/);
        expect(hover).toContain('- owns 1 touchpoint: SSO setup (`sso`)');
        expect(hover).toContain('- owns 1 initiative: Guided SSO wizard (`ssoWizard`)');
    });

    it('shows the team description from the file that declares it', async () => {
        await addSharedFile();
        const hover = await hoverAt(at('cs', 1));
        expect(hover).toContain('Owns onboarding and renewal');
        expect(hover).toContain('- owns 1 journey: B2B SaaS (`saas`)');
        expect(hover).toContain('- owns 2 touchpoints: Welcome email (`welcome`), Kickoff call (`kickoff`)');
    });

    it('counts the elements that use a segment', async () => {
        await addSharedFile();
        expect(await hoverAt(at('enterprise', 1))).toContain('- used by: 2 elements (1 touchpoint, 1 pain point) in 1 journey');
    });

    it('says when a segment is unused', async () => {
        await addSharedFile();
        const document = await parseHelper(services.Journey)('segment lonely "Lonely"');
        const hover = await services.Journey.lsp.HoverProvider!.getHoverContent(document, {
            textDocument: { uri: document.uri.toString() }, position: { line: 0, character: 9 },
        });
        expect((hover?.contents as { value: string }).value).toContain('- used by: no element (it is unused)');
    });
});

describe('hover on journeys, stages and initiatives', () => {
    it('summarises a journey', async () => {
        await addSharedFile();
        const hover = await hoverAt(at('saas'));
        expect(hover).toContain('**journey** `saas` — B2B SaaS');
        expect(hover).toContain('- last reviewed: 2026-10-15');
        expect(hover).toContain('- contains: 1 stage, 3 touchpoints, 1 pain point, 1 initiative');
    });

    it('counts a recorded review as the last review', async () => {
        const reviewed = at('saas').replace('  initiative ssoWizard', '  review q4 "Q4 tune-up" on 2026-11-20\n  initiative ssoWizard');
        expect(await hoverAt(reviewed)).toContain('- last reviewed: 2026-11-20 (review q4)');
    });

    it('shows a stage goal and net emotion', async () => {
        const hover = await hoverAt(at('onboarding'));
        expect(hover).toContain('- goal: Reach first value within 14 days');
        expect(hover).toContain('- net emotion: +1');
    });

    it('shows an initiative owner, status and what it addresses', async () => {
        await addSharedFile();
        const hover = await hoverAt(at('ssoWizard'));
        expect(hover).toContain('- owner: Product (`product`)');
        expect(hover).toContain('- addresses: SSO setup is confusing (`ssoConfusion`)');
        expect(hover).toContain('- status: active');
    });
});

describe('escaping', () => {
    it('escapes Markdown in titles, descriptions and evidence', async () => {
        const hover = await hoverAt('journey j { stage s { painpoint <|>p "*VIP* <img src=x> [link](http://x)" { evidence "`code` & #1" } } }');
        expect(hover).toContain('\\*VIP\\* &lt;img src=x&gt; \\[link\\]\\(http://x\\)');
        expect(hover).toContain('- evidence: \\`code\\` &amp; \\#1');
        expect(hover).not.toMatch(/<img/);
    });

    it('keeps the paragraphs of a description', async () => {
        const hover = await hoverAt('journey j { stage <|>s "S" { description "First.\\n\\n- not a list" } }');
        expect(hover).toContain('First.\n\n\\- not a list');
    });
});

describe('no hover', () => {
    it('gives nothing on whitespace', async () => {
        await expectHover(services.Journey)({ text: 'journey j {<|>  }', index: 0, hover: undefined });
    });
});
