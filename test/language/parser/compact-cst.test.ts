import { readFileSync } from 'node:fs';
import { CstNodeBuilder, type CstNode, isCompositeCstNode, isLeafCstNode, type LeafCstNode } from 'langium';
import { describe, expect, it } from 'vitest';
import { generateJourney } from '../../../bench/generate.js';
import { reparseIncrementally } from '../../../src/language/parser/incremental-reparse.js';
import { createTestServices } from '../../helpers/services.js';
import { randomEdit } from '../../fuzz/edits.js';
import { Random } from '../../fuzz/random.js';

const services = createTestServices();
const parser = services.Journey.parser.LangiumParser;

/** Texts with every kind of line break and the tokens the lexer guards and the recovery make (an inserted `on`, a quoted name taken as a name). */
const CORPUS: Record<string, string> = {
    'b2b-saas': readFileSync('examples/b2b-saas/saas.journey', 'utf8'),
    'comments everywhere': readFileSync('test/fixtures/comments-everywhere.journey', 'utf8'),
    'language reference': readFileSync('test/fixtures/language-reference.journey', 'utf8'),
    hostile: readFileSync('test/fixtures/hostile/hostile.journey', 'utf8'),
    'generated, CRLF': generateJourney(30).replace(/\n/g, '\r\n'),
    'generated, CR': generateJourney(10).replace(/\n/g, '\r'),
    'mistakes made into tokens': [
        'journey j "J" {',
        '  review q3 "Q3" 2026-10-01 { }',
        '  stage s "S" {',
        '    touchpoint "signupForm" "Sign-up form" { channel web }',
        '    touchpoint t "T\u{1F600}\u00e9" { channel web  emotion happy }',
        '    touchpoint u "unterminated { channel web }',
        '  }',
        '}',
    ].join('\n'),
};

const KEYWORDS = ['journey', 'stage', 'touchpoint', 'owner', 'next', 'channel', 'review', 'on', 'emotion', 'severity', '{', '}', '"'];

function leavesOf(node: CstNode): LeafCstNode[] {
    if (isLeafCstNode(node)) return [node];
    return isCompositeCstNode(node) ? node.content.flatMap(leavesOf) : [];
}

/** Each leaf's offset, length and range, as the parser builds them. */
function leafPositions(text: string): unknown[] {
    return leavesOf(parser.parse(text).value.$cstNode!.root).map((leaf) => ({ offset: leaf.offset, length: leaf.length, range: leaf.range, text: leaf.text }));
}

/** The same with Langium's own CST builder, which gives every leaf the range chevrotain computed for its token. */
function langiumLeafPositions(text: string): unknown[] {
    const fields = parser as unknown as { nodeBuilder: CstNodeBuilder };
    const compact = fields.nodeBuilder;
    fields.nodeBuilder = new CstNodeBuilder();
    try {
        return leafPositions(text);
    } finally {
        fields.nodeBuilder = compact;
    }
}

describe('leaves that compute their ranges from the text', () => {
    it.each(Object.entries(CORPUS))('give every leaf of %s the range Langium gives it', (_name, text) => {
        expect(leafPositions(text)).toEqual(langiumLeafPositions(text));
    });

    it('give the same ranges as Langium after random edits (keywords, deletions, pasted lines, odd code points, CRLF)', () => {
        const random = new Random(20261201);
        for (const original of Object.values(CORPUS)) {
            let text = original;
            for (let edit = 0; edit < 40; edit++) {
                const { start, end, text: inserted } = randomEdit(text, original, KEYWORDS, random);
                text = text.slice(0, start) + inserted + text.slice(end);
                expect(leafPositions(text), `after edit ${edit} of ${JSON.stringify(text.slice(0, 40))}`).toEqual(langiumLeafPositions(text));
            }
        }
    });

    it('follow the new text after incremental re-parses moved them (lines added, a title typed, a declaration re-parsed)', () => {
        let text = CORPUS['generated, CRLF'];
        const current = parser.parse(text);
        const before = (needle: string) => (t: string, inserted: string) => t.replace(needle, `${inserted}${needle}`);
        const edits: [string, string][] = [
            ['Reviews', 'Quickly '],
            ['    touchpoint tp5 ', '\r\n\r\n'],
            ['next tp7', 'owner cs\r\n      '],
            ['next tp9', '// a comment\r\n      '],
        ];
        for (const [needle, inserted] of edits) {
            const edited = before(needle)(text, inserted);
            expect(reparseIncrementally(current, text, edited, services.Journey), `${JSON.stringify(inserted)}: the tree is updated in place`).toBe(current);
            text = edited;
            const positions = leavesOf(current.value.$cstNode!.root).map((leaf) => ({ offset: leaf.offset, length: leaf.length, range: leaf.range, text: leaf.text }));
            expect(positions).toEqual(langiumLeafPositions(text));
        }
    });
});
