import { describe, expect, it } from 'vitest';
import { isJourney, type Journey } from '../../../src/language/generated/ast.js';
import { validate } from '../../helpers/services.js';
import { findings } from '../../helpers/diagnostics.js';

const header = `team cs
segment ent
journey saas {
  owner cs
  reviewed 2026-11-01`;

function unresolvedData(doc: Awaited<ReturnType<typeof validate>>) {
    return doc.diagnostics!.filter((d) => d.code === 'journey.unresolved-reference').map((d): unknown => d.data);
}

describe('unresolved references (journey.unresolved-reference)', () => {
    it('a team: names what was looked for, where, and the kind expected', async () => {
        const doc = await validate(`${header}
  stage s { touchpoint t { owner suport  for ent } }
}`);
        expect(findings(doc)).toEqual([{
            code: 'journey.unresolved-reference',
            severity: 'error',
            text: 'suport',
            message: "No team named 'suport' in the workspace; `owner` expects a team (declared with `team suport`)",
        }]);
        expect(unresolvedData(doc)).toEqual([{ code: 'linking-error', name: 'suport', kind: 'Team', property: 'owner' }]);
    });

    it('in a journey that has no name yet: "in this journey" (it said journey \'undefined\', found by the fuzzer)', async () => {
        const doc = await validate('journey "Onboarding" {\n  stage s { touchpoint a { next nope } }\n}');
        expect(doc.diagnostics!.filter((d) => d.code === 'journey.unresolved-reference').map((d) => d.message))
            .toEqual(["No touchpoint named 'nope' in this journey; `next` expects a touchpoint of this journey"]);
    });

    it('a segment in a `for` list', async () => {
        const doc = await validate(`${header}
  stage s { touchpoint t { owner cs  for ent, smb } }
}`);
        expect(findings(doc).map((f) => [f.code, f.text, f.message])).toEqual([
            ['journey.unresolved-reference', 'smb', "No segment named 'smb' in the workspace; `for` expects a segment (declared with `segment smb`)"],
        ]);
        expect(unresolvedData(doc)).toEqual([{ code: 'linking-error', name: 'smb', kind: 'Segment', property: 'for' }]);
    });

    it('touchpoints, pain points and stages: looked for in the journey', async () => {
        const doc = await validate(`${header}
  stage s {
    touchpoint t { owner cs  for ent  next kickof }
    painpoint p { at tt  severity low }
  }
  initiative i { owner cs  addresses pp }
  review r on 2026-10-01 { change c { improves onbording "x" } }
}`);
        expect(findings(doc).map((f) => [f.code, f.text, f.message])).toEqual([
            ['journey.unresolved-reference', 'kickof', "No touchpoint named 'kickof' in journey 'saas'; `next` expects a touchpoint of this journey"],
            ['journey.unresolved-reference', 'tt', "No touchpoint named 'tt' in journey 'saas'; did you mean 't'?"],
            ['journey.unresolved-reference', 'pp', "No pain point named 'pp' in journey 'saas'; did you mean 'p'?"],
            ['journey.unresolved-reference', 'onbording', "No stage named 'onbording' in journey 'saas'; `improves` expects a stage of this journey"],
        ]);
        expect(unresolvedData(doc).map((data) => (data as { kind: string }).kind)).toEqual(['Touchpoint', 'Touchpoint', 'PainPoint', 'Stage']);
    });

    it('a reference of the wrong kind does not resolve: `next` to a stage', async () => {
        const doc = await validate(`${header}
  stage s { touchpoint t { owner cs  for ent  next s } }
}`);
        expect(findings(doc).map((f) => [f.code, f.text])).toEqual([['journey.unresolved-reference', 's']]);
    });
});

describe('`at` a touchpoint of another journey (journey.at-other-journey)', () => {
    it('is an error naming the journey the touchpoint belongs to', async () => {
        const doc = await validate(`${header}
  stage s { touchpoint t { owner cs  for ent }  painpoint p { at t, billing  severity low } }
}
journey support {
  owner cs  reviewed 2026-11-01
  stage help { touchpoint billing { owner cs  for ent } }
}`);
        expect(findings(doc)).toEqual([{
            code: 'journey.at-other-journey',
            severity: 'error',
            text: 'billing',
            message: "Touchpoint 'billing' belongs to journey 'support', not to journey 'saas': `at` names touchpoints of its own journey",
        }]);
        expect(doc.diagnostics![0].data).toEqual({ code: 'linking-error', name: 'billing', kind: 'Touchpoint', property: 'at', journey: 'support' });
    });

    it('stays quiet when the touchpoint is in the same journey', async () => {
        const doc = await validate(`${header}
  stage s { touchpoint billing { owner cs  for ent }  painpoint p { at billing  severity low } }
}
journey support {
  owner cs  reviewed 2026-11-01
  stage help { touchpoint billing { owner cs  for ent } }
}`);
        expect(findings(doc)).toEqual([]);
    });
});

describe('journey-wide scoping', () => {
    const twoJourneys = `${header}
  stage onboarding { touchpoint kickoff { owner cs  for ent  next qbr } }
  stage renewal {
    touchpoint qbr { owner cs  for ent  next kickoff }
    painpoint late { at kickoff  severity low }
  }
  initiative fix { owner cs  addresses late }
  review r on 2026-10-01 { change c { improves onboarding  worsens renewal } }
}
journey other {
  owner cs  reviewed 2026-11-01
  stage x { touchpoint kickoff { owner cs  for ent  next qbr } }
}`;

    it('resolves a touchpoint in another stage of the same journey', async () => {
        const doc = await validate(twoJourneys);
        const saas = doc.parseResult.value.elements.find((e): e is Journey => isJourney(e) && e.name === 'saas')!;
        const [onboarding, renewal] = saas.stages;
        expect(onboarding.touchpoints[0].next[0].ref).toBe(renewal.touchpoints[0]);
        expect(renewal.touchpoints[0].next[0].ref).toBe(onboarding.touchpoints[0]);
        expect(renewal.painpoints[0].at[0].ref).toBe(onboarding.touchpoints[0]);
        expect(saas.initiatives[0].addresses[0].ref).toBe(renewal.painpoints[0]);
        expect(saas.reviews[0].changes[0].effects.map((effect) => effect.stage.ref)).toEqual([onboarding, renewal]);
    });

    it('does not resolve the same name from a different journey', async () => {
        const doc = await validate(twoJourneys);
        expect(findings(doc, 'journey.unresolved-reference').map((f) => [f.code, f.text, f.message])).toEqual([
            ['journey.unresolved-reference', 'qbr', "No touchpoint named 'qbr' in journey 'other'; `next` expects a touchpoint of this journey"],
        ]);
        const other = doc.parseResult.value.elements.find((e): e is Journey => isJourney(e) && e.name === 'other')!;
        expect(other.stages[0].touchpoints[0].next[0].ref).toBeUndefined();
    });
});
