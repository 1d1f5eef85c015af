/**
 * The preview's compare mode in the toolbar: what the map is compared with,
 * the "Changes" list (picking one highlights its card; the editor reveals a
 * live one, a removed one shows its old text here), and the way out — the
 * button or Esc. All text goes in through textContent.
 */
import type { MapChange } from '../protocol/diagram-requests.js';
import type { FromWebview } from '../protocol/preview-messages.js';

const TAGS: Record<MapChange['state'], string> = { added: 'NEW', changed: 'CHANGED', removed: 'REMOVED' };

export class CompareBar {
    private changes: MapChange[] = [];
    private active = false;
    /** The toolbar field this bar drives: a bar whose page was replaced does nothing. */
    private readonly field: HTMLElement;

    constructor(
        private readonly document: Document,
        private readonly post: (message: FromWebview) => void,
        private readonly highlight: (id: string) => void,
    ) {
        this.field = this.element('compare-field');
        this.element<HTMLSelectElement>('changes').addEventListener('change', (event) => {
            const select = event.target as HTMLSelectElement;
            const change = this.changes[Number(select.value)];
            if (change) this.pick(change);
        });
        this.element('leave-compare').addEventListener('click', () => this.post({ type: 'leaveCompare' }));
        this.element('old-text-close').addEventListener('click', () => (this.element('old-text').hidden = true));
        this.document.addEventListener('keydown', (event) => {
            if (event.key !== 'Escape' || !this.active || !this.field.isConnected) return;
            event.preventDefault();
            if (!this.element('old-text').hidden) this.element('old-text').hidden = true;
            else this.post({ type: 'leaveCompare' });
        });
    }

    /** Shows the compare controls for this map, or hides them (a plain map). */
    show(compare: { base: string; changes: MapChange[] } | undefined): void {
        this.active = compare !== undefined;
        this.element('compare-field').hidden = !compare;
        if (!compare) {
            this.changes = [];
            this.element('old-text').hidden = true;
            return;
        }
        this.changes = compare.changes;
        this.element('compare-base').textContent = compare.base;
        const select = this.element<HTMLSelectElement>('changes');
        const first = this.document.createElement('option');
        first.value = '';
        first.textContent = compare.changes.length === 0 ? 'no changes on the map' : `${compare.changes.length} change${compare.changes.length === 1 ? '' : 's'}: pick one`;
        select.replaceChildren(
            first,
            ...compare.changes.map((change, index) => {
                const option = this.document.createElement('option');
                option.value = String(index);
                option.textContent = `${TAGS[change.state]} ${change.label}`;
                option.title = change.notes.join('\n');
                return option;
            }),
        );
        select.value = '';
    }

    /** A card clicked on the map: a removed one shows its old text (it has no declaration to reveal). */
    handlesClick(id: string): boolean {
        const change = this.changes.find((candidate) => candidate.id === id);
        if (change?.state !== 'removed') return false;
        this.showOldText(change);
        return true;
    }

    private pick(change: MapChange): void {
        this.highlight(change.id);
        if (change.state === 'removed') this.showOldText(change);
        else this.post({ type: 'select', id: change.id });
    }

    private showOldText(change: MapChange): void {
        this.element('old-text-title').textContent = `${change.label}, as it was in ${this.element('compare-base').textContent ?? ''}`;
        this.element('old-text-body').textContent = change.oldText ?? change.notes.join('\n');
        this.element('old-text').hidden = false;
    }

    private element<T extends HTMLElement>(id: string): T {
        const element = this.document.getElementById(id);
        if (!element) throw new Error(`The preview page has no #${id}.`);
        return element as T;
    }
}
