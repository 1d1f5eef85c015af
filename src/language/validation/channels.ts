import { AstUtils, GrammarUtils, type ValidationAcceptor } from 'langium';
import type { Touchpoint } from '../generated/ast.js';
import type { JourneyServices } from '../journey-module.js';
import type { ProjectRegistry } from '../projects/project-registry.js';
import { DiagnosticCode } from '../diagnostic-codes.js';
import { distance } from 'fastest-levenshtein';
import { closestNames } from '../references/closest-names.js';

/**
 * Any channel name is accepted — teams have channels of their own — but one a
 * letter or two away from the project's vocabulary (`emial`) is most likely a
 * typo that would show as a channel of its own on the map: a hint, with the
 * closest channel as the quick fix (data.replacement).
 */
export class ChannelValidator {
    protected readonly projects: ProjectRegistry;

    constructor(services: JourneyServices) {
        this.projects = services.projects.ProjectRegistry;
    }

    readonly checkChannel = (touchpoint: Touchpoint, accept: ValidationAcceptor): void => {
        const channel = touchpoint.channels[0];
        if (channel === undefined) return;
        const vocabulary = this.projects.projectOf(AstUtils.getDocument(touchpoint).uri.toString()).settings.channels;
        if (vocabulary.includes(channel)) return;
        // A display name in quotes (`channel "Shared Slack"`) is written as meant, not a mistyped name. Asked last: finding the token is slow.
        if (GrammarUtils.findNodeForProperty(touchpoint.$cstNode, 'channels', 0)?.text.startsWith('"')) return;
        const [closest] = closestNames(channel, vocabulary.map((name) => ({ name })));
        // Only a near miss: closestNames also offers names that merely start alike (`in` → `in_app`).
        if (closest === undefined || !isTypo(channel, closest.name)) return;
        accept('hint', `Channel '${channel}' is not one of the project's channels; did you mean '${closest.name}'?`, {
            node: touchpoint,
            property: 'channels',
            index: 0,
            code: DiagnosticCode.UnknownChannel,
            data: { replacement: closest.name },
        });
    };
}

/** One letter added, dropped or changed, two neighbours swapped, or up to two edits in a long name. */
function isTypo(written: string, known: string): boolean {
    const [a, b] = [written.toLowerCase(), known.toLowerCase()];
    const edits = distance(a, b);
    return edits <= 1 || isNeighbourSwap(a, b) || (Math.min(a.length, b.length) >= 7 && edits <= 2);
}

function isNeighbourSwap(a: string, b: string): boolean {
    if (a.length !== b.length) return false;
    const differing = [...a].flatMap((letter, index) => (letter === b[index] ? [] : [index]));
    return differing.length === 2 && differing[1] === differing[0] + 1 && a[differing[0]] === b[differing[1]] && a[differing[1]] === b[differing[0]];
}
