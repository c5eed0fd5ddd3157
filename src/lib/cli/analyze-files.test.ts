/**
 * One report: the command line and the page make the same JSON from the same files. The page's
 * path is taken step by step as the app takes it — preview, import (the worker's reader gives what
 * importFiles gives: ingest/scan-path.test.ts), the import's assembly, tags as the text worker
 * makes them, the report of the stored dataset — and compared with analyzeFiles for every fixture.
 */
import { describeRejection } from '../i18n/rejection';
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeFiles } from './analyze-files';
import { importFiles } from '../ingest/pipeline';
import { previewFile } from '../ingest/preview';
import { assembleImport } from '../ingest/assemble';
import { datasetReport } from '../engine/report';
import { DEFAULT_TOPICS } from '../engine/text/dictionary';
import { compileTopics } from '../engine/text/topics';
import { tagComments } from '../engine/text/tag';
import { translate } from '../i18n/messages';
import { planAccountFile, readAccountFile } from '../ingest/account-file';
import type { DatasetSettings } from '../engine/dataset';

const root = join(__dirname, '../../../tests/fixtures');
const cases = readdirSync(join(root, 'acceptance'))
  .filter((name) => statSync(join(root, 'acceptance', name)).isDirectory())
  .map((name) => ({ name, files: JSON.parse(readFileSync(join(root, 'acceptance', name, 'expected.json'), 'utf8')).files.map((f: string) => join(root, 'acceptance', name, f)) as string[] }))
  .concat(readdirSync(join(root, 'layouts')).map((f) => ({ name: f, files: [join(root, 'layouts', f)] })));

function pageReport(paths: string[], lang: 'ja' | 'en', settings: DatasetSettings = {}) {
  const sources = paths.map((p) => ({ name: p.split('/').pop()!, bytes: new Uint8Array(readFileSync(p)) }));
  const plans = sources.map((s) => previewFile(s.bytes, true).plan);
  const built = importFiles(sources, plans);
  const name = sources.map((s) => s.name).join(' + ');
  const { record, table } = assembleImport(built, { kind: 'new', id: 'page', name }, { sources: sources.map((s) => ({ name: s.name, size: s.bytes.length })), plans, at: 1 });
  const tags = tagComments(table, compileTopics(DEFAULT_TOPICS));
  return datasetReport({ ...record, ...settings }, table, { describe: (r) => describeRejection(lang, r), events: [], lang, topics: DEFAULT_TOPICS, tags });
}

describe('the command line and the page make one report', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThan(15));
  for (const c of cases) {
    it(`${c.name}`, () => {
      const sources = c.files.map((p) => ({ name: p.split('/').pop()!, bytes: new Uint8Array(readFileSync(p)) }));
      for (const lang of ['ja', 'en'] as const) {
        const cli = analyzeFiles(sources, lang);
        expect(JSON.stringify(cli)).toBe(JSON.stringify(pageReport(c.files, lang)));
      }
    });
  }

  it('joins an outcomes file as the Outcomes view does, and reports churn and revenue the same', () => {
    const dir = join(root, 'outcomes');
    const answers = join(dir, 'accounts-nps.csv');
    const file = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) });
    for (const lang of ['ja', 'en'] as const) {
      const page = pageReport([answers], lang);
      // Without a file: the export's own churn and revenue columns.
      const cli = analyzeFiles([file('accounts-nps.csv')], lang);
      expect(JSON.stringify(cli)).toBe(JSON.stringify(page));
      expect(cli.churn!.byCategory.detractor).toEqual({ n: 6, churned: 3, rate: 50, ci95: [expect.closeTo(18.7616, 3), expect.closeTo(81.2384, 3)] });
      expect(cli.revenue!.total).toBe(9_400_000);
      // With the CRM's file and the list of the invited, read as the page reads them.
      const accounts = [file('crm-outcomes.csv'), file('invited.csv')];
      const joined = analyzeFiles([file('accounts-nps.csv')], lang, accounts);
      const settings = Object.assign({}, ...accounts.map((f) => readAccountFile(f.bytes, planAccountFile(f.bytes, f.name), 0)));
      expect(JSON.stringify(joined)).toBe(JSON.stringify(pageReport([answers], lang, settings)));
      expect(joined.responses!.map((r) => [r.wave, r.answered, r.invited])).toEqual([['W1', 10, 22], ['W2', 17, 24]]);
      // The file overrides the export: A04 keeps 650,000 (its last row), A99 answered nothing.
      expect(joined.revenue!.byCategory.detractor.sum).toBe(1_850_000);
    }
  });

  it('fills bySegment from the segment columns (it never did on the command line)', () => {
    const sample = cases.find((c) => c.name === 'waves-transitions')!;
    const report = analyzeFiles(sample.files.map((p) => ({ name: p.split('/').pop()!, bytes: new Uint8Array(readFileSync(p)) })), 'en');
    expect(Object.keys(report.bySegment).length).toBeGreaterThan(0);
  });
});

describe('the command line reads workbooks and names what is not a table', () => {
  it('forms-ja.xlsx: 9 answers, NPS (4 − 3) / 9 = +11.1, row 12 rejected', () => {
    const bytes = new Uint8Array(readFileSync(join(root, 'xlsx/forms-ja.xlsx')));
    const report = analyzeFiles([{ name: 'forms-ja.xlsx', bytes }], 'en');
    expect(report.overall.n).toBe(9);
    expect(report.overall.nps).toBeCloseTo(100 / 9, 6);
    expect(report.rejectedRows).toEqual([{ file: 'forms-ja.xlsx', row: 12, reason: 'score is empty' }]);
  });

  it('a PNG named .csv', () => {
    const bytes = new Uint8Array(readFileSync(join(root, 'hostile/picture.csv')));
    expect(() => analyzeFiles([{ name: 'picture.csv', bytes }], 'en')).toThrow('picture.csv is an image (PNG), not a table of answers.');
  });
});
