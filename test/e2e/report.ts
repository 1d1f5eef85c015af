// The extension host's console reaches the browser console mixed with the
// workbench's own log; the harness prints only the lines carrying this mark.
import { format } from 'node:util';

export const OUTPUT_MARK = '[journey-e2e] ';

export function report(...args: unknown[]): void {
    console.log(OUTPUT_MARK + format(...args));
}
