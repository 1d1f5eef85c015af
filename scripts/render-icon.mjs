// Renders the extension icon (media/icon.svg → media/icon.png, 128 px, as the
// Marketplace wants a PNG). Run after editing the SVG: node scripts/render-icon.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

const svg = readFileSync(new URL('../media/icon.svg', import.meta.url), 'utf8');
const png = new Resvg(svg, { fitTo: { mode: 'width', value: 128 } }).render().asPng();
writeFileSync(new URL('../media/icon.png', import.meta.url), png);
