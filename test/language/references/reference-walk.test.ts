import { readFileSync } from 'node:fs';
import { AstUtils, type ReferenceInfo } from 'langium';
import { describe, expect, it } from 'vitest';
import { forEachReference } from '../../../src/language/references/reference-walk.js';
import { createTestServices } from '../../helpers/services.js';
import { generateJourney } from '../../../bench/generate.js';

const services = createTestServices();
const reflection = services.shared.AstReflection;

const TEXTS: Record<string, string> = {
    'b2b-saas': readFileSync('examples/b2b-saas/saas.journey', 'utf8'),
    'support-heavy': readFileSync('examples/support-heavy/support.journey', 'utf8'),
    'language reference': readFileSync('test/fixtures/language-reference.journey', 'utf8'),
    'comments everywhere': readFileSync('test/fixtures/comments-everywhere.journey', 'utf8'),
    generated: generateJourney(200),
    'being typed': readFileSync('test/fixtures/language-reference.journey', 'utf8').slice(0, 2500),
};

const described = (info: ReferenceInfo) => ({ text: info.reference.$refText, type: info.container.$type, property: info.property, index: info.index, at: info.reference.$refNode?.offset });

describe('the references of each node, found by their properties', () => {
    it.each(Object.entries(TEXTS))('are those Langium streams, in its order, in %s', (_name, text) => {
        const root = services.Journey.parser.LangiumParser.parse(text).value;
        let count = 0;
        for (const node of AstUtils.streamAst(root)) {
            const found: ReferenceInfo[] = [];
            forEachReference(node, reflection, (info) => found.push(info));
            const streamed = AstUtils.streamReferences(node).toArray();
            expect(found.map(described), `${node.$type} at ${node.$cstNode?.offset}`).toEqual(streamed.map(described));
            expect(found.every((info, i) => info.reference === streamed[i]?.reference && info.container === streamed[i]?.container)).toBe(true);
            count += found.length;
        }
        expect(count).toBeGreaterThan(0);
    });
});
