import type { Journey, Stage } from '../../generated/ast.js';
import { EMOTION_SCALE } from '../../element-info.js';

/** The most choices a snippet offers for one tab stop; beyond that a choice list is noise. */
const MAX_CHOICES = 20;

/** What a snippet may fill in from where it is inserted. */
export interface SnippetContext {
    today: string;
    /** The channels of the project's vocabulary. */
    channels: readonly string[];
    journey?: Journey;
    stage?: Stage;
    /** The workspace's team names; asked only by the snippets that name an owner. */
    teams: () => string[];
}

/**
 * Snippets for whole elements, in the canonical layout, with tab stops. Every
 * default is valid text: names are not keywords, choices are real values
 * (channels, severities, the teams and touchpoints that exist), and a line
 * that would need a name that does not exist is left out.
 */
export function snippetFor(keyword: string, context: SnippetContext): string | undefined {
    const snippet = new SnippetBuilder();
    const owner = () => {
        const teams = context.teams();
        return teams.length > 0 ? [`owner ${snippet.choice(teams)}`] : [];
    };
    const emotion = () => snippet.choice(EMOTION_SCALE.map(([value]) => value), '0');
    switch (keyword) {
        case 'journey':
            return lines(
                `journey ${snippet.placeholder('newJourney')} "${snippet.placeholder('Title')}" {`,
                ...indent(owner()),
                `  reviewed ${snippet.placeholder(context.today)}`,
                '',
                `  stage ${snippet.placeholder('awareness')} "${snippet.placeholder('Awareness')}" {`,
                `    goal "${snippet.placeholder('What the customer wants here')}"`,
                `    touchpoint ${snippet.placeholder('firstContact')} "${snippet.placeholder('Title')}" { channel ${snippet.choice(context.channels)}  emotion ${emotion()} }`,
                '  }',
                '}',
            );
        case 'stage':
            return lines(
                `stage ${snippet.placeholder('newStage')} "${snippet.placeholder('Title')}" {`,
                `  goal "${snippet.placeholder('What the customer wants here')}"`,
                '  $0',
                '}',
            );
        case 'touchpoint':
            return `touchpoint ${snippet.placeholder('newTouchpoint')} "${snippet.placeholder('Title')}" { ` +
                [`channel ${snippet.choice(context.channels)}`, ...owner(), `emotion ${emotion()}`].join('  ') +
                ' }';
        case 'painpoint': {
            const touchpoints = namesOf(context.stage?.touchpoints ?? []);
            return lines(
                `painpoint ${snippet.placeholder('newPainPoint')} "${snippet.placeholder('What goes wrong')}" {`,
                ...(touchpoints.length > 0 ? [`  at ${snippet.choice(touchpoints)}`] : []),
                `  severity ${snippet.choice(['medium', 'low', 'high', 'critical'])}`,
                `  evidence "${snippet.placeholder('What shows it: tickets, usage, churn')}"`,
                '}',
            );
        }
        case 'initiative': {
            const painPoints = namesOf(context.journey?.stages.flatMap((stage) => stage.painpoints) ?? []);
            return lines(
                `initiative ${snippet.placeholder('newInitiative')} "${snippet.placeholder('Title')}" {`,
                ...indent(owner()),
                ...(painPoints.length > 0 ? [`  addresses ${snippet.choice(painPoints)}`] : []),
                `  impact ${snippet.choice(['medium', 'low', 'high'])}  effort ${snippet.choice(['medium', 'low', 'high'])}`,
                `  due ${snippet.placeholder(addDays(context.today, 90))}`,
                `  status ${snippet.choice(['planned', 'active', 'done', 'dropped'])}`,
                '}',
            );
        }
        case 'review': {
            const stages = namesOf(context.journey?.stages ?? []);
            return lines(
                `review ${snippet.placeholder('newReview')} "${snippet.placeholder('Title')}" on ${snippet.placeholder(context.today)} {`,
                `  change ${snippet.placeholder('newChange')} "${snippet.placeholder('What changed')}" {`,
                ...(stages.length > 0
                    ? [`    ${snippet.choice(['improves', 'worsens'])} ${snippet.choice(stages)} "${snippet.placeholder('How it moved the stage')}"`]
                    : []),
                '  }',
                '}',
            );
        }
        case 'metric':
            return `metric ${snippet.placeholder('newMetric')} "${snippet.placeholder('Title')}" { target ${snippet.choice(['>=', '<='])} ${snippet.placeholder('40')}  actual ${snippet.placeholder('0')} }`;
        default:
            return undefined;
    }
}

/** Numbers tab stops in the order they are written. */
class SnippetBuilder {
    private stop = 0;

    placeholder(text: string): string {
        return `\${${++this.stop}:${text.replace(/[$}\\]/g, '\\$&')}}`;
    }

    /** A choice of values; the first (or the preferred one) stays when the person just tabs on. */
    choice(values: readonly string[], preferred?: string): string {
        const ordered = preferred ? [preferred, ...values.filter((value) => value !== preferred)] : [...values];
        const shown = ordered.slice(0, MAX_CHOICES).map((value) => value.replace(/[$}\\,|]/g, '\\$&'));
        return `\${${++this.stop}|${shown.join(',')}|}`;
    }
}

/**
 * The names of the elements that have one. While a declaration is being typed
 * the parser's recovery keeps the element without its name (`stage  reviewed …`),
 * although the generated types say every name is a string.
 */
function namesOf(elements: ReadonlyArray<{ name?: string }>): string[] {
    return elements.map((element) => element.name).filter((name): name is string => typeof name === 'string' && name !== '');
}

function lines(...all: string[]): string {
    return all.join('\n');
}

function indent(all: string[]): string[] {
    return all.map((line) => `  ${line}`);
}

/** The ISO date `days` after an ISO date. */
function addDays(isoDate: string, days: number): string {
    const date = new Date(`${isoDate}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + days);
    return date.toISOString().slice(0, 10);
}
