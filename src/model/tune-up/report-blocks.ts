/**
 * A report as plain blocks — headings, paragraphs, lists, tables of short
 * runs of text — so that the agenda and the health report are laid out once
 * and written as Markdown (language/report-markdown.ts) or HTML
 * (cli/formats/report-html.ts) by writers that escape every run.
 */

export type Tone = 'danger' | 'warning' | 'ok' | 'muted';

/** A run of user or report text, never markup. */
export type Span = string | { text: string; strong?: boolean; code?: boolean; tone?: Tone };
export type Inline = Span[];

export type Block =
    | { kind: 'heading'; level: 1 | 2 | 3; text: Inline }
    | { kind: 'paragraph'; text: Inline }
    | { kind: 'list'; ordered: boolean; items: Inline[] }
    | { kind: 'table'; header: string[]; rows: Inline[][] };

export function spanText(span: Span): string {
    return typeof span === 'string' ? span : span.text;
}

/** The plain text of some runs, for a test or a title attribute. */
export function inlineText(inline: Inline): string {
    return inline.map(spanText).join('');
}
