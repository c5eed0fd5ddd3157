/**
 * The views' figures that may be computed away from the page (workers/figures.worker.ts): each is
 * one engine function, named, with arguments that copy between threads (a segment column is
 * named by its index, not passed as its codes). At a million answers each costs 50–200 ms, which
 * on the page would freeze every filter change and view switch (docs/methods.md §10.10); in a
 * worker the page stays responsive and shows the figure when it comes.
 *
 * The worker holds only the columns these figures read (FIGURE_COLUMNS), not the comments or
 * names: at a million answers that is ~27 MB beside the page's table, not a second table.
 */
import type { AnswerTable, SegmentColumn, TypedColumnName } from './answers';
import { overviewStory, type OverviewStoryOptions } from './overview-story';
import type { PeriodOptions } from './periods';
import { segmentsView } from './segments';
import type { StoryEvent } from './story';
import { trendView } from './trend';

export const FIGURES = {
  overviewStory: (table: AnswerTable, options: OverviewStoryOptions) => overviewStory(table, options),
  trend: (table: AnswerTable, options: PeriodOptions, include: Uint8Array | undefined, minN: number, oneVoice: boolean, events: readonly StoryEvent[]) =>
    trendView(table, options, include, minN, oneVoice, events),
  segments: (table: AnswerTable, column: SegmentColumn, index: number, options: PeriodOptions, include: Uint8Array | undefined) =>
    segmentsView(table, column, table.segments[index], options, include),
};

export type FigureName = keyof typeof FIGURES;
export type FigureArgs<N extends FigureName> = (typeof FIGURES)[N] extends (table: AnswerTable, ...args: infer A) => unknown ? A : never;
export type FigureOf<N extends FigureName> = ReturnType<(typeof FIGURES)[N]>;

/** The typed columns the figures read (with the segment codes and the wave labels). */
export const FIGURE_COLUMNS = ['score', 'day', 'seconds', 'file', 'row', 'customer'] as const satisfies readonly TypedColumnName[];

/**
 * The part of a table the figures read. The other columns are absent, not blank: a figure that
 * came to read one would fail loudly (and the page compute it itself) rather than count blanks.
 */
export type FigureTable = Pick<AnswerTable, 'length' | 'segments' | 'wave' | (typeof FIGURE_COLUMNS)[number]>;

export function figureTable(table: AnswerTable): FigureTable {
  const out = { length: table.length, segments: table.segments, wave: table.wave } as FigureTable;
  for (const name of FIGURE_COLUMNS) (out as unknown as Record<string, unknown>)[name] = table[name];
  return out;
}

export function runFigure<N extends FigureName>(name: N, table: AnswerTable | FigureTable, args: FigureArgs<N>): FigureOf<N> {
  const run = FIGURES[name] as (table: AnswerTable, ...args: unknown[]) => FigureOf<N>;
  return run(table as AnswerTable, ...(args as unknown[]));
}
