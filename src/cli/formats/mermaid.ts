/**
 * The journey as a Mermaid `journey` diagram, which GitHub renders natively in
 * Markdown: sections are stages, tasks are touchpoints, the score is the
 * emotion mapped onto 1–5 and the actors are the owner teams.
 */
import type { Journey } from '../../model/types.js';

/**
 * Mermaid's journey lexer ends a task name at `:`, `#` or `;` and takes `%` as
 * the start of a comment: those become look-alike characters, so that every
 * title survives as written.
 */
const LOOK_ALIKES: Record<string, string> = {
    ':': '\u2236', // RATIO
    '#': '\uFF03', // FULLWIDTH NUMBER SIGN
    ';': '\uFF1B', // FULLWIDTH SEMICOLON
    '%': '\uFF05', // FULLWIDTH PERCENT SIGN
};

/** Words the lexer reads as statements when a line starts with them. */
const STATEMENT_START = /^(journey\b|title\s|section\s|accTitle\b|accDescr\b)/i;

export function mermaidText(text: string, fallback = 'untitled'): string {
    const cleaned = text
        .replace(/[:#;%]/g, (character) => LOOK_ALIKES[character])
        .replace(/\s+/g, ' ')
        .trim();
    if (cleaned === '') {
        return fallback;
    }
    // A zero-width space keeps a leading keyword from being read as a statement.
    return STATEMENT_START.test(cleaned) ? `\u200B${cleaned}` : cleaned;
}

/** −2…+2 onto Mermaid's 1…5; a touchpoint without emotion is neutral (3). */
export function mermaidScore(emotion: number | undefined): number {
    return Math.min(5, Math.max(1, (emotion ?? 0) + 3));
}

/**
 * @param marks a mark to put before some touchpoints' names (e.g. what a
 *   change did to them), by touchpoint name
 */
export function journeyToMermaid(journey: Journey, marks: ReadonlyMap<string, string> = new Map()): string {
    const teamTitle = new Map(journey.teams.map((team) => [team.name, team.title]));
    const lines = ['journey', `  title ${mermaidText(journey.title, journey.name)}`];
    for (const stage of journey.stages) {
        lines.push(`  section ${mermaidText(stage.title, stage.name)}`);
        for (const touchpoint of journey.touchpoints.filter((t) => t.stage === stage.name)) {
            const owner = touchpoint.owner === undefined ? undefined : (teamTitle.get(touchpoint.owner) ?? touchpoint.owner);
            // An actor ends at a comma: a team title keeps its words, not its commas.
            const actor = owner === undefined ? [] : [mermaidText(owner.replace(/,/g, ' '))];
            const data = [String(mermaidScore(touchpoint.emotion)), ...actor].join(': ');
            const mark = marks.get(touchpoint.name);
            lines.push(`    ${mark === undefined ? '' : `${mark} `}${mermaidText(touchpoint.title, touchpoint.name)}: ${data}`);
        }
    }
    return `${lines.join('\n')}\n`;
}
