import { highlightHelper } from 'langium/test';
import { SemanticTokenModifiers } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { createTestServices } from '../../helpers/services.js';

const TEXT = `team cs "Customer Success"
segment enterprise
journey saas {
  owner cs
  metric nps { target >= 40 }
  stage onboarding {
    touchpoint kickoff { channel call  owner cs  for enterprise  next welcome }
    touchpoint welcome
    painpoint late { at kickoff  severity high }
  }
  initiative fix { addresses late }
  review q3 { change r42 { improves onboarding } }
}
`;

async function tokens(text: string) {
    const services = createTestServices().Journey;
    const { tokens } = await highlightHelper(services)(text);
    const declaration = services.lsp.SemanticTokenProvider!.tokenModifiers[SemanticTokenModifiers.declaration];
    return tokens.map((token) => `${token.text}:${token.tokenType}${token.tokenModifiers & declaration ? '+declaration' : ''}`);
}

describe('semantic tokens', () => {
    it('colors every name by the kind of element it names, declarations apart from references', async () => {
        expect(await tokens(TEXT)).toEqual([
            'cs:class+declaration',
            'enterprise:enum+declaration',
            'saas:namespace+declaration',
            'cs:class',
            'nps:property+declaration',
            'onboarding:struct+declaration',
            'kickoff:function+declaration',
            'call:enumMember',
            'cs:class',
            'enterprise:enum',
            'welcome:function',
            'welcome:function+declaration',
            'late:event+declaration',
            'kickoff:function',
            'fix:method+declaration',
            'late:event',
            'q3:interface+declaration',
            'r42:enumMember+declaration',
            'onboarding:struct',
        ]);
    });

    it('colors an unresolved reference by the kind it expects', async () => {
        expect(await tokens('journey j { owner nobody }')).toEqual(['j:namespace+declaration', 'nobody:class']);
    });
});
