/**
 * The active mark of a chart that is a single tab stop (keys in keyboard.ts). The chart's marks
 * stay out of the tab order; a screen reader hears the active one through aria-activedescendant,
 * and a sighted keyboard user sees it outlined, with its label, while the chart has keyboard focus
 * (not after a mouse click: a pointer user has the hover titles).
 */
import { keyMove, type MarkPlace } from './keyboard';

export class ActiveMark {
  #chosen = $state(-1);
  /** Keyboard focus is on the chart: the outline and label show. */
  shown = $state(false);
  readonly #places: () => readonly MarkPlace[];
  readonly #activate: ((index: number) => void) | undefined;
  readonly #prefix: string;

  /** `prefix`: unique on the page ($props.id()), the marks' element ids start with it. */
  constructor(prefix: string, places: () => readonly MarkPlace[], activate?: (index: number) => void) {
    this.#prefix = prefix;
    this.#places = places;
    this.#activate = activate;
  }

  /** The active mark: the first one until a key or a click chose another; −1 without marks. */
  get index(): number {
    const places = this.#places();
    if (places.length === 0) return -1;
    if (this.#chosen >= 0 && this.#chosen < places.length) return this.#chosen;
    const first = keyMove('Home', places, -1);
    return first?.kind === 'move' ? first.index : 0;
  }

  /** The element id of mark `index`, for aria-activedescendant. */
  id(index: number): string {
    return `${this.#prefix}-mark-${index}`;
  }

  get activeId(): string | undefined {
    return this.index >= 0 ? this.id(this.index) : undefined;
  }

  keydown = (event: KeyboardEvent) => {
    if (event.altKey) return;
    // Escape hides the outline and label, which cover part of the chart (WCAG 1.4.13); the next
    // arrow key shows them again.
    if (event.key === 'Escape' && this.shown) {
      this.shown = false;
      return;
    }
    const move = keyMove(event.key, this.#places(), this.index, event.ctrlKey || event.metaKey);
    if (!move) return;
    event.preventDefault();
    this.shown = true;
    if (move.kind === 'activate') this.#activate?.(this.index);
    else this.#chosen = move.index;
  };

  focus = (event: FocusEvent) => {
    this.shown = (event.currentTarget as Element).matches(':focus-visible');
  };

  blur = () => {
    this.shown = false;
  };

  /** A click on a mark (the element carries `data-mark={index}`) makes it active and activates it. */
  click = (event: MouseEvent) => {
    const mark = (event.target as Element).closest('[data-mark]');
    if (!mark) return;
    const index = Number(mark.getAttribute('data-mark'));
    this.#chosen = index;
    this.#activate?.(index);
  };
}
