/**
 * The glob patterns of a project file's include and exclude: `**` any number
 * of folders, `*` any characters within one name, `?` one character, `{a,b}`
 * alternatives. Patterns are relative to the project root and use `/`.
 */
export function globMatcher(pattern: string): (relativePath: string) => boolean {
    const expression = new RegExp(`^${globSource(pattern.replace(/^\.\//, ''))}$`);
    return (relativePath) => expression.test(relativePath);
}

function globSource(pattern: string): string {
    let source = '';
    for (let i = 0; i < pattern.length; i++) {
        const char = pattern[i];
        if (char === '*' && pattern[i + 1] === '*') {
            const slashAfter = pattern[i + 2] === '/';
            source += slashAfter ? '(?:.*/)?' : '.*';
            i += slashAfter ? 2 : 1;
        } else if (char === '*') {
            source += '[^/]*';
        } else if (char === '?') {
            source += '[^/]';
        } else if (char === '{') {
            const close = pattern.indexOf('}', i);
            if (close < 0) {
                source += '\\{';
                continue;
            }
            source += `(?:${pattern.slice(i + 1, close).split(',').map(globSource).join('|')})`;
            i = close;
        } else {
            source += char.replace(/[.+^$()|[\]\\]/g, '\\$&');
        }
    }
    return source;
}
