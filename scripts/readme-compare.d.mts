// Types of scripts/readme-compare.mjs for the README pictures test.
export declare const COMPARE_EXAMPLE: string;
export declare function editedSupportMap(text: string): string;
