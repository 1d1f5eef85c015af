import type { LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, Range } from 'vscode-languageserver';
import { isDocument, type Journey, type Stage } from '../generated/ast.js';
import { formatEmotion, stageNetEmotion } from '../element-info.js';
import { Command } from '../../protocol/contributions.js';

/**
 * Above each journey, "Open preview"; above each stage, its touchpoint and
 * pain-point counts and net emotion (the sum of its touchpoints' emotions).
 */
export class JourneyCodeLensProvider implements CodeLensProvider {
    provideCodeLens(document: LangiumDocument): CodeLens[] {
        const root = document.parseResult.value;
        if (!isDocument(root)) {
            return [];
        }
        return root.elements.filter((element): element is Journey => element.$type === 'Journey').flatMap((journey) => [
            ...this.journeyLens(journey, document),
            ...journey.stages.flatMap((stage) => this.stageLens(stage)),
        ]);
    }

    protected journeyLens(journey: Journey, document: LangiumDocument): CodeLens[] {
        const range = firstLine(journey);
        return range
            ? [{ range, command: { title: 'Open preview', command: Command.OpenPreviewToSide, arguments: [document.uri.toString()] } }]
            : [];
    }

    protected stageLens(stage: Stage): CodeLens[] {
        const range = firstLine(stage);
        if (!range) {
            return [];
        }
        const title = [
            count(stage.touchpoints.length, 'touchpoint'),
            count(stage.painpoints.length, 'pain point'),
            `net emotion ${formatEmotion(stageNetEmotion(stage))}`,
        ].join(' · ');
        // An empty command id makes the lens informative only: nothing happens on click.
        return [{ range, command: { title, command: '' } }];
    }
}

function count(n: number, noun: string): string {
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** The start of an element's declaration: lenses sit on the line above it. */
function firstLine(node: Journey | Stage): Range | undefined {
    const start = node.$cstNode?.range.start;
    return start ? { start, end: start } : undefined;
}
