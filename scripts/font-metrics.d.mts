// Types of scripts/font-metrics.mjs for the test that compares the table with the font files.
export declare const FONT_FILES: { regular: string; bold: string };
export declare function fontAdvance(text: string, weight: 'normal' | 'bold'): number;
export declare function fontMetricsSource(): string;
