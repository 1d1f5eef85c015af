import { type AstNode, GrammarUtils, type ValidationAcceptor } from 'langium';
import type { Range } from 'vscode-languageserver';
import type { Initiative, Journey, Metric, PainPoint, Review } from '../generated/ast.js';
import { DiagnosticCode } from '../diagnostic-codes.js';
import { times } from './diagnostic-wording.js';
import { nameOf } from '../element-info.js';
import { kindLabel } from '../element-kinds.js';
import { singleValuedPropertiesOf } from '../element-properties.js';
import { impossibleDateReason } from '../iso-date.js';

/**
 * Values the grammar accepts but the language does not: a single-valued
 * property given twice, an emotion outside -2…+2, a date that does not exist.
 */
export class ValueValidator {
    /**
     * The grammar collects every property into a list so that any order
     * parses; this reports the second and later values of a single-valued one
     * (element-properties.ts says which are).
     */
    readonly checkSingleValuedProperties = (node: AstNode, accept: ValidationAcceptor): void => {
        if (!nameOf(node)) return;
        for (const { feature: property, keyword, value } of singleValuedPropertiesOf(node.$type)) {
            const values = (node as unknown as Record<string, unknown[] | undefined>)[property];
            if (!values || values.length < 2) continue;
            const what = value === 'flag' ? 'a flag: once is enough' : 'one value: keep one and remove the others';
            const message = `\`${keyword}\` is given ${times(values.length)} in ${kindLabel(node.$type)} '${nameOf(node)}'; it takes ${what}`;
            for (let index = 1; index < values.length; index++) {
                accept('error', message, {
                    node,
                    property,
                    index,
                    range: propertyRange(node, property, keyword, index),
                    code: DiagnosticCode.DuplicateProperty,
                    data: { property: keyword },
                });
            }
        }
    };

    /** `shared` shows an element to customers, `internal` hides it: both at once is a contradiction, not a precedence rule to learn. */
    readonly checkSharedAndInternal = (node: PainPoint | Initiative | Metric, accept: ValidationAcceptor): void => {
        if (node.shared.length === 0 || node.internal.length === 0) return;
        accept('error', `${capitalized(kindLabel(node.$type))} '${node.name}' is both \`shared\` and \`internal\`: remove \`internal\` to show it to customers, or \`shared\` to keep it from them`, {
            node,
            property: 'shared',
            code: DiagnosticCode.SharedAndInternal,
        });
    };

    readonly checkReviewedDates = (journey: Journey, accept: ValidationAcceptor): void => {
        checkDates(journey, 'reviewed', journey.reviewed, accept);
    };

    readonly checkDueDates = (initiative: Initiative, accept: ValidationAcceptor): void => {
        checkDates(initiative, 'due', initiative.due, accept);
    };

    readonly checkReviewDates = (review: Review, accept: ValidationAcceptor): void => {
        checkDates(review, 'dates', review.dates, accept);
    };
}

function capitalized(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

function checkDates(node: AstNode, property: string, dates: readonly string[], accept: ValidationAcceptor): void {
    dates.forEach((date, index) => {
        const reason = impossibleDateReason(date);
        if (!reason) return;
        accept('error', `Date ${date} does not exist: ${reason}`, {
            node,
            property,
            index,
            code: DiagnosticCode.InvalidDate,
        });
    });
}

/** From the property's keyword to the end of its value, e.g. `owner support`. */
function propertyRange(node: AstNode, property: string, keyword: string, index: number): Range | undefined {
    const value = GrammarUtils.findNodeForProperty(node.$cstNode, property, index);
    const keywordNode = GrammarUtils.findNodeForKeyword(node.$cstNode, keyword, index);
    if (value && keywordNode && keywordNode.offset <= value.offset) {
        return { start: keywordNode.range.start, end: value.range.end };
    }
    return value?.range;
}
