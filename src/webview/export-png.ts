/**
 * Rasterises the current map to PNG in the webview itself (a canvas), so that
 * the extension needs no native image library. Returns base64 without the
 * data-URL prefix.
 */
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
