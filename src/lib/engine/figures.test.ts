/**
 * The figures the worker computes (figures.ts) are the views' own engine functions: computed
 * from only the columns each names, after a copy between threads (structuredClone, as
 * postMessage does), they equal the engine's figures of the whole table — on a fixture with
 * waves, customers and segments, and on one with churn, revenue, CSAT, an outcomes file and a
 * list of the invited. A figure sent fewer columns than it reads fails instead of counting blanks.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { previewFile } from '../ingest/preview';
import { importFiles } from '../ingest/pipeline';
import { assembleImport } from '../ingest/assemble';
import { planAccountFile, readAccountFile } from '../ingest/account-file';
import type { AnswerTable } from './answers';
import { figureColumns, runFigure, type FigureArgs, type FigureName, type FigureTable } from './figures';
import { filterMask } from './filters';
import { computeOverview } from './overview';
import { oneVoicePerCustomer } from './one-voice';
import { overviewStory } from './overview-story';
import { trendView } from './trend';
import { segmentsView } from './segments';
import { transitionsView } from './transitions-view';
import { outcomesView } from './outcomes';
import { assignWaves } from './transitions';
import { followUpList, followUpPicks, followUpRowsOf } from './follow-ups';
import { cellAt, packTransitions, watchItems } from './transitions-figure';

const fixtures = join(__dirname, '../../../tests/fixtures');
const bytesOf = (path: string) => new Uint8Array(readFileSync(join(fixtures, path)));

function imported(path: string) {
  const bytes = bytesOf(path);
  const plan = previewFile(bytes, true).plan;
  const built = importFiles([{ name: path, bytes }], [plan]);
  return assembleImport(built, { kind: 'new', id: 't', name: path }, { sources: [{ name: path, size: bytes.length }], plans: [plan], at: 0 });
}

/** The columns figure `name` reads, copied as the worker receives them. */
function held<N extends FigureName>(table: AnswerTable, name: N, args: FigureArgs<N>): FigureTable {
  const out: Record<string, unknown> = { length: table.length };
  for (const column of figureColumns(name, args)) out[column] = table[column];
  return structuredClone(out) as FigureTable;
}

/** The figure computed as in the worker: from its columns, its arguments and its result copied. */
const inWorker = <N extends FigureName>(table: AnswerTable, name: N, args: FigureArgs<N>) => structuredClone(runFigure(name, held(table, name, args), structuredClone(args)));

const waves = imported('acceptance/waves-transitions/nps_waves.csv');
const plan = waves.record.segmentColumns.findIndex((c) => c.name === 'plan');
const filter = { fromDay: null, toDay: null, waves: [], segments: { plan: [waves.record.segmentColumns[plan].values[1]] } };
const masks = [undefined, filterMask(waves.table, waves.record.segmentColumns, filter)];
const month = { kind: 'month' as const };
const quarter = { kind: 'quarter' as const, fiscalYearStartMonth: 4 };
const events = [{ date: '2024-10-01', label: '値上げ', kind: 'price' }];

describe('figures computed as the worker computes them', () => {
  it('has a fixture with waves, customers and segments, and a filter that keeps some', () => {
    expect(waves.record.identity).toBe('account');
    expect(assignWaves(waves.table).labels.length).toBeGreaterThanOrEqual(3);
    expect(masks[1]!.reduce((s, x) => s + x, 0)).toBeGreaterThan(0);
  });

  for (const [k, include] of masks.entries()) {
    const which = k ? 'filtered' : 'all answers';
    const t = waves.table;
    it(`headline and story (${which})`, () => {
      expect(inWorker(t, 'overview', ['account', include, false])).toEqual(computeOverview(t, 'account', include));
      expect(inWorker(t, 'overview', ['account', include, true])).toEqual(computeOverview(t, 'account', oneVoicePerCustomer(t, include)));
      expect(inWorker(t, 'overviewStory', [{ include, oneVoice: k === 1, events }])).toEqual(overviewStory(t, { include, oneVoice: k === 1, events }));
    });
    it(`trend (${which})`, () => {
      for (const [options, oneVoice] of [[month, false], [quarter, true]] as const) {
        expect(inWorker(t, 'trend', [options, include, 30, oneVoice, events])).toEqual(structuredClone(trendView(t, options, include, 30, oneVoice, events)));
      }
    });
    it(`segments (${which})`, () => {
      const column = waves.record.segmentColumns[plan];
      expect(inWorker(t, 'segments', [column, plan, month, include, false])).toEqual(segmentsView(t, column, t.segments[plan], month, include));
      expect(inWorker(t, 'segments', [column, plan, month, include, true])).toEqual(segmentsView(t, column, t.segments[plan], month, oneVoicePerCustomer(t, include)));
    });
    it(`transitions, packed (${which})`, () => {
      for (const rule of ['latest', 'mean'] as const) {
        const options = { include, rule, a: 0, b: 2, segmentColumns: waves.record.segmentColumns };
        const direct = transitionsView(t, options);
        const figure = inWorker(t, 'transitions', [options]);
        expect(figure).toEqual(packTransitions(direct));
        expect(watchItems(figure.watch)).toEqual(direct.watch);
        expect(direct.watch.length).toBeGreaterThan(0);
        for (let from = 0; from < 4; from++) for (let to = 0; to < 4; to++) expect(cellAt(figure.chosen!.cells, from, to)).toEqual(direct.chosen!.cells[from][to]);
      }
    });
    it(`who a follow-up list holds, and its rows read on the page (${which})`, () => {
      const picks = inWorker(t, 'followUps', [null, 'detractor', include]);
      const all = assignWaves(t, undefined, include);
      expect(picks).toEqual(followUpPicks(t, all, all.labels.length - 1, 'detractor', include));
      expect(followUpRowsOf(t, picks)).toEqual(followUpList(t, all, all.labels.length - 1, 'detractor', include));
      // In slices, as the page reads a long list.
      expect([...followUpRowsOf(t, picks, null, 0, 3), ...followUpRowsOf(t, picks, null, 3)]).toEqual(followUpRowsOf(t, picks));
      expect(picks.answer.length).toBeGreaterThan(3);
    });
  }

  it('outcomes, with an outcomes file and a list of the invited joined by account id', () => {
    const accounts = imported('outcomes/accounts-nps.csv');
    const file = (name: string) => readAccountFile(bytesOf(`outcomes/${name}`), planAccountFile(bytesOf(`outcomes/${name}`), name), 0);
    const { record, table } = accounts;
    const base = { identity: record.identity, segmentColumns: record.segmentColumns, lostShare: 0.3, segment: 'plan' };
    for (const input of [base, { ...base, outcomes: file('crm-outcomes.csv').outcomes, invited: file('invited.csv').invited }]) {
      expect(inWorker(table, 'outcomes', [input])).toEqual(structuredClone(outcomesView({ ...input, table })));
    }
    // The ids are sent only when a file is joined by them.
    expect(figureColumns('outcomes', [base])).not.toContain('account');
    expect(figureColumns('outcomes', [{ ...base, invited: file('invited.csv').invited }])).toContain('account');
  });

  it('a figure not sent a column it reads fails, so the page computes it instead', () => {
    const table = held(waves.table, 'trend', [month, undefined, 30, false, []]);
    delete table.day;
    expect(() => runFigure('trend', table, [month, undefined, 30, false, []])).toThrow(TypeError);
  });
});
