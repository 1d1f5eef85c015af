import { describe, expect, it } from 'vitest';
import { htmlPage } from '../../src/cli/formats/html-page.js';
import { THEMES } from '../../src/protocol/theme.js';

describe('the HTML page', () => {
    it('has page colours for every theme of the map', () => {
        for (const theme of THEMES) {
            const page = htmlPage('<svg></svg>', { title: 'Map', theme });
            const style = /<style>([\s\S]*?)<\/style>/.exec(page)![1];
            expect(style, theme).toMatch(new RegExp(`body\\.${theme}[ ,{]`));
            expect(page).toContain(`<body class="${theme}">`);
        }
    });
});
