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

const root = join(__dirname, '../../../tests/fixtures');
const cases = readdirSync(join(root, 'acceptance'))
  .filter((name) => statSync(join(root, 'acceptance', name)).isDirectory())
  .map((name) => ({ name, files: JSON.parse(readFileSync(join(root, 'acceptance', name, 'expected.json'), 'utf8')).files.map((f: string) => join(root, 'acceptance', name, f)) as string[] }))
  .concat(readdirSync(join(root, 'layouts')).map((f) => ({ name: f, files: [join(root, 'layouts', f)] })));

function pageReport(paths: string[], lang: 'ja' | 'en') {
  const sources = paths.map((p) => ({ name: p.split('/').pop()!, bytes: new Uint8Array(readFileSync(p)) }));
  const plans = sources.map((s) => previewFile(s.bytes, true).plan);
  const built = importFiles(sources, plans);
  const name = sources.map((s) => s.name).join(' + ');
  const { record, table } = assembleImport(built, { kind: 'new', id: 'page', name }, { sources: sources.map((s) => ({ name: s.name, size: s.bytes.length })), plans, at: 1 });
  const tags = tagComments(table, compileTopics(DEFAULT_TOPICS));
  return datasetReport(record, table, { describe: (r) => describeRejection(lang, r), events: [], lang, topics: DEFAULT_TOPICS, tags });
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
