/**
 * A long list of buttons as a single tab stop (a roving tabindex): only the button used last is
 * in the tab order, the arrow keys, Home and End move between them (charts/keyboard.ts), Enter
 * and Space press it as ever. `items` selects the buttons inside the node; with `row`, the
 * buttons inside one `row` element are a row (↑/↓ between rows, ←/→ along one).
 */
import { keyMove, type MarkPlace } from '$lib/charts/keyboard';

export interface RovingOptions {
  items: string;
  row?: string;
}

export function roving(node: HTMLElement, options: RovingOptions) {
  let { items, row } = options;
  let current: HTMLElement | null = null;
  const list = () => [...node.querySelectorAll<HTMLElement>(items)];

  /** One button in the tab order: the current one, or the first when it is gone. */
  function sync() {
    const all = list();
    if (!current || !all.includes(current)) current = all[0] ?? null;
    for (const button of all) button.tabIndex = button === current ? 0 : -1;
  }

  function places(all: HTMLElement[]): MarkPlace[] {
    if (!row) return all.map((_, x) => ({ row: 0, x }));
    const rows = new Map<Element | null, number>();
    const lengths = new Map<Element | null, number>();
    return all.map((button) => {
      const of = button.closest(row!);
      if (!rows.has(of)) rows.set(of, rows.size);
      const x = lengths.get(of) ?? 0;
      lengths.set(of, x + 1);
      return { row: rows.get(of)!, x };
    });
  }

  function keydown(event: KeyboardEvent) {
    if (event.altKey) return;
    const all = list();
    const at = all.indexOf(event.target as HTMLElement);
    if (at < 0) return;
    const move = keyMove(event.key, places(all), at, event.ctrlKey || event.metaKey);
    // Enter and Space are the button's own.
    if (!move || move.kind === 'activate') return;
    event.preventDefault();
    current = all[move.index];
    sync();
    current.focus();
  }

  // A click or a focus from elsewhere makes that button the one Tab comes back to.
  function focusin(event: FocusEvent) {
    const target = event.target as HTMLElement;
    if (target !== current && list().includes(target)) {
      current = target;
      sync();
    }
  }

  // Buttons come and go with the list (a search, a recount): each new one out of the tab order.
  const changed = new MutationObserver(sync);
  changed.observe(node, { childList: true, subtree: true });
  node.addEventListener('keydown', keydown);
  node.addEventListener('focusin', focusin);
  sync();
  return {
    update(next: RovingOptions) {
      ({ items, row } = next);
      sync();
    },
    destroy() {
      changed.disconnect();
      node.removeEventListener('keydown', keydown);
      node.removeEventListener('focusin', focusin);
    },
  };
}
