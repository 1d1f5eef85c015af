/**
 * The references of an AST node, as Langium's AstUtils.streamReferences
 * finds them (in the same order), without a look at every property of every
 * node: the properties that hold references are read once per node type from
 * the grammar's metadata. Linking and the reference index walk every node of
 * a document; on a large map this is a tenth of opening it.
 */
import { type AstNode, type AstReflection, isMultiReference, isReference, type ReferenceInfo } from 'langium';

const referencePropertiesByType = new WeakMap<AstReflection, Map<string, ReadonlySet<string>>>();

function referenceProperties(reflection: AstReflection, type: string): ReadonlySet<string> {
    let byType = referencePropertiesByType.get(reflection);
    if (!byType) referencePropertiesByType.set(reflection, (byType = new Map<string, ReadonlySet<string>>()));
    let names = byType.get(type);
    if (!names) {
        const properties = Object.values(reflection.getTypeMetaData(type).properties);
        names = new Set(properties.filter((property) => property.referenceType !== undefined).map((property) => property.name));
        byType.set(type, names);
    }
    return names;
}

export function forEachReference(node: AstNode, reflection: AstReflection, visit: (info: ReferenceInfo) => void): void {
    const names = referenceProperties(reflection, node.$type);
    if (names.size === 0) return;
    // Several reference properties come in the node's own order (the order of the text), as streamReferences gives them.
    for (const property of names.size === 1 ? names : Object.keys(node)) {
        if (!names.has(property)) continue;
        const value = (node as unknown as Record<string, unknown>)[property];
        if (isReference(value) || isMultiReference(value)) {
            visit({ reference: value, container: node, property });
        } else if (Array.isArray(value)) {
            value.forEach((element: unknown, index) => {
                if (isReference(element) || isMultiReference(element)) visit({ reference: element, container: node, property, index });
            });
        }
    }
}
