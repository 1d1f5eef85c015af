/**
 * The one escape for every piece of user text that goes into the SVG, in
 * element content and in attribute values alike.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Characters XML 1.0 forbids (controls other than tab and newlines, lone
 * surrogates, U+FFFE/U+FFFF): they would make the whole document unreadable.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Every character either replacement below touches: most text has none, and is returned as it is. */
// eslint-disable-next-line no-control-regex
const ANY_TO_ESCAPE = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;

export function escapeXml(text: string): string {
    if (!ANY_TO_ESCAPE.test(text)) return text;
    return text.replace(NOT_XML, '\ufffd').replace(/[&<>"']/g, (char) => ENTITIES[char]);
}
