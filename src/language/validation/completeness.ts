import type { ValidationAcceptor } from 'langium';
import type { Initiative, Journey, PainPoint, Review, Stage } from '../generated/ast.js';
import { DiagnosticCode } from '../diagnostic-codes.js';
import { writesKeyword } from './written-keywords.js';
import { isUnaddressed } from '../../model/derived-facts.js';

/**
 * What a map leaves out that it should say: a stage without touchpoints, a
 * pain point without severity, a serious pain point no initiative addresses,
 * an initiative without owner, a review without date.
 */
export class CompletenessValidator {
    readonly checkEmptyStage = (stage: Stage, accept: ValidationAcceptor): void => {
        if (stage.touchpoints.length > 0) return;
        accept('warning', `Stage '${stage.name}' has no touchpoints: add the moments of contact of this stage, or remove it`, {
            node: stage,
            property: 'name',
            code: DiagnosticCode.EmptyStage,
        });
    };

    readonly checkMissingSeverity = (painPoint: PainPoint, accept: ValidationAcceptor): void => {
        if (painPoint.severities.length > 0 || writesKeyword(painPoint, 'severity')) return;
        accept('warning', `Pain point '${painPoint.name}' has no \`severity\`: add \`severity\` low, medium, high or critical`, {
            node: painPoint,
            property: 'name',
            code: DiagnosticCode.MissingSeverity,
        });
    };

    /** One pass per journey: the pain points its initiatives address are collected once. */
    readonly checkUnaddressedPainPoints = (journey: Journey, accept: ValidationAcceptor): void => {
        const addressed = new Set(journey.initiatives.flatMap((initiative) => initiative.addresses.map((reference) => reference.ref)));
        for (const painPoint of journey.stages.flatMap((stage) => stage.painpoints)) {
            const severity = painPoint.severities[0];
            if (!painPoint.name || !isUnaddressed(severity, addressed.has(painPoint) ? [painPoint.name] : [])) continue;
            accept('warning', `Pain point '${painPoint.name}' is ${severity} severity and no initiative addresses it: add an initiative with \`addresses ${painPoint.name}\``, {
                node: painPoint,
                property: 'severities',
                index: 0,
                code: DiagnosticCode.UnaddressedPainPoint,
                data: { name: painPoint.name },
            });
        }
    };

    readonly checkInitiativeOwner = (initiative: Initiative, accept: ValidationAcceptor): void => {
        if (initiative.owners.length > 0 || writesKeyword(initiative, 'owner')) return;
        accept('warning', `Initiative '${initiative.name}' has no \`owner\`: add \`owner\` with the team that drives it`, {
            node: initiative,
            property: 'name',
            code: DiagnosticCode.InitiativeWithoutOwner,
        });
    };

    readonly checkReviewDate = (review: Review, accept: ValidationAcceptor): void => {
        if (review.dates.length > 0 || writesKeyword(review, 'on')) return;
        accept('error', `Review '${review.name}' has no date: add \`on YYYY-MM-DD\` after its title`, {
            node: review,
            property: 'name',
            code: DiagnosticCode.MissingReviewDate,
        });
    };
}
