/**
 * Escape inside `node` (a disclosure or an inline form) calls `close`, which puts focus back
 * where the disclosure was opened from: the keyboard's way out of anything that opens.
 */
export function onEscape(node: HTMLElement, close: (node: HTMLElement) => void) {
  let handler = close;
  const keydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    handler(node);
  };
  node.addEventListener('keydown', keydown);
  return {
    update(next: (node: HTMLElement) => void) {
      handler = next;
    },
    destroy() {
      node.removeEventListener('keydown', keydown);
    },
  };
}
