// The edit the README's compare map shows: the support example with a
// touchpoint removed (the status page), one added (a reopen check after a
// fix) and two emotions changed. scripts/screenshots.mjs renders it against
// the example as it is; test/project/readme-images.test.ts checks the picture
// is the size that render draws today. A change to the example that moves
// these lines fails here loudly instead of drawing another picture.
export const COMPARE_EXAMPLE = 'examples/support-heavy/support.journey';

const EDITS = [
    ['    touchpoint statusPage "Status page" {\n      channel web  owner engineering  emotion +1\n      next ticketForm\n    }\n', ''],
    [
        '"Fix verified with the customer" {\n      channel call  owner support  emotion 0\n',
        '"Fix verified with the customer" {\n      channel call  owner support  emotion -1\n',
    ],
    [
        '      next tier2, survey\n    }\n',
        '      next tier2, reopenCheck\n    }\n    touchpoint reopenCheck "Reopen check a week later" {\n      channel email  owner support  emotion +1\n      next survey\n    }\n',
    ],
    ['      channel call  owner cs  emotion +2  for premium\n', '      channel call  owner cs  emotion +1  for premium\n'],
];

/** The edited text of the support example. */
export function editedSupportMap(text) {
    return EDITS.reduce((edited, [from, to]) => {
        if (edited.split(from).length !== 2) throw new Error(`${COMPARE_EXAMPLE} changed: the README's compare edit no longer finds ${JSON.stringify(from.trim().split('\n')[0])}`);
        return edited.replace(from, to);
    }, text);
}
