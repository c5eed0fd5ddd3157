/**
 * A chart's width on screen, told by a ResizeObserver alone: `use:observedWidth={(w) => (box = w)}`.
 *
 * `bind:clientWidth` also reads the width when the element is mounted, which makes the browser lay
 * out the page there and then, in the middle of the view being drawn; with a chart or two on a
 * view that is redrawn at a million answers this forced layout was ~25 ms of a task (Transitions
 * after a filter change, measured in Chromium). The observer reports the first width once the page
 * is laid out anyway, before it is painted, so the chart is still drawn at its width on screen.
 */
export function observedWidth(node: HTMLElement, set: (width: number) => void) {
  let tell = set;
  // The entry's content width, not clientWidth: the charts' boxes have no padding, so the two are
  // equal, and reading clientWidth after an earlier chart redrew at its width would lay out again.
  const observer = new ResizeObserver(([entry]) => tell(Math.round(entry.contentRect.width)));
  observer.observe(node);
  return {
    update(next: (width: number) => void) {
      tell = next;
    },
    destroy() {
      observer.disconnect();
    },
  };
}
