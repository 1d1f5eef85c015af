import { type Grammar, type LangiumCoreServices, LangiumParserErrorMessageProvider } from 'langium';
import type { IToken, TokenType } from 'chevrotain';
import {
    DECLARATION_KEYWORDS, declarationKindLabel, elementKind, kindKeyword, kindLabel, kindOfKeyword, WORKSPACE_GLOBAL_TYPES,
} from '../element-kinds.js';
import { propertyOfKeyword, type ValueKind } from '../element-properties.js';
import { analyseBlocks, type BlockContents } from './block-contents.js';

/*
 * Parser errors in the language's own terms: what was expected, after which
 * keyword, for which kind of element. The parser (chevrotain) knows what it
 * expected; the document knows which block is still open. So the message
 * provider words each error, and syntax-diagnostics.ts names the open block
 * and keeps a cascade of follow-up errors from flooding the Problems panel.
 * The kinds and properties come from element-kinds.ts and element-properties.ts.
 */

/** How messages call each terminal. */
const TERMINAL_WORDS: Readonly<Record<string, string>> = {
    ID: 'a name',
    STRING: 'text in double quotes',
    DATE: 'a date like 2026-10-15',
    NUMBER: 'a number',
    EOF: 'the end of the file',
};

/** What a property's value looks like, by its kind of value. */
const VALUE_WORDS = {
    text: TERMINAL_WORDS.STRING,
    date: TERMINAL_WORDS.DATE,
    emotion: 'a number from -2 to +2',
    target: 'a number like 40 or 95%',
    quantity: 'a number like 31 or 91%',
    'past-value': "an earlier value like '28 on 2026-07-01'",
    channel: 'a channel such as web, email or "Shared Slack"',
} as const satisfies Partial<Record<ValueKind, string>>;

/** A target's comparator: the target's number follows it. */
const COMPARATORS: ReadonlySet<string> = new Set(['>=', '<=']);

/** The message of a '}' that is missing before the end of a block; see `nameTheOpenBlock` in syntax-diagnostics.ts. */
export const MISSING_CLOSE = /^missing '\}' to close the ([a-z ]+)$/;
const TOP_LEVEL = orList(WORKSPACE_GLOBAL_TYPES.map(kindKeyword));

export class JourneyParserErrorMessageProvider extends LangiumParserErrorMessageProvider {
    private readonly grammar: Grammar;
    private blockContents?: BlockContents;

    constructor(services: LangiumCoreServices) {
        super();
        this.grammar = services.Grammar;
    }

    private get blocks(): BlockContents {
        return (this.blockContents ??= analyseBlocks(this.grammar));
    }

    override buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        const { expected, actual, previous } = options;
        const ruleName = grammarRuleName(options.ruleName);
        const after = afterPhrase(previous);
        switch (expected.name) {
            case 'ID':
                return this.expectedName(actual, previous, ruleName);
            case 'STRING':
            case 'DATE':
            case 'NUMBER': {
                // In `emotion for enterprise -1` the number follows the segments, not the keyword.
                const value = ruleName === 'Emotion' ? VALUE_WORDS.emotion : isToken(previous) ? valueAfter(previous.image) : undefined;
                return `expected ${value ?? TERMINAL_WORDS[expected.name]}${after}${howToFixValue(expected.name, actual, previous)}`;
            }
            case '}':
                return this.unclosedBlock(actual, ruleName);
            case '{':
                return `expected '{' to open the ${declarationKindLabel(ruleName) ?? 'block'}${after}`;
            case 'EOF':
                return this.notAtTopLevel(actual);
            default:
                return `expected ${describeExpected(expected)}${after}, found ${describeFound(actual)}`;
        }
    }

    override buildNotAllInputParsedMessage(options: { firstRedundant: IToken; ruleName: string }): string {
        return this.notAtTopLevel(options.firstRedundant);
    }

    override buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; ruleName: string }): string {
        const firsts = options.expectedPathsPerAlt.flatMap((paths) => paths.map((path) => path[0]));
        return this.expectedOneOf(firsts, options.previous, options.actual[0]);
    }

    override buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; ruleName: string }): string {
        const firsts = options.expectedIterationPaths.map((path) => path[0]);
        return this.expectedOneOf(firsts, options.previous);
    }

    private expectedName(actual: IToken, previous: IToken, ruleName: string): string {
        const keyword = isToken(previous) ? previous.image : undefined;
        const declared = keyword && DECLARATION_KEYWORDS.has(keyword) ? elementKind(ruleName) : undefined;
        const kind = declared?.label ?? (keyword ? referencedKindAfter(keyword) : undefined);
        const expected = keyword === 'channel'
            ? VALUE_WORDS.channel
            : kind ? `${article(kind)} ${kind} name` : keyword === ',' ? 'another name' : 'a name';
        return `expected ${expected}${afterPhrase(previous)}${unquoted(actual, previous)}`;
    }

    /** A block ends where its '}' is expected: either the '}' is missing, or something that does not belong is in the way. */
    private unclosedBlock(actual: IToken, ruleName: string): string {
        const kind = declarationKindLabel(ruleName) ?? 'block';
        const word = actual.image;
        const opensEnclosingDeclaration = DECLARATION_KEYWORDS.has(word) && this.blocks.enclosingContents(ruleName).has(word);
        if (isEndOfFile(actual) || opensEnclosingDeclaration) {
            return `missing '}' to close the ${kind}`;
        }
        const contents = this.blocks.contentsOf(ruleName);
        if (DECLARATION_KEYWORDS.has(word)) {
            const homes = this.blocks.homesOf(word).map((home) => `${article(home)} ${home}`);
            if (homes.length > 0) {
                return `'${word}' cannot appear in ${article(kind)} ${kind}: ${article(word)} ${labelOfKeyword(word)} belongs in ${homes.join(' or ')}`;
            }
        }
        const expected = `expected one of ${[...contents].join(', ')}`;
        if (isWord(actual)) {
            return `'${word}' is not a property of ${article(kind)} ${kind}; ${expected}`;
        }
        return `unexpected ${describeFound(actual)} in ${article(kind)} ${kind}; ${expected}, or '}' to close it`;
    }

    private notAtTopLevel(actual: IToken): string {
        if (actual.image === '}') {
            return `unexpected '}': there is no open '{' for it to close; remove this '}'`;
        }
        if (isWord(actual)) {
            const homes = this.blocks.homesOf(actual.image);
            const where = homes.length > 0 ? ` ${article(labelOfKeyword(actual.image))} ${labelOfKeyword(actual.image)} belongs in ${homes.map((home) => `${article(home)} ${home}`).join(' or ')};` : '';
            return `'${actual.image}' cannot appear at the top level;${where} expected ${TOP_LEVEL}`;
        }
        return `unexpected ${describeFound(actual)} at the top level; expected ${TOP_LEVEL}`;
    }

    private expectedOneOf(firsts: TokenType[], previous: IToken, actual?: IToken): string {
        // A value written in one of several ways (`channel email`, `channel "Shared Slack"`) is named as one kind of value.
        const value = isToken(previous) ? valueAfter(previous.image) : undefined;
        if (value) return `expected ${value}${afterPhrase(previous)}${actual && isValueToken(actual) && actual.startLine === previous.endLine ? `, found ${describeFound(actual)}` : ''}`;
        const words = [...new Set(firsts.map(describeExpected))];
        const expected = words.length === 1 ? words[0] : `one of ${words.map((word) => word.replace(/^'(.*)'$/, '$1')).join(', ')}`;
        // `severity "high"`: the right word in quotes.
        const quoted = actual?.tokenType?.name === 'STRING' && isToken(previous) ? actual.image.slice(1, -1) : undefined;
        const withoutQuotes = quoted !== undefined && words.includes(`'${quoted}'`) ? `; write it without quotes: ${previous.image} ${quoted}` : '';
        // `severity urgent`: say what was written in its place (not a keyword on the next line, which is the next property).
        const found = !withoutQuotes && actual && isValueToken(actual) && isToken(previous) && actual.startLine === previous.endLine ? `, found ${describeFound(actual)}` : '';
        return `expected ${expected}${afterPhrase(previous)}${found}${withoutQuotes}`;
    }
}

/** How to write a value that is there but of the wrong kind; nothing when the value is missing. */
function howToFixValue(expected: string, actual: IToken, previous: IToken): string {
    if (!isToken(actual) || isEndOfFile(actual) || (isToken(previous) && previous.endLine !== actual.startLine)) return '';
    const quoted = actual.tokenType?.name === 'STRING' ? actual.image.slice(1, -1) : undefined;
    if (expected === 'DATE' && quoted !== undefined && /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(quoted)) {
        return `; a date is written without quotes: ${previous.image} ${quoted}`;
    }
    if (expected === 'DATE' && actual.tokenType?.name === 'MALFORMED_DATE') {
        const [year, month, day] = actual.image.split('-');
        if (/^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$/.test(actual.image)) return `, found ${actual.image}: write the month and the day with two digits: ${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
        if (actual.image.includes('T')) return `, found ${actual.image}: a date has no time: ${previous.image} ${actual.image.slice(0, 10)}`;
        return `, found ${actual.image}: write dates as year-month-day (YYYY-MM-DD)`;
    }
    return isValueToken(actual) ? `, found ${describeFound(actual)}` : '';
}

/** A keyword or a brace is what comes after a missing value, not a wrong one. */
function isValueToken(token: IToken): boolean {
    return isToken(token) && ['ID', 'STRING', 'NUMBER', 'DATE', 'MALFORMED_DATE'].includes(token.tokenType?.name ?? '');
}

/** A name in quotes: names are one word without quotes. */
function unquoted(actual: IToken, previous: IToken): string {
    if (actual.tokenType?.name !== 'STRING' || !isToken(previous) || previous.endLine !== actual.startLine) return '';
    const words = actual.image.slice(1, -1).split(/[^A-Za-z0-9_]+/).filter(Boolean);
    const name = words.map((word, index) => index === 0 ? word.charAt(0).toLowerCase() + word.slice(1) : word.charAt(0).toUpperCase() + word.slice(1)).join('');
    return /^[A-Za-z_]/.test(name) ? `; write it as one word without quotes: ${previous.image} ${name}` : '; write it as one word without quotes';
}

/** Langium suffixes the rule names it gives chevrotain with a zero-width space. */
function grammarRuleName(chevrotainRuleName: string): string {
    return chevrotainRuleName.replace(/\u200B$/, '');
}

/** What a property's value looks like, by the keyword in front of it. */
function valueAfter(keyword: string): string | undefined {
    const value = COMPARATORS.has(keyword) ? 'target' : propertyOfKeyword(keyword)?.value;
    return value && (VALUE_WORDS as Partial<Record<ValueKind, string>>)[value];
}

/** The kind of element a reference names, by the keyword in front of it. */
function referencedKindAfter(keyword: string): string | undefined {
    const kind = propertyOfKeyword(keyword)?.refersTo;
    return kind && kindLabel(kind);
}

/** "pain point" for `painpoint`. */
function labelOfKeyword(keyword: string): string {
    return kindOfKeyword(keyword)?.label ?? keyword;
}

/** 'a, b or c'. */
function orList(words: readonly string[]): string {
    return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

function article(word: string): string {
    return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/** Chevrotain passes a placeholder token (NaN offsets) where there is none, e.g. before the first token. */
function isToken(token: IToken | undefined): token is IToken {
    return token !== undefined && !isNaN(token.startOffset) && token.image !== '';
}

function isEndOfFile(token: IToken): boolean {
    return token.tokenType?.name === 'EOF' || token.image === '';
}

function isWord(token: IToken): boolean {
    return /^[A-Za-z_]/.test(token.image);
}

function afterPhrase(previous: IToken | undefined): string {
    return isToken(previous) ? ` after '${shorten(previous.image)}'` : '';
}

function describeExpected(type: TokenType): string {
    return TERMINAL_WORDS[type.name] ?? `'${type.name}'`;
}

function describeFound(token: IToken): string {
    if (isEndOfFile(token)) return 'the end of the file';
    switch (token.tokenType?.name) {
        case 'STRING': return `the text ${shorten(token.image)}`;
        case 'NUMBER': return `the number ${token.image}`;
        case 'DATE': return `the date ${token.image}`;
        default: return `'${shorten(token.image)}'`;
    }
}

function shorten(text: string, max = 40): string {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
