/**
 * Every export layout the app must read without anyone editing the file first
 * (the README's "Supported layouts"), previewed and imported through the real pipeline.
 *
 * The fixtures live in tests/fixtures/layouts/. The expected values below were counted when the
 * files were written, from the raw cells: `scores` is the list of accepted scores in file order,
 * `days` their answer dates, and the promoter/passive/detractor numbers are checked against
 * `scores` by an independent tally before they are compared with what the pipeline produced.
 *
 * Spreadsheet row numbers: the first header line is row 1, so the first data row of a Qualtrics
 * file (three header rows) is row 4; a quoted line break does not start a new row.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unpackText } from '../engine/text-column';
import { dayToIso } from '../engine/days';
import { importFiles } from './pipeline';
import { previewFile, type FilePreview } from './preview';
import type { BuiltAnswers } from './build';

/** Column index of each role (-1 = no column has it); a list = any one of these columns is right. */
type RoleExpectation = Record<string, number | readonly number[]>;

interface Layout {
  file: string;
  encoding: string;
  bom: boolean;
  delimiter: string;
  headerRows: number;
  dateOrder?: 'ymd' | 'mdy' | 'dmy';
  roles: RoleExpectation;
  /** Columns that must NOT be taken for the score (NPS group / sentiment words beside it). */
  notScore?: readonly number[];
  scores: readonly number[];
  promoters: number;
  passives: number;
  detractors: number;
  /** Answer dates of the accepted rows, file order, space-separated ISO. */
  days: string;
  first: string;
  last: string;
  accounts: number;
  /** [spreadsheet row, reason code, or the codes any one of which is right]. */
  rejected: ReadonlyArray<readonly [number, string | readonly string[]]>;
}

const LAYOUTS: Layout[] = [
  {
    file: 'qualtrics-choice-text.csv',
    encoding: 'utf-8', bom: false, delimiter: ',', headerRows: 3,
    // EndDate (1) and RecordedDate (7) are the same moment for finished responses: either is right.
    roles: { score: 18, date: [1, 7], account: 12, respondent: 11, comment: 19 },
    notScore: [17],
    scores: [10, 9, 7, 3, 10, 8, 0, 6, 9, 10, 5, 8, 9, 7, 2, 10, 1, 9, 4],
    promoters: 8, passives: 4, detractors: 7,
    days: '2024-03-01 2024-03-01 2024-03-02 2024-03-04 2024-03-05 2024-03-06 2024-03-07 2024-03-08 2024-03-11 2024-03-13 2024-03-14 2024-03-15 2024-03-18 2024-03-19 2024-03-21 2024-03-22 2024-03-25 2024-03-27 2024-03-28',
    first: '2024-03-01', last: '2024-03-28',
    accounts: 14,
    // The unfinished response (Finished = False, Progress 33, no score): an empty score, or a partial response.
    rejected: [[13, ['score-empty', 'partial-response']]],
  },
  {
    file: 'qualtrics-legacy.csv',
    encoding: 'utf-8', bom: true, delimiter: ',', headerRows: 2,
    roles: { score: 10, date: 8, account: 3, respondent: 4, comment: 11 },
    scores: [9, 10, 6, 8, 10, 4, 7, 9, 3, 10, 8, 5, 9],
    promoters: 6, passives: 3, detractors: 4,
    days: '2024-01-15 2024-01-15 2024-01-16 2024-01-16 2024-01-18 2024-01-19 2024-01-22 2024-01-23 2024-01-24 2024-01-25 2024-01-29 2024-01-30 2024-01-31',
    first: '2024-01-15', last: '2024-01-31',
    accounts: 10,
    // Finished = 0 and no score: an empty score, or a partial response.
    rejected: [[7, ['score-empty', 'partial-response']]],
  },
  {
    file: 'surveymonkey-matrix.csv',
    encoding: 'utf-8', bom: false, delimiter: ',', headerRows: 2, dateOrder: 'mdy',
    // Custom Data 1 carries the customer id; columns 9–11 are one multi-select question.
    roles: { score: 12, date: 3, account: 8, respondent: 5, comment: 13 },
    notScore: [9, 10, 11],
    scores: [9, 6, 10, 8, 3, 9, 7, 10, 0, 9, 8, 5, 10, 7, 4, 9, 6],
    promoters: 7, passives: 4, detractors: 6,
    days: '2024-01-08 2024-01-08 2024-01-09 2024-01-10 2024-01-11 2024-01-12 2024-01-15 2024-01-16 2024-01-17 2024-01-18 2024-01-19 2024-01-22 2024-01-23 2024-01-24 2024-01-26 2024-01-29 2024-01-30',
    first: '2024-01-08', last: '2024-01-30',
    accounts: 8,
    rejected: [[9, 'score-empty']],
  },
  {
    file: 'google-forms-en.csv',
    encoding: 'utf-8', bom: false, delimiter: ',', headerRows: 1,
    roles: { score: 3, date: 0, account: 2, respondent: 1, comment: 4 },
    scores: [9, 7, 10, 4, 8, 10, 6, 9, 2, 10, 8, 9, 5],
    promoters: 6, passives: 3, detractors: 4,
    days: '2024-01-05 2024-01-05 2024-01-08 2024-01-09 2024-01-10 2024-01-12 2024-01-15 2024-01-16 2024-01-18 2024-01-19 2024-01-22 2024-01-24 2024-01-26',
    first: '2024-01-05', last: '2024-01-26',
    accounts: 9,
    // The header spans two lines of the file but is one spreadsheet row.
    rejected: [[7, 'score-empty']],
  },
  {
    file: 'google-forms-ja-utf8.csv',
    encoding: 'utf-8', bom: false, delimiter: ',', headerRows: 1,
    roles: { score: 4, date: 0, account: 2, respondent: 1, comment: 5, segment: 3 },
    scores: [10, 10, 6, 9, 8, 3, 7, 10, 5, 9, 8, 2, 9, 7, 0, 10],
    promoters: 7, passives: 4, detractors: 5,
    days: '2024-02-01 2024-02-01 2024-02-02 2024-02-02 2024-02-05 2024-02-06 2024-02-07 2024-02-08 2024-02-09 2024-02-13 2024-02-14 2024-02-15 2024-02-16 2024-02-19 2024-02-20 2024-02-21',
    first: '2024-02-01', last: '2024-02-21',
    accounts: 10,
    rejected: [],
  },
  {
    file: 'google-forms-ja-sjis.csv',
    encoding: 'shift_jis', bom: false, delimiter: ',', headerRows: 1,
    roles: { score: 4, date: 0, account: 2, respondent: 1, comment: 5, segment: 3 },
    scores: [9, 4, 10, 7, 2, 8, 10, 6, 9, 5, 10, 8, 3, 9, 7, 1, 10, 8],
    promoters: 7, passives: 5, detractors: 6,
    days: '2024-04-01 2024-04-01 2024-04-02 2024-04-03 2024-04-04 2024-04-05 2024-04-08 2024-04-09 2024-04-10 2024-04-11 2024-04-12 2024-04-15 2024-04-16 2024-04-17 2024-04-18 2024-04-22 2024-04-23 2024-04-26',
    first: '2024-04-01', last: '2024-04-26',
    accounts: 11,
    rejected: [],
  },
  {
    file: 'typeform.csv',
    encoding: 'utf-8', bom: false, delimiter: ',', headerRows: 1,
    // Submit Date (UTC) is the answer date; Start and Stage dates are not.
    roles: { score: 1, date: 8, account: 3, respondent: 4, comment: 2 },
    scores: [9, 10, 6, 8, 3, 10, 7, 9, 0, 8, 10, 5, 9, 4, 10],
    promoters: 7, passives: 3, detractors: 5,
    days: '2024-10-01 2024-10-01 2024-10-02 2024-10-03 2024-10-04 2024-10-05 2024-10-07 2024-10-08 2024-10-09 2024-10-10 2024-10-11 2024-10-14 2024-10-15 2024-10-16 2024-10-18',
    first: '2024-10-01', last: '2024-10-18',
    accounts: 10,
    rejected: [[4, 'partial-response'], [9, 'partial-response'], [14, 'partial-response']],
  },
  {
    file: 'microsoft-forms.csv',
    encoding: 'utf-8', bom: true, delimiter: ',', headerRows: 1, dateOrder: 'mdy',
    roles: { score: 5, date: 2, account: 7, respondent: 3, comment: 6 },
    scores: [8, 10, 6, 9, 3, 10, 7, 9, 5, 8, 10, 2, 9, 7, 4, 10],
    promoters: 7, passives: 4, detractors: 5,
    days: '2024-09-27 2024-09-30 2024-10-01 2024-10-02 2024-10-03 2024-10-04 2024-10-07 2024-10-08 2024-10-09 2024-10-10 2024-10-11 2024-10-14 2024-10-15 2024-10-16 2024-10-18 2024-10-21',
    first: '2024-09-27', last: '2024-10-21',
    accounts: 11,
    rejected: [],
  },
  {
    file: 'delighted.csv',
    encoding: 'utf-8', bom: false, delimiter: ',', headerRows: 1,
    // created_at (Unix seconds), not updated_at.
    roles: { score: 3, date: 6, account: 9, respondent: 1, comment: 4 },
    scores: [9, 10, 2, 8, 7, 10, 6, 9, 0, 10, 8, 4, 9, 10, 5],
    promoters: 7, passives: 3, detractors: 5,
    days: '2024-05-02 2024-05-02 2024-05-03 2024-05-06 2024-05-07 2024-05-08 2024-05-09 2024-05-10 2024-05-13 2024-05-14 2024-05-15 2024-05-16 2024-05-20 2024-05-21 2024-05-31',
    first: '2024-05-02', last: '2024-05-31',
    accounts: 13,
    rejected: [],
  },
  {
    file: 'hubspot.csv',
    encoding: 'utf-8', bom: false, delimiter: ',', headerRows: 1,
    roles: { score: 4, date: 1, account: 8, respondent: 7, comment: 6 },
    notScore: [5],
    scores: [9, 6, 10, 8, 3, 10, 7, 9, 1, 8, 9, 5, 10, 4, 9, 7],
    promoters: 7, passives: 4, detractors: 5,
    days: '2024-06-03 2024-06-03 2024-06-04 2024-06-05 2024-06-06 2024-06-07 2024-06-10 2024-06-11 2024-06-12 2024-06-13 2024-06-14 2024-06-17 2024-06-18 2024-06-20 2024-06-24 2024-06-28',
    first: '2024-06-03', last: '2024-06-28',
    accounts: 12,
    rejected: [],
  },
  {
    file: 'excel-unicode-text.txt',
    encoding: 'utf-16le', bom: true, delimiter: '\t', headerRows: 1,
    roles: { score: 2, date: 1, account: 0, respondent: -1, comment: 3, segment: 4 },
    scores: [9, 10, 4, 7, 8, 10, 6, 9, 3, 8, 10, 5, 2, 9],
    promoters: 6, passives: 3, detractors: 5,
    days: '2024-07-01 2024-07-01 2024-07-02 2024-07-03 2024-07-04 2024-07-05 2024-07-09 2024-07-10 2024-07-11 2024-07-12 2024-07-16 2024-07-17 2024-07-18 2024-07-19',
    first: '2024-07-01', last: '2024-07-19',
    accounts: 12,
    // Row 4's comment has a line break, so row 8 is on the file's 9th line.
    rejected: [[8, 'score-empty']],
  },
  {
    file: 'european-semicolon.csv',
    encoding: 'utf-8', bom: true, delimiter: ';', headerRows: 1, dateOrder: 'dmy',
    roles: { score: 3, date: 2, account: 0, respondent: 1, comment: 4, segment: 5, revenue: 6, churn: 7 },
    scores: [9, 6, 10, 3, 8, 10, 5, 9, 7, 2, 10, 8, 4, 9, 7],
    promoters: 6, passives: 4, detractors: 5,
    days: '2024-01-08 2024-01-09 2024-01-10 2024-01-11 2024-01-15 2024-01-16 2024-01-17 2024-01-18 2024-01-19 2024-01-22 2024-01-23 2024-01-24 2024-01-25 2024-01-29 2024-01-31',
    first: '2024-01-08', last: '2024-01-31',
    accounts: 13,
    rejected: [[6, 'score-not-number']], // "k.A." (keine Angabe)
  },
  {
    file: 'waves-japanese.csv',
    encoding: 'utf-8', bom: true, delimiter: ',', headerRows: 1,
    roles: { account: 0, respondent: 1, wave: 2, date: 3, score: 4, comment: 5, segment: 6, churn: 7 },
    scores: [9, 7, 8, 4, 10, 6, 9, 8, 3, 10, 7, 5, 9, 10, 9, 8, 2, 9, 7, 6, 1, 10, 8, 4, 10, 9],
    promoters: 11, passives: 7, detractors: 8,
    days: '2024-01-15 2024-01-15 2024-01-16 2024-01-17 2024-01-17 2024-01-18 2024-01-19 2024-01-22 2024-01-23 2024-01-24 2024-01-25 2024-01-26 2024-01-29 2024-07-08 2024-07-08 2024-07-09 2024-07-10 2024-07-10 2024-07-11 2024-07-16 2024-07-17 2024-07-18 2024-07-19 2024-07-22 2024-07-23 2024-07-24',
    first: '2024-01-15', last: '2024-07-24',
    accounts: 14,
    rejected: [[21, 'score-not-number']], // 未回答
  },
  {
    file: 'era-dates.csv',
    encoding: 'utf-8', bom: false, delimiter: ',', headerRows: 1,
    roles: { account: 0, date: 1, score: 2, comment: 3, respondent: -1 },
    scores: [8, 10, 6, 9, 3, 7, 9, 10, 5, 9, 4],
    promoters: 5, passives: 2, detractors: 4,
    days: '2023-12-20 2024-01-15 2024-01-15 2024-01-22 2024-01-31 2024-02-05 2024-02-09 2024-02-13 2024-02-20 2024-03-01 2024-03-08',
    first: '2023-12-20', last: '2024-03-08',
    accounts: 10,
    rejected: [[11, 'date-unreadable']], // 令和6年2月30日 does not exist
  },
  {
    file: 'excel-serial.csv',
    encoding: 'utf-8', bom: false, delimiter: ',', headerRows: 1,
    roles: { account: 0, date: 1, score: 2, comment: 3, respondent: -1 },
    scores: [9, 7, 10, 4, 8, 6, 10, 9, 2, 9, 5, 10],
    promoters: 6, passives: 2, detractors: 4,
    days: '2024-01-15 2024-01-15 2024-01-17 2024-01-19 2024-01-22 2024-01-24 2024-01-26 2024-01-29 2024-01-31 2024-02-02 2024-02-05 2024-02-08',
    first: '2024-01-15', last: '2024-02-08',
    accounts: 10,
    rejected: [],
  },
];

function fixtureBytes(file: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../../../tests/fixtures/layouts/${file}`, import.meta.url)));
}

const cache = new Map<string, { preview: FilePreview; built: BuiltAnswers }>();
/** Preview and import one fixture exactly as the app does (detected plan, no changes). */
function load(file: string): { preview: FilePreview; built: BuiltAnswers } {
  let hit = cache.get(file);
  if (!hit) {
    const bytes = fixtureBytes(file);
    const preview = previewFile(bytes, true);
    const built = importFiles([{ name: file, bytes }], [preview.plan]);
    hit = { preview, built };
    cache.set(file, hit);
  }
  return hit;
}
const previewOf = (file: string) => previewFile(fixtureBytes(file), true);

/** Independent NPS categories of a list of 0–10 scores. */
function tally(scores: ArrayLike<number>): { promoters: number; passives: number; detractors: number } {
  let promoters = 0, passives = 0, detractors = 0;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (s >= 9) promoters++;
    else if (s >= 7) passives++;
    else detractors++;
  }
  return { promoters, passives, detractors };
}

const roleColumn = (preview: FilePreview, role: string) => (preview.plan.roles as readonly string[]).indexOf(role);

describe.each(LAYOUTS)('$file', (layout) => {
  it('the expected numbers agree with the listed scores (self-check of the fixture)', () => {
    expect(tally(layout.scores)).toEqual({ promoters: layout.promoters, passives: layout.passives, detractors: layout.detractors });
    const days = layout.days.split(' ');
    expect(days).toHaveLength(layout.scores.length);
    expect([...days].sort()[0]).toBe(layout.first);
    expect([...days].sort().at(-1)).toBe(layout.last);
  });

  it(`detects encoding ${layout.encoding}${layout.bom ? ' with BOM' : ''} and delimiter ${JSON.stringify(layout.delimiter)}`, () => {
    const preview = previewOf(layout.file);
    expect(preview.plan.encoding).toBe(layout.encoding);
    expect(preview.bom).toBe(layout.bom);
    expect(preview.plan.delimiter).toBe(layout.delimiter);
  });

  it(`detects ${layout.headerRows} header row(s)`, () => {
    expect(previewOf(layout.file).plan.headerRows).toBe(layout.headerRows);
  });

  if (layout.dateOrder) {
    it(`decides the day/month order: ${layout.dateOrder}`, () => {
      expect(previewOf(layout.file).plan.dateOrder).toBe(layout.dateOrder);
    });
  }

  for (const [role, column] of Object.entries(layout.roles)) {
    const label = typeof column === 'number' ? (column < 0 ? 'no column' : `column ${column}`) : `one of columns ${column.join(', ')}`;
    it(`gives role "${role}" to ${label}`, () => {
      const preview = previewOf(layout.file);
      const got = roleColumn(preview, role);
      if (typeof column === 'number') expect(got, `headers: ${JSON.stringify(preview.plan.headers)}`).toBe(column);
      else expect(column, `got ${got}; headers: ${JSON.stringify(preview.plan.headers)}`).toContain(got);
    });
  }

  if (layout.notScore) {
    it(`does not take column(s) ${layout.notScore.join(', ')} for the score`, () => {
      const roles = previewOf(layout.file).plan.roles;
      for (const c of layout.notScore ?? []) expect(roles[c], `column ${c}`).not.toBe('score');
    });
  }

  it(`accepts ${layout.scores.length} answers with the scores as written`, () => {
    const { built } = load(layout.file);
    expect(Array.from(built.table.score)).toEqual(layout.scores);
    expect(built.fileCounts).toEqual([{ accepted: layout.scores.length, rejected: layout.rejected.length, blank: 0 }]);
  });

  it(`counts ${layout.promoters} promoters, ${layout.passives} passives, ${layout.detractors} detractors`, () => {
    const { built } = load(layout.file);
    expect(tally(built.table.score)).toEqual({ promoters: layout.promoters, passives: layout.passives, detractors: layout.detractors });
  });

  it(`reads every answer date (${layout.first} … ${layout.last})`, () => {
    const { built } = load(layout.file);
    const days = Array.from(built.table.day);
    expect(days.map(dayToIso)).toEqual(layout.days.split(' '));
    expect(dayToIso(Math.min(...days))).toBe(layout.first);
    expect(dayToIso(Math.max(...days))).toBe(layout.last);
  });

  it(`finds ${layout.accounts} distinct accounts`, () => {
    const { built } = load(layout.file);
    expect(new Set(unpackText(built.table.account).filter((a) => a !== '')).size).toBe(layout.accounts);
  });

  it(`rejects ${layout.rejected.length ? layout.rejected.map(([row]) => `row ${row}`).join(', ') : 'no row'}`, () => {
    const { built } = load(layout.file);
    expect(built.rejected.map((r) => r.row)).toEqual(layout.rejected.map(([row]) => row));
    built.rejected.forEach((r, i) => {
      const want = layout.rejected[i][1];
      if (typeof want === 'string') expect(r.rejection.code, `row ${r.row}`).toBe(want);
      else expect(want, `row ${r.row}: got ${r.rejection.code}`).toContain(r.rejection.code);
      expect(r.file).toBe(0);
    });
  });
});

// ------------------------------------------------------------------- what is particular to each layout

describe('Qualtrics choice-text export', () => {
  it('reads "0 - Not at all likely" and "10 - Extremely likely" as 0 and 10', () => {
    const { built } = load('qualtrics-choice-text.csv');
    expect(built.table.score[0]).toBe(10); // row 4: 10 - Extremely likely
    expect(built.table.score[6]).toBe(0); // row 10: 0 - Not at all likely
  });
  it('keeps markup in a comment as text', () => {
    const { built } = load('qualtrics-choice-text.csv');
    expect(unpackText(built.table.comment)).toContain('Solid product. <b>Reporting</b> could be faster.');
    expect(unpackText(built.table.comment)[0]).toBe('サポートの対応がとても早くて助かりました。');
  });
  it('keeps the time of day and the ExternalReference / RecipientEmail of each answer', () => {
    const { built } = load('qualtrics-choice-text.csv');
    expect(built.table.seconds[0]).toBe(9 * 3600 + 14 * 60 + 52); // 2024-03-01 09:14:52
    expect(unpackText(built.table.account)[0]).toBe('ACC-1001');
    expect(unpackText(built.table.respondent)[0]).toBe('k.tanaka@sakura-systems.co.jp');
    expect(Array.from(built.table.row.slice(0, 2))).toEqual([4, 5]);
  });
});

describe('Qualtrics legacy export', () => {
  it('names the columns from the second header row, BOM and trailing comma notwithstanding', () => {
    const { preview } = load('qualtrics-legacy.csv');
    expect(preview.plan.headers[0]).toBe('ResponseID');
    expect(preview.plan.headers[3]).toBe('ExternalDataReference');
    expect(preview.plan.headers[10]).toMatch(/recommend Acme Cloud/);
  });
  it('reads the first answer as row 3', () => {
    const { built } = load('qualtrics-legacy.csv');
    expect(built.table.row[0]).toBe(3);
    expect(unpackText(built.table.account)[0]).toBe('C-2001');
    expect(built.table.seconds[0]).toBe(10 * 3600 + 23 * 60 + 45); // 2024-01-15 10:23:45
  });
});

describe('SurveyMonkey export with a multi-select question', () => {
  it('continues a question over the blank row-1 cells to its right', () => {
    const { preview } = load('surveymonkey-matrix.csv');
    const h = preview.plan.headers;
    expect(h).toHaveLength(14);
    for (const [c, option] of [[9, 'Reports'], [10, 'Dashboards'], [11, 'Slack integration']] as const) {
      expect(h[c], `column ${c}`).toContain('Which features do you use?');
      expect(h[c], `column ${c}`).toContain(option);
    }
    expect(h[12]).toContain('How likely is it that you would recommend Acme Cloud');
    expect(h[13]).toContain('What is the primary reason for your score?');
  });
  it('reads 12-hour times: 02:45:10 PM is 14:45:10', () => {
    const { built } = load('surveymonkey-matrix.csv');
    expect(built.table.seconds[1]).toBe(14 * 3600 + 45 * 60 + 10);
  });
  it('takes the customer id from Custom Data 1 and the e-mail as the respondent', () => {
    const { built } = load('surveymonkey-matrix.csv');
    expect(unpackText(built.table.account)[0]).toBe('CUS-0412');
    expect(unpackText(built.table.respondent)[0]).toBe('m.ogawa@seiwa-sangyo.co.jp');
    expect(unpackText(built.table.comment)[0]).toBe('Reports save me a day every month.');
  });
});

describe('Google Forms (English)', () => {
  it('keeps a question title with a line break as one header', () => {
    const { preview } = load('google-forms-en.csv');
    expect(preview.plan.headers).toHaveLength(5);
    expect(preview.plan.headers[3]).toMatch(/^How likely are you to recommend Acme Cloud\s+to a friend or colleague\?$/);
  });
  it('reads both 2024/1/5 9:03:00 and 2024/01/15 10:23:45', () => {
    const { built } = load('google-forms-en.csv');
    expect(built.table.seconds[0]).toBe(9 * 3600 + 3 * 60);
    expect(dayToIso(built.table.day[6])).toBe('2024-01-15');
    expect(built.table.seconds[6]).toBe(10 * 3600 + 23 * 60 + 45);
    expect(unpackText(built.table.comment)[6]).toBe('"Export to Excel" breaks Japanese characters.');
  });
});

describe('Google Forms (Japanese)', () => {
  it('reads full-width digits, 点 and labels in the score', () => {
    const { built } = load('google-forms-ja-utf8.csv');
    // １０, ９点, ８, 10（非常に薦めたい）, ９, 9 点, 0（全く薦めない）
    expect([1, 3, 4, 7, 9, 12, 14].map((i) => built.table.score[i])).toEqual([10, 9, 8, 10, 9, 9, 0]);
  });
  it('decodes the Shift_JIS file, NEC special characters included', () => {
    const { preview, built } = load('google-forms-ja-sjis.csv');
    expect(preview.plan.headers[0]).toBe('タイムスタンプ');
    expect(preview.plan.headers[4]).toBe('「Acmeクラウド」を友人や同僚に薦める可能性はどのくらいありますか？');
    expect(unpackText(built.table.account)[0]).toBe('清和産業㈱');
    expect(unpackText(built.table.comment)[4]).toBe('不具合が多くて困っています。①ログイン ②CSV出力');
    expect(built.table.seconds[0]).toBe(9 * 3600 + 15 * 60); // 2024/4/1 9:15 (Excel drops the seconds)
  });
});

describe('Typeform', () => {
  it('dates each answer by Submit Date (UTC) as written', () => {
    const { built } = load('typeform.csv');
    expect(dayToIso(built.table.day[5])).toBe('2024-10-05');
    expect(built.table.seconds[5]).toBe(2 * 3600 + 39 * 60 + 31); // 2024-10-05 02:39:31
  });
  it('rejects the partial responses as partial, not as empty scores', () => {
    const { built } = load('typeform.csv');
    expect(built.rejected.map((r) => r.rejection.code)).toEqual(['partial-response', 'partial-response', 'partial-response']);
  });
});

describe('Microsoft Forms', () => {
  it('reads M/D/YY with and without seconds', () => {
    const { built } = load('microsoft-forms.csv');
    expect(dayToIso(built.table.day[0])).toBe('2024-09-27'); // 9/27/24 19:06:23
    expect(built.table.seconds[0]).toBe(19 * 3600 + 6 * 60 + 23);
    expect(dayToIso(built.table.day[8])).toBe('2024-10-09'); // 10/9/24 11:02
    expect(built.table.seconds[8]).toBe(11 * 3600 + 2 * 60);
  });
  it('does not take "anonymous" for a respondent', () => {
    const { built } = load('microsoft-forms.csv');
    expect(unpackText(built.table.respondent)).not.toContain('anonymous');
    expect(unpackText(built.table.respondent)[0]).toBe('');
    expect(unpackText(built.table.respondent)[1]).toBe('ken.tanaka@aoba-clinic.co.jp');
    expect(new Set(unpackText(built.table.respondent).filter((r) => r !== '')).size).toBe(10);
  });
});

describe('Delighted', () => {
  it('reads created_at as Unix seconds, in UTC', () => {
    const { built } = load('delighted.csv');
    expect(built.table.seconds[0]).toBe(1 * 3600 + 15 * 60 + 30); // 1714612530 = 2024-05-02 01:15:30Z
    expect(dayToIso(built.table.day[14])).toBe('2024-05-31'); // 1717199999 = 2024-05-31 23:59:59Z
    expect(built.table.seconds[14]).toBe(86399);
  });
  it('takes person as the respondent and the company property as the account', () => {
    const { built } = load('delighted.csv');
    expect(unpackText(built.table.respondent)[0]).toBe('87412301');
    expect(new Set(unpackText(built.table.respondent)).size).toBe(13);
    expect(unpackText(built.table.account)[0]).toBe('Seiwa Sangyo');
  });
});

describe('HubSpot feedback submissions', () => {
  it('takes the rating, not the Sentiment words, and the company and contact', () => {
    const { built } = load('hubspot.csv');
    expect(unpackText(built.table.account)[0]).toBe('清和産業株式会社');
    expect(unpackText(built.table.respondent)[0]).toBe('k.tanaka@seiwa-sangyo.co.jp');
    expect(unpackText(built.table.comment)[4]).toBe('サポートの返信が遅く、解決まで時間がかかった。');
    expect(built.table.seconds[0]).toBe(10 * 3600 + 12 * 60); // 2024-06-03 10:12
  });
});

describe('Excel Unicode text (UTF-16LE, tabs)', () => {
  it('starts with the FF FE byte-order mark (the fixture is what Excel writes)', () => {
    const bytes = fixtureBytes('excel-unicode-text.txt');
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xfe]);
  });
  it('keeps a quoted line break inside a comment and names the header in Japanese', () => {
    const { preview, built } = load('excel-unicode-text.txt');
    expect(preview.plan.headers).toEqual(['顧客ID', '回答日', '推奨度', 'コメント', 'プラン']);
    expect(unpackText(built.table.comment)[2]).toBe('解約したいが手続きが分かりにくい。\nサポートに電話しても繋がらない。');
  });
});

describe('European Excel (semicolons, day-first dates, decimal commas)', () => {
  it('reads 08.01.2024 as 8 January and keeps commas inside comments', () => {
    const { built } = load('european-semicolon.csv');
    expect(dayToIso(built.table.day[0])).toBe('2024-01-08');
    expect(unpackText(built.table.comment)[0]).toBe('Sehr zufrieden, schnelle Antworten vom Support.');
    expect(unpackText(built.table.respondent)[0]).toBe('j.mueller@brandt-logistik.de');
  });
});

describe('Japanese CRM export with survey waves and a churn flag', () => {
  it('reads 2024年1月15日 and keeps each answer\'s wave', () => {
    const { built } = load('waves-japanese.csv');
    expect(dayToIso(built.table.day[0])).toBe('2024-01-15');
    expect(unpackText(built.table.wave)[0]).toBe('第1回');
    expect(unpackText(built.table.wave).at(-1)).toBe('第2回');
  });
  it('counts each wave separately', () => {
    const { built } = load('waves-japanese.csv');
    const byWave = (w: string) => tally(Array.from(built.table.score).filter((_, i) => unpackText(built.table.wave)[i] === w));
    expect(unpackText(built.table.wave).filter((w) => w === '第1回')).toHaveLength(13);
    expect(unpackText(built.table.wave).filter((w) => w === '第2回')).toHaveLength(13);
    expect(byWave('第1回')).toEqual({ promoters: 5, passives: 4, detractors: 4 });
    expect(byWave('第2回')).toEqual({ promoters: 6, passives: 3, detractors: 4 });
  });
});

describe('Japanese era dates and Excel serials', () => {
  it('reads 令和6年1月15日, R6.1.15, full-width 令和６年２月９日 and 令和5年', () => {
    const { built } = load('era-dates.csv');
    expect(Array.from(built.table.day.slice(0, 3)).map(dayToIso)).toEqual(['2023-12-20', '2024-01-15', '2024-01-15']);
    expect(dayToIso(built.table.day[6])).toBe('2024-02-09');
  });
  it('reads 45306 as 2024-01-15 and a fraction as the time of day', () => {
    const { built } = load('excel-serial.csv');
    expect(dayToIso(built.table.day[0])).toBe('2024-01-15');
    expect(built.table.seconds[0]).toBe(-1);
    expect(built.table.seconds[1]).toBe(10 * 3600 + 30 * 60); // 45306.4375
    expect(built.table.seconds[3]).toBe(17 * 3600 + 15 * 60); // 45310.71875
  });
});
