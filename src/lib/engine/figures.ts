/**
 * The views' figures that may be computed away from the page (workers/figures.worker.ts): each is
 * one engine function, named, with arguments that copy between threads (a segment column is
 * named by its index, not passed as its codes). At a million answers each costs 50–300 ms, which
 * on the page would freeze every filter change and view switch (docs/methods.md §10.10); in a
 * worker the page stays responsive and shows the figure when it comes.
 *
 * Each figure names the columns it reads, and the worker is sent only those, once per set of
 * answers: the scores, days, customers and segments (~27 MB at a million answers) for most; the
 * outcome columns and the customers' ids only for the Outcomes view. A column a figure did not
 * name is absent in the worker, not blank: reading it fails loudly (and the page computes the
 * figure itself) instead of counting blanks.
 */
import type { AnswerTable, SegmentColumn } from './answers';
import { computeOverview, type IdentityKind } from './overview';
import { overviewStory, type OverviewStoryOptions } from './overview-story';
import { oneVoicePerCustomer } from './one-voice';
import { outcomesView, type OutcomesInput } from './outcomes';
import type { PeriodOptions } from './periods';
import { segmentsView } from './segments';
import type { StoryEvent } from './story';
import { trendView } from './trend';
import { transitionsView, type TransitionsViewOptions } from './transitions-view';
import { packTransitions } from './transitions-figure';
import { assignWaves } from './transitions';
import { followUpPicks } from './follow-ups';
import type { Category } from './nps';

export type FigureColumn = Exclude<keyof AnswerTable, 'length'>;

/** What every figure of the answers over time reads. */
const ANSWERS: readonly FigureColumn[] = ['score', 'day', 'seconds', 'file', 'row', 'customer', 'segments', 'wave'];

const figure = <A extends unknown[], R>(columns: (...args: NoInfer<A>) => readonly FigureColumn[], run: (table: AnswerTable, ...args: A) => R) => ({ columns, run });

/** The answers a figure over the whole filtered range counts: the filter's, or each customer's latest among them. */
const counted = (table: AnswerTable, include: Uint8Array | undefined, oneVoice: boolean) => (oneVoice ? oneVoicePerCustomer(table, include) : include);

export const FIGURES = {
  // One voice per customer is picked here too (~25 ms at a million answers): not on the page.
  overview: figure(() => ANSWERS, (table: AnswerTable, identity: IdentityKind, include: Uint8Array | undefined, oneVoice: boolean) =>
    computeOverview(table, identity, counted(table, include, oneVoice))),
  overviewStory: figure(() => ANSWERS, (table: AnswerTable, options: OverviewStoryOptions) => overviewStory(table, options)),
  trend: figure(() => ANSWERS, (table: AnswerTable, options: PeriodOptions, include: Uint8Array | undefined, minN: number, oneVoice: boolean, events: readonly StoryEvent[]) =>
    trendView(table, options, include, minN, oneVoice, events)),
  segments: figure(() => ANSWERS, (table: AnswerTable, column: SegmentColumn, index: number, options: PeriodOptions, include: Uint8Array | undefined, oneVoice: boolean) =>
    segmentsView(table, column, table.segments[index], options, counted(table, include, oneVoice))),
  transitions: figure(() => ANSWERS, (table: AnswerTable, options: TransitionsViewOptions) => packTransitions(transitionsView(table, options))),
  // Who a wave's follow-up list holds (the last wave when none is chosen); its rows' names and
  // comments are read on the page (state/follow-up-rows.svelte.ts).
  followUps: figure(() => ANSWERS, (table: AnswerTable, wave: number | null, category: Category, include: Uint8Array | undefined) => {
    const waves = assignWaves(table, undefined, include);
    return followUpPicks(table, waves, wave ?? Math.max(0, waves.labels.length - 1), category, include);
  }),
  // The ids join the answers to an outcomes file or a list of the invited (account-files.ts).
  outcomes: figure(
    (input: Omit<OutcomesInput, 'table'>) => [...ANSWERS, 'churn', 'revenue', 'csat', ...(input.identity && (input.outcomes || input.invited) ? [input.identity] : [])],
    (table: AnswerTable, input: Omit<OutcomesInput, 'table'>) => outcomesView({ ...input, table }),
  ),
};

export type FigureName = keyof typeof FIGURES;
type RunOf<N extends FigureName> = (typeof FIGURES)[N]['run'];
export type FigureArgs<N extends FigureName> = RunOf<N> extends (table: AnswerTable, ...args: infer A) => unknown ? A : never;
export type FigureOf<N extends FigureName> = ReturnType<RunOf<N>>;

/** The columns figure `name` reads, with these arguments. */
export function figureColumns<N extends FigureName>(name: N, args: FigureArgs<N>): readonly FigureColumn[] {
  return (FIGURES[name].columns as (...args: unknown[]) => readonly FigureColumn[])(...(args as unknown[]));
}

/** A table as the worker holds it: some columns of the answers. */
export type FigureTable = Pick<AnswerTable, 'length'> & Partial<AnswerTable>;

export function runFigure<N extends FigureName>(name: N, table: AnswerTable | FigureTable, args: FigureArgs<N>): FigureOf<N> {
  const run = FIGURES[name].run as (table: AnswerTable, ...args: unknown[]) => FigureOf<N>;
  return run(table as AnswerTable, ...(args as unknown[]));
}
