/**
 * Events on a time chart with their labels written out (not on hover only): each label starts at
 * its event's line and runs right (kept inside the chart), shortened to `maxChars`, and takes the
 * lowest line above the chart where it does not run into another (labelLines).
 */
import { isoToDay } from '../../engine/days';
import { labelWidth } from './text-width';
import { labelLines } from './topic-timeline';

export interface PlacedEvent<E> {
  event: E;
  /** Where the event's day falls on the x axis. */
  x: number;
  /** The label as drawn (shortened with … when long), its width and where it starts. */
  text: string;
  width: number;
  textX: number;
  /** 0 = the line nearest the chart. */
  line: number;
}

/** `offset`: how far right of its line a label starts (clear of the event's diamond). */
export function placeEventLabels<E extends { date: string; label: string }>(events: readonly E[], xOfDay: (day: number) => number | null, width: number, maxChars = 18, offset = 4, size = 10.5): PlacedEvent<E>[] {
  const placed = events.flatMap((event) => {
    const x = xOfDay(isoToDay(event.date));
    if (x === null) return [];
    const chars = [...event.label];
    const text = chars.length > maxChars ? `${chars.slice(0, maxChars - 1).join('')}…` : event.label;
    const w = labelWidth(text, size);
    return [{ event, x, text, width: w, textX: Math.max(0, Math.min(x + offset, width - w)) }];
  });
  const lines = labelLines(placed.map((p) => p.textX), placed.map((p) => p.width));
  return placed.map((p, i) => ({ ...p, line: lines[i] }));
}
