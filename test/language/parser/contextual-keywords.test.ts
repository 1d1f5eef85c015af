// Contextual keywords (src/language/parser/contextual-keywords.ts): every word
// of the language is a name where the grammar expects a name. These tests read
// the grammar, so that a new keyword or a new property that takes a name cannot
// silently make a word reserved.
import { GrammarAST, type AstNode } from 'langium';
import { describe, expect, it } from 'vitest';
import { WORDS_BEFORE_A_NAME } from '../../../src/language/parser/contextual-keywords.js';
import { createTestServices, validate } from '../../helpers/services.js';
import { journeyOf, modelOf } from '../../helpers/model.js';

const grammar = createTestServices().Journey.Grammar;
const parserRules = grammar.rules.filter(GrammarAST.isParserRule);
const ruleNamed = new Map(parserRules.map((rule) => [rule.name, rule]));

/** Every word of the grammar: `team`, `high`, `on`, `improves`… */
const WORDS = [...new Set(parserRules.flatMap((rule) => keywordsIn(rule.definition)))].filter((word) => /^[a-z]/.test(word)).sort();

function keywordsIn(element: AstNode): string[] {
    if (GrammarAST.isKeyword(element)) return [element.value];
    if (GrammarAST.isGroup(element) || GrammarAST.isAlternatives(element)) return element.elements.flatMap(keywordsIn);
    return GrammarAST.isAssignment(element) ? keywordsIn(element.terminal) : [];
}

/** Whether an element may begin with a name: an ID or a reference (written with ID). */
function beginsWithName(element: GrammarAST.AbstractElement): boolean {
    if (GrammarAST.isAssignment(element)) return beginsWithName(element.terminal);
    if (GrammarAST.isCrossReference(element)) return true;
    if (GrammarAST.isAlternatives(element)) return element.elements.some(beginsWithName);
    return GrammarAST.isRuleCall(element) && element.rule.$refText === 'ID';
}

/** The keywords an element can end with, following rule calls (`improves` and `worsens` for a change's Direction). */
function lastKeywords(element: GrammarAST.AbstractElement): string[] {
    if (GrammarAST.isKeyword(element)) return [element.value];
    if (GrammarAST.isAssignment(element)) return lastKeywords(element.terminal);
    if (GrammarAST.isAlternatives(element)) return element.elements.flatMap(lastKeywords);
    if (GrammarAST.isGroup(element)) return element.elements.length > 0 ? lastKeywords(element.elements[element.elements.length - 1]) : [];
    if (GrammarAST.isRuleCall(element)) {
        const rule = ruleNamed.get(element.rule.$refText);
        return rule ? lastKeywords(rule.definition) : [];
    }
    return [];
}

/** The keywords the grammar writes right before a name, in any group of any rule. */
function keywordsBeforeNames(): Set<string> {
    const found = new Set<string>();
    for (const rule of parserRules) {
        for (const group of [rule.definition, ...streamGroups(rule.definition)]) {
            if (!GrammarAST.isGroup(group)) continue;
            group.elements.forEach((element, index) => {
                const next = group.elements[index + 1];
                if (!next || !beginsWithName(next)) return;
                if (element.cardinality === '?' || element.cardinality === '*') throw new Error(`a name after an optional element in ${rule.name}: the word before it is not known`);
                lastKeywords(element).forEach((keyword) => found.add(keyword));
            });
        }
    }
    return found;
}

function streamGroups(element: AstNode): AstNode[] {
    const children = GrammarAST.isGroup(element) || GrammarAST.isAlternatives(element) ? element.elements : GrammarAST.isAssignment(element) ? [element.terminal] : [];
    return children.flatMap((child) => [child, ...streamGroups(child)]);
}

async function errors(text: string): Promise<string[]> {
    return ((await validate(text)).diagnostics ?? []).filter((diagnostic) => diagnostic.severity === 1).map((diagnostic) => diagnostic.message);
}

describe('contextual keywords', () => {
    it('are recognised after exactly the words after which the grammar expects a name', () => {
        expect([...WORDS_BEFORE_A_NAME].sort()).toEqual([...keywordsBeforeNames()].sort());
    });

    it('leave no word of the grammar reserved where a team, segment, touchpoint, pain point or stage is named or referred to', async () => {
        for (const word of WORDS) {
            const text = `team ${word}
segment ${word}
journey j {
  owner ${word}
  reviewed 2026-11-01
  stage ${word} { touchpoint t { channel ${word}  owner ${word}  emotion 0  for ${word} } }
  review q3 on 2026-11-01 { change c { improves ${word}  worsens ${word} "note" } }
}
journey k {
  owner ${word}
  reviewed 2026-11-01
  stage s {
    touchpoint ${word} { next other }
    touchpoint other { next ${word} }
    painpoint pain { at ${word}, other  severity low }
  }
  initiative fix { owner ${word}  addresses pain  for ${word} }
}`;
            expect(await errors(text), word).toEqual([]);
            const [j, k] = (await modelOf(text)).journeys;
            expect(j.owner, word).toBe(word);
            expect(j.stages[0].name, word).toBe(word);
            expect(j.touchpoints[0], word).toMatchObject({ stage: word, channel: word, owner: word, segments: [word] });
            expect(j.reviews[0].changes[0].effects.map((effect) => effect.stage), word).toEqual([word, word]);
            expect(k.touchpoints[1].next, word).toEqual([word]);
            expect(k.painPoints[0].at, word).toEqual([word, 'other']);
            expect(k.initiatives[0], word).toMatchObject({ owner: word, segments: [word] });
        }
    });

    it('keep their meaning where the grammar expects them: a value, a property, a header', async () => {
        const journey = await journeyOf(`team high
journey j {
  owner high
  stage s { painpoint p { severity high } touchpoint t }
  initiative i { owner high  impact high  effort low  status done  addresses p }
  review r on 2026-10-01
}`);
        expect(journey.painPoints[0].severity).toBe('high');
        expect(journey.initiatives[0]).toMatchObject({ owner: 'high', impact: 'high', effort: 'low', status: 'done' });
        expect(journey.reviews[0].date).toBe('2026-10-01');
    });

    it('are names on the line of the word before them only: on the next line they are keywords again', async () => {
        expect((await errors('journey j { stage s {\n  touchpoint a { next b,\n    done }\n  touchpoint b\n  touchpoint done\n} }'))[0]).toBe("expected another touchpoint name after ','; remove the ',' at the end of the list: next b");
        expect(await errors('journey j { stage s {\n  touchpoint a { next b,\n    doneX }\n  touchpoint b\n  touchpoint doneX\n} }')).toEqual([]);
        expect(await errors('journey j { stage s {\n  touchpoint\n  touchpoint b\n} }')).toEqual(["expected a touchpoint name after 'touchpoint'"]);
    });

    it('resolve references to elements named with a keyword across files', async () => {
        const model = await modelOf(['team review "Review board"\nsegment planned "Planned accounts"', 'journey j { owner review\n stage s { touchpoint t { for planned } } }']);
        expect(model.journeys[0].owner).toBe('review');
        expect(model.journeys[0].touchpoints[0].segments).toEqual(['planned']);
    });
});
