import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { LangiumDocument } from 'langium';
import { DefaultCompletionProvider, type CompletionBacktrackingInformation, type NextFeature } from 'langium/lsp';
import { parseHelper } from 'langium/test';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { JourneyCompletionProvider } from '../../../src/language/lsp/completion/completion-provider.js';
import { completionPrefix, lexingStart } from '../../../src/language/lsp/completion/completion-prefix.js';
import { createTestServices } from '../../helpers/services.js';

/** The same provider, reading and lexing the whole text before the cursor as Langium does by default. */
class WholeTextCompletionProvider extends JourneyCompletionProvider {
    protected override findFeaturesAt(document: TextDocument, offset: number): NextFeature[] {
        return (DefaultCompletionProvider.prototype as unknown as { findFeaturesAt: JourneyCompletionProvider['findFeaturesAt'] })
            .findFeaturesAt.call(this, document, offset);
    }

    protected override backtrackToAnyToken(text: string, offset: number): CompletionBacktrackingInformation {
        return (DefaultCompletionProvider.prototype as unknown as { backtrackToAnyToken: JourneyCompletionProvider['backtrackToAnyToken'] })
            .backtrackToAnyToken.call(this, text, offset);
    }
}

async function labels(provider: JourneyCompletionProvider, document: LangiumDocument, offset: number): Promise<string> {
    const list = await provider.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset) });
    return (list?.items ?? []).map((item) => `${item.label}:${item.kind}`).sort().join(' ');
}

/** Places a person might ask for completion: after tokens and in the middle of words, about 200 spread over the text. */
function cursorPositions(text: string): number[] {
    const positions = new Set<number>();
    for (const match of text.matchAll(/[A-Za-z_0-9]+|"(?:\\.|[^"\\\n])*"|\S/g)) {
        positions.add(match.index + Math.ceil(match[0].length / 2));
        positions.add(match.index + match[0].length);
    }
    const all = [...positions].sort((a, b) => a - b);
    const stride = Math.max(1, Math.floor(all.length / 200));
    return all.filter((_, index) => index % stride === 0);
}

describe('completion reads only what it needs, and proposes the same', () => {
    const cases: Array<[string, string]> = [
        ['an example journey', readFileSync('examples/workspace/journeys/implementation.journey', 'utf8')],
        ['a file being typed, with errors', [
            'team cs "CS"  /* shared',
            '   teams */ segment ent',
            'journey j {',
            '  stage a { touchpoint t1 { channel web } touchpoint t2 "T2" }',
            '  stage b {',
            '    touchpoint t3 { owner cs  chan',
            '    painpoint p { at t1, ',
            '  }',
            '  stage c { touchpoint t4 { next t1 } }',
            '  initiative i { addresses p  status ',
        ].join('\n')],
    ];

    for (const [name, text] of cases) {
        it(`on ${name}`, async () => {
            const services = createTestServices();
            const document = await parseHelper(services.Journey)(text);
            const fast = services.Journey.lsp.CompletionProvider as JourneyCompletionProvider;
            const whole = new WholeTextCompletionProvider(services.Journey);
            const positions = cursorPositions(text);
            for (const offset of positions) {
                const where = `${JSON.stringify(text.slice(Math.max(0, offset - 30), offset))}‸`;
                expect(await labels(fast, document, offset), where).toBe(await labels(whole, document, offset));
            }
            expect(positions.length).toBeGreaterThan(80);
        });
    }

    it('lexes from a line start outside block comments', () => {
        const text = 'a\n/* one\ntwo\nthree */ b\nc\nd';
        expect(lexingStart(text, text.indexOf('d'), 1)).toBe(text.indexOf('c'));
        expect(lexingStart(text, text.indexOf('three'), 1)).toBe(text.indexOf('/*'));
        expect(lexingStart(text, text.indexOf('c'), 6)).toBe(text.indexOf('/*'));
    });
});

/** A map of 25 stages × 20 touchpoints, each with every property. */
function largeMap(): string {
    const lines = ['team cs "CS"', 'segment ent "Enterprise"', 'journey big "Big" {'];
    for (let stage = 0; stage < 25; stage++) {
        lines.push(`  stage s${stage} "Stage ${stage}" {`);
        for (let index = 0; index < 20; index++) {
            const n = stage * 20 + index;
            lines.push(`    touchpoint t${n} "Touchpoint ${n}" { channel web  owner cs  emotion +1  for ent  next t${n + 1} }`);
        }
        lines.push(`    painpoint p${stage} "Pain ${stage}" { at t${stage * 20}  severity high }`, '  }');
    }
    lines.push('}');
    return lines.join('\n');
}

describe('completion on a 500-touchpoint map', () => {
    it('parses a prefix that does not grow with the map', async () => {
        const text = largeMap();
        const document = await parseHelper(createTestServices().Journey)(text);
        const offset = text.indexOf('next t480') + 5;
        expect(completionPrefix(document, offset).length).toBeLessThan(2_000);
        expect(text.length).toBeGreaterThan(45_000);
    });

    it('answers within 20 ms', async () => {
        const services = createTestServices();
        const text = largeMap();
        const document = await parseHelper(services.Journey)(text);
        const provider = services.Journey.lsp.CompletionProvider!;
        const cases: Array<[string, number, number]> = [
            ['next: every touchpoint of the journey', text.indexOf('next t300') + 5, 499],
            ['keywords in a touchpoint', text.indexOf('next t250') + 10, 6],
            ['owner: the teams', text.indexOf('owner cs  emotion +1  for ent  next t400') + 6, 1],
        ];
        for (const [name, offset, expectedItems] of cases) {
            const cpu: number[] = [];
            const wall: number[] = [];
            for (let run = 0; run < 5; run++) {
                // Warm-up: the first runs also pay for the JIT compiling this code path.
                await provider.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset) });
            }
            for (let run = 0; run < 15; run++) {
                const cpuStart = process.cpuUsage();
                const wallStart = performance.now();
                const list = await provider.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset) });
                wall.push(performance.now() - wallStart);
                const used = process.cpuUsage(cpuStart);
                cpu.push((used.user + used.system) / 1000);
                expect(list?.items.length, name).toBe(expectedItems);
            }
            const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
            console.log(`completion, ${name}: median ${median(cpu).toFixed(1)} ms CPU, ${median(wall).toFixed(1)} ms wall`);
            // CPU time, not wall time: what the work costs, not how busy the machine running the tests is.
            expect(median(cpu), name).toBeLessThan(20);
        }
    });
});
