import { EmptyFileSystem, type LangiumDocument } from 'langium';
import { parseHelper } from 'langium/test';
import { createJourneyServices } from '../../src/language/journey-module.js';
import { fixedClock } from '../../src/language/clock.js';
import type { Document } from '../../src/language/generated/ast.js';

/** The day every test lives on, so that stale-review and past-due rules are deterministic. */
export const TODAY = '2026-11-23';

export function createTestServices(today = TODAY) {
    return createJourneyServices(EmptyFileSystem, { clock: fixedClock(today) });
}

/**
 * Hovers in a text as the editor does: the returned function gives the hover
 * Markdown one character into the first occurrence of a word ('' when none).
 */
export function hoverIn(text: string, services = createTestServices()): (word: string) => Promise<string> {
    const parsed = parseHelper<Document>(services.Journey)(text);
    return async (word) => {
        const document = await parsed;
        const hover = await services.Journey.lsp.HoverProvider!.getHoverContent(document, {
            textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(text.indexOf(word) + 1),
        });
        return hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    };
}

/** Parses, links and validates one document, in a fresh workspace unless services are given. */
export async function validate(text: string, services = createTestServices()): Promise<LangiumDocument<Document>> {
    const parse = parseHelper<Document>(services.Journey);
    return parse(text, { validation: true });
}
