/**
 * What every saved chart and printed page of a dataset's views says it shows (the dataset, the
 * filter in words): the dataset layout provides it, ChartExport and the print header read it.
 */
import { getContext, setContext } from 'svelte';

const KEY = Symbol('chart-caption');

export function provideChartCaption(lines: () => string[]): void {
  setContext(KEY, lines);
}

/** The caption's lines now (none outside a dataset's views). */
export function chartCaption(): () => string[] {
  return getContext<(() => string[]) | undefined>(KEY) ?? (() => []);
}
