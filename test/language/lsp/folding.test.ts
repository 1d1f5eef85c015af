import { expectFoldings } from 'langium/test';
import { describe, expect, it } from 'vitest';
import { createTestServices } from '../../helpers/services.js';

const TEXT = `// The onboarding map.
// Reviewed every quarter;
// owned by Customer Success.
team cs "Customer Success"

journey saas {
  /* Stages, in order.
     Each has touchpoints.
   */
  stage onboarding {
    touchpoint kickoff {
      channel call
      owner cs
    }
    touchpoint welcome { owner cs }   // one line: nothing to fold
    // a single comment line: nothing to fold
    painpoint late {
      at kickoff
      severity high
      evidence "tickets"
    }
  }
  initiative fix { addresses late }
}
`;

describe('folding ranges', () => {
    it('folds every multi-line block up to its closing brace, and comment blocks', async () => {
        await expectFoldings(createTestServices().Journey)({
            text: TEXT,
            assert: (foldings) => {
                expect(foldings.map((folding) => [folding.startLine, folding.endLine, folding.kind ?? 'block'])).toEqual([
                    [0, 2, 'comment'], // three consecutive // lines
                    [5, 22, 'block'], // journey saas
                    [6, 7, 'comment'], // the block comment, but its closing line
                    [9, 20, 'block'], // stage onboarding
                    [10, 12, 'block'], // touchpoint kickoff
                    [16, 19, 'block'], // painpoint late
                ]);
            },
        });
    });
});
