/**
 * "Start the next review": on a journey's first line, its `reviewed` date or
 * one of its reviews, an action that adds today's review block after the
 * journey's last review (or its last initiative or stage), with the tune-up
 * agenda's open items — decisions needed, open initiatives in priority order,
 * metrics off target — as a checklist comment above it, for the meeting to
 * work through and turn into recorded changes.
 */
import { AstUtils, CstUtils, DocumentState, GrammarUtils, type LangiumDocument, type LangiumDocuments } from 'langium';
import { type CodeAction, CodeActionKind, type Range } from 'vscode-languageserver';
import { journeyAgenda } from '../../model/tune-up/agenda.js';
import { reviewChecklist } from '../../model/tune-up/review-checklist.js';
import { buildWorkspaceModel } from '../build-model.js';
import { type Document, isJourney, isReview, type Journey } from '../generated/ast.js';
import type { ProjectRegistry } from '../projects/project-registry.js';
import { INDENT, insertLinesAfter } from './text-edits.js';

export const START_REVIEW_KIND = `${CodeActionKind.Refactor}.startReview`;

export interface StartReviewContext {
    documents: LangiumDocuments;
    projects: ProjectRegistry;
    today: string;
}

export function startReviewAction(document: LangiumDocument, range: Range, context: StartReviewContext): CodeAction | undefined {
    const journey = journeyOffering(document, range);
    const anchor = journey && (journey.reviews.at(-1) ?? journey.initiatives.at(-1) ?? journey.stages.at(-1))?.$cstNode;
    if (!journey || !anchor) return undefined;
    const uri = document.uri.toString();
    const project = context.documents.all.filter((candidate) => context.projects.sameProject(candidate.uri.toString(), uri)).toArray();
    // Only from documents the builder has finished: reading a reference of one still being built would
    // link it lazily under the builder's feet (the editor asks again as soon as the cursor moves).
    if (project.some((built) => built.state < DocumentState.Validated)) return undefined;
    const model = buildWorkspaceModel(
        project.map((built) => ({ uri: built.uri.toString(), root: built.parseResult.value as Document })),
        { today: context.today, staleAfterDays: (of) => context.projects.projectOf(of).settings.staleAfterDays },
    ).journeys.find((candidate) => candidate.name === journey.name && candidate.source?.uri === uri);
    if (!model) return undefined;
    const items = reviewChecklist(journeyAgenda(model, { today: context.today }));
    const title = `Tune-up ${context.today}`;
    const lines = [
        `// ${title}: the agenda's open items${items.length === 0 ? ' — none' : ''}`,
        ...items.map((item) => `// - [ ] ${oneLine(item)}`),
        `review ${uniqueReviewName(journey, context.today)} "${title}" on ${context.today} {`,
        `${INDENT}// change name "What changed" { improves stage "How" }`,
        '}',
    ];
    return {
        title: `Start the next review (${context.today}) with the agenda's open items`,
        kind: START_REVIEW_KIND,
        edit: { changes: { [document.textDocument.uri]: [insertLinesAfter(document, anchor, lines, true)] } },
    };
}

/** The journey whose first line, `reviewed` date or review the range is on. */
function journeyOffering(document: LangiumDocument, range: Range): Journey | undefined {
    const root = document.parseResult.value.$cstNode;
    const leaf = root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(range.start));
    const journey = leaf && AstUtils.getContainerOfType(leaf.astNode, isJourney);
    if (!leaf || !journey?.$cstNode) return undefined;
    const line = range.start.line;
    const onHeader = journey.$cstNode.range.start.line === line;
    const onReviewed = GrammarUtils.findNodesForProperty(journey.$cstNode, 'reviewed').some((node) => node.range.start.line === line);
    const inReview = AstUtils.getContainerOfType(leaf.astNode, isReview) !== undefined;
    return onHeader || onReviewed || inReview ? journey : undefined;
}

/** `tuneUp20261201`, or `tuneUp20261201b` when the journey has one already. */
function uniqueReviewName(journey: Journey, today: string): string {
    const base = `tuneUp${today.replace(/-/g, '')}`;
    const taken = new Set(journey.reviews.map((review) => review.name));
    let name = base;
    for (let letter = 98; taken.has(name); letter += 1) name = `${base}${String.fromCharCode(letter)}`;
    return name;
}

/** A comment ends at the line's end: a title never breaks out of it. */
function oneLine(text: string): string {
    return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}
