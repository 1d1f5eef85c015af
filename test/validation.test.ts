import { describe, expect, it } from 'vitest';
import { validate } from './helpers/services.js';

describe('emotion', () => {
    it('reports an emotion outside -2…+2', async () => {
        const doc = await validate(`journey j { stage s { touchpoint t { emotion 3 } } }`);
        const codes = doc.diagnostics?.map((d) => d.code);
        expect(codes).toContain('journey.emotion-out-of-range');
    });

    it('accepts +2', async () => {
        const doc = await validate(`journey j { stage s { touchpoint t { emotion +2 } } }`);
        expect(doc.diagnostics?.map((d) => d.code)).not.toContain('journey.emotion-out-of-range');
    });
});
