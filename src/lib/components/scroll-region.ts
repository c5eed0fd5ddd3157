/**
 * A box that scrolls (a wide or long table) has to be reachable by keyboard, or its hidden part
 * cannot be scrolled into view without a mouse (WCAG 2.1.1; axe: scrollable-region-focusable).
 * While its content overflows and holds nothing focusable, the box is a tab stop named `label`;
 * when everything fits it is left alone, so it costs no Tab press for nothing.
 */
const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]';

export function scrollRegion(node: HTMLElement, label: string) {
  let name = label;
  function sync() {
    const overflows = node.scrollWidth > node.clientWidth + 1 || node.scrollHeight > node.clientHeight + 1;
    if (overflows && !node.querySelector(FOCUSABLE)) {
      node.tabIndex = 0;
      node.setAttribute('role', 'region');
      node.setAttribute('aria-label', name);
    } else {
      node.removeAttribute('tabindex');
      node.removeAttribute('role');
      node.removeAttribute('aria-label');
    }
  }
  // The box keeps its size while its table grows: watch the table too. The observer reports each
  // element it starts watching once the page has been laid out; measuring before that (on mount,
  // or when rows are added) forced a layout of its own — ~80 ms for a hundred follow-up rows.
  const resized = new ResizeObserver(sync);
  const watch = () => {
    resized.disconnect();
    resized.observe(node);
    for (const child of node.children) resized.observe(child);
  };
  const changed = new MutationObserver(watch);
  changed.observe(node, { childList: true, subtree: true });
  watch();
  return {
    update(next: string) {
      // Only the name can change here: measuring again would lay the page out in the middle of
      // a redraw (the observers measure once it is laid out).
      name = next;
      if (node.getAttribute('role') === 'region') node.setAttribute('aria-label', name);
    },
    destroy() {
      resized.disconnect();
      changed.disconnect();
    },
  };
}
