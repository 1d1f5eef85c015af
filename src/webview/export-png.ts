/**
 * Rasterises the current map to PNG in the webview itself (a canvas), so that
 * the extension needs no native image library. Returns base64 without the
 * data-URL prefix.
 *
 * An SVG drawn as an image sees none of the page's fonts, so the map's font
 * (the extension's media/fonts, which the page's style sheet loads) goes into
 * the picture itself: without it the PNG would be drawn in whatever font the
 * system has, and the text would no longer fit the cards it was measured for.
 */

/** The map's faces, as media/preview.css declares them (test/webview/export-png.test.ts compares). */
export const FONT_FACES = [
    { file: 'fonts/LiberationSans-Regular.ttf', weight: 'normal' },
    { file: 'fonts/LiberationSans-Bold.ttf', weight: 'bold' },
] as const;
const FAMILY = 'Liberation Sans';

export type FontLoader = (url: string) => Promise<ArrayBuffer>;

const fetchFont: FontLoader = async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response.arrayBuffer();
};

function base64(bytes: ArrayBuffer): string {
    const view = new Uint8Array(bytes);
    let binary = '';
    for (let i = 0; i < view.length; i += 0x8000) {
        binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
    }
    return btoa(binary);
}

/**
 * The SVG with the map's font inside it, read from beside the page's style
 * sheet (`styleSheetUrl`); the SVG unchanged when the font cannot be read, so
 * that an export still works, in the system's fonts.
 */
export async function withMapFont(svgText: string, styleSheetUrl: string | undefined, load: FontLoader = fetchFont): Promise<string> {
    if (styleSheetUrl === undefined) return svgText;
    try {
        const faces = await Promise.all(FONT_FACES.map(async (face) => {
            const data = base64(await load(new URL(face.file, styleSheetUrl).href));
            return `@font-face{font-family:'${FAMILY}';font-weight:${face.weight};src:url(data:font/ttf;base64,${data}) format('truetype')}`;
        }));
        const open = svgText.indexOf('>', svgText.indexOf('<svg')) + 1;
        return `${svgText.slice(0, open)}<defs><style>${faces.join('')}</style></defs>${svgText.slice(open)}`;
    } catch {
        return svgText;
    }
}

export async function svgToPngBase64(svgText: string, width: number, height: number, scale = 2): Promise<string> {
    const blob = new Blob([svgText], { type: 'image/svg+xml' });
    const url = URL.createObjectURL(blob);
    try {
        const image = await loadImage(url);
        const canvas = document.createElement('canvas');
        canvas.width = Math.ceil(width * scale);
        canvas.height = Math.ceil(height * scale);
        const context = canvas.getContext('2d');
        if (!context) throw new Error('This webview cannot draw on a canvas.');
        context.scale(scale, scale);
        context.drawImage(image, 0, 0, width, height);
        return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
    } finally {
        URL.revokeObjectURL(url);
    }
}

function loadImage(url: string): Promise<HTMLImageElement> {
    return new Promise((resolve, reject) => {
        const image = new Image();
        image.onload = () => resolve(image);
        image.onerror = () => reject(new Error('The map could not be drawn as an image.'));
        image.src = url;
    });
}
