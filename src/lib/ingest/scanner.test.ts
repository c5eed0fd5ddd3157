/**
 * The differential test that gates the byte scanner: for every input, the PapaParse path on the
 * decoded text (csv.ts `readRecords`: PapaParse once line ends are one, unclosed quotes read as
 * characters) and the scanner on the raw bytes (fields decoded one by one) must give the same
 * records, and the same records with an unclosed quote.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mulberry32 } from '../engine/sample';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readRecords } from './csv';
import {
  fieldIsBlank,
  fieldSmallInt,
  fieldText,
  scanRecords,
  splitPoint,
  type RecordFields,
  type ScanEncoding,
  type ScanOptions,
} from './scanner';

// ---------------------------------------------------------------------------------------------
// Helpers

const DELIMS = [',', '\t', ';', '|'] as const;
type Delim = (typeof DELIMS)[number];

function papa(text: string, delimiter: Delim): string[][] {
  return readRecords(text, delimiter).records;
}

const fieldDecoders: Record<ScanEncoding, TextDecoder> = {
  'utf-8': new TextDecoder('utf-8', { ignoreBOM: true }),
  shift_jis: new TextDecoder('shift_jis', { ignoreBOM: true }),
};

function scan(bytes: Uint8Array, options: ScanOptions): { records: string[][]; next: number; unclosed: number[] } {
  const decoder = fieldDecoders[options.encoding ?? 'utf-8'];
  const records: string[][] = [];
  const unclosed: number[] = [];
  const next = scanRecords(bytes, options, (f) => {
    const row: string[] = [];
    for (let i = 0; i < f.count; i++) row.push(fieldText(bytes, f, i, decoder));
    if (f.unclosed >= 0) unclosed.push(records.length);
    records.push(row);
  });
  return { records, next, unclosed };
}

/** Shift_JIS encoder built from the platform's decoder (full ICU in Node 20). */
const sjisTable = (() => {
  const map = new Map<string, number[]>();
  const dec = new TextDecoder('shift_jis');
  const leads = [...range(0x81, 0x9f), ...range(0xe0, 0xfc)];
  const trails = [...range(0x40, 0x7e), ...range(0x80, 0xfc)];
  for (const lead of leads) {
    for (const trail of trails) {
      const s = dec.decode(Uint8Array.of(lead, trail));
      if (s.length === 1 && s !== '\ufffd' && !map.has(s)) map.set(s, [lead, trail]);
    }
  }
  for (let b = 0xa1; b <= 0xdf; b++) map.set(dec.decode(Uint8Array.of(b)), [b]);
  return map;
})();

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}

function encodeSjis(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c < 0x80) out.push(c);
    else {
      const seq = sjisTable.get(ch);
      if (!seq) throw new Error(`no Shift_JIS for ${ch}`);
      out.push(...seq);
    }
  }
  return Uint8Array.from(out);
}

const utf8 = new TextEncoder();

interface Case {
  text: string;
  delimiter: Delim;
  encoding: ScanEncoding;
  bom: boolean;
}

function bytesOf(c: Case): Uint8Array {
  if (c.encoding === 'shift_jis') return encodeSjis(c.text);
  const body = utf8.encode(c.text);
  if (!c.bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

/** Compares scanner and PapaParse on one input; returns the bytes and options used. */
function check(c: Case): { bytes: Uint8Array; options: ScanOptions; expected: string[][] } {
  const bytes = bytesOf(c);
  const decoded = new TextDecoder(c.encoding).decode(bytes);
  expect(decoded).toBe(c.text);
  const reference = readRecords(decoded, c.delimiter);
  const expected = reference.records;
  const options: ScanOptions = { delimiter: c.delimiter.charCodeAt(0), start: c.bom ? 3 : 0, encoding: c.encoding };
  const { records, next, unclosed } = scan(bytes, options);
  if (JSON.stringify(records) !== JSON.stringify(expected) || JSON.stringify(unclosed) !== JSON.stringify(reference.unclosed)) {
    throw new Error(
      `scanner ≠ PapaParse for ${JSON.stringify(c)}\n  papa:    ${JSON.stringify(expected)} ${JSON.stringify(reference.unclosed)}\n  scanner: ${JSON.stringify(records)} ${JSON.stringify(unclosed)}`,
    );
  }
  expect(next).toBe(bytes.length);
  return { bytes, options, expected };
}

/** Scanning [start, end=mid) then [returned next, len) gives the records of one scan. */
function checkEndPartition(bytes: Uint8Array, options: ScanOptions, expected: string[][], mid: number): void {
  const a = scan(bytes, { ...options, end: mid });
  const b = scan(bytes, { ...options, start: a.next });
  expect([...a.records, ...b.records]).toEqual(expected);
}

/** splitPoint is the first record start at or after `at`, and the two halves partition the records. */
function checkSplit(bytes: Uint8Array, options: ScanOptions, expected: string[][], at: number): number {
  const sp = splitPoint(bytes, at, options);
  if (sp < 0) return sp;
  const start = options.start ?? 0;
  if (at > start) {
    // The first record boundary at or after `at`, as the scanner sees it.
    expect(sp).toBe(scanRecords(bytes, { ...options, end: at }, () => {}));
  }
  const a = scan(bytes, { ...options, end: sp });
  const b = scan(bytes, { ...options, start: sp });
  expect(a.next).toBe(sp);
  expect([...a.records, ...b.records]).toEqual(expected);
  return sp;
}

// ---------------------------------------------------------------------------------------------
// 1. Fixtures

function csvFiles(dir: string): string[] {
  const out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...csvFiles(p));
    else if (name.toLowerCase().endsWith('.csv')) out.push(p);
  }
  return out.sort();
}

function fixtureEncoding(bytes: Uint8Array): { encoding: ScanEncoding; bom: boolean } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { encoding: 'utf-8', bom: false };
  } catch {
    return { encoding: 'shift_jis', bom: false };
  }
}

// The project's fixtures, the acceptance cases under tests/fixtures/acceptance included.
const fixtures = csvFiles(join(__dirname, '../../../tests/fixtures'));

describe('scanner vs PapaParse: fixtures', () => {
  it('finds the fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(8);
    expect(fixtures.some((f) => f.includes('sjis'))).toBe(true);
  });

  for (const file of fixtures) {
    it(file, () => {
      const bytes = new Uint8Array(readFileSync(file));
      const { encoding, bom } = fixtureEncoding(bytes);
      const decoded = new TextDecoder(encoding).decode(bytes);
      for (const delimiter of DELIMS) {
        if (encoding === 'shift_jis' && delimiter === '|') continue;
        const expected = papa(decoded, delimiter);
        const options: ScanOptions = { delimiter: delimiter.charCodeAt(0), start: bom ? 3 : 0, encoding };
        const { records, next } = scan(bytes, options);
        expect(records).toEqual(expected);
        expect(next).toBe(bytes.length);
        for (const share of [0.1, 0.5, 0.9]) {
          const at = Math.floor(bytes.length * share);
          checkEndPartition(bytes, options, expected, at);
          checkSplit(bytes, options, expected, at);
        }
      }
      if (bytes.length > 1000 && !file.includes('/hostile/')) {
        // Real exports with well-formed quoting must be splittable (with their own delimiter);
        // the hostile corpus is made of files that are not.
        const guessed = Papa.parse<string[]>(decoded, { preview: 30, delimitersToGuess: [...DELIMS] }).meta.delimiter;
        const sp = splitPoint(bytes, bytes.length >> 1, { delimiter: guessed.charCodeAt(0), start: bom ? 3 : 0, encoding });
        expect(sp).toBeGreaterThan(0);
      }
    });
  }
});

// ---------------------------------------------------------------------------------------------
// 2. Hand-written edge cases

const EDGE: Array<[string, string, Delim?]> = [
  ['empty input', ''],
  ['one newline', '\n'],
  ['CRLF', 'a,b\r\nc,d\r\n'],
  ['CRLF, no final newline', 'a,b\r\nc,d'],
  ['LF, final newline', 'a,b\nc,d\n'],
  ['lone CR (old Mac)', 'a,b\rc,d\r'],
  ['quoted CRLF inside a field', 'id,comment\r\n1,"line one\r\nline two"\r\n2,x\r\n'],
  ['quoted LF inside a field in a CRLF file', '1,"a\nb"\r\n2,c\r\n'],
  ['"" escapes', 'a,"say ""hi""",b\n"""",x\n'],
  ['empty quoted field', '"",""\n"",x\nx,""'],
  ['trailing delimiter', 'a,b,\nc,d,\n'],
  ['blank lines in the middle and at the end', 'a,b\n\n\nc,d\n\n\n'],
  ['blank lines, CRLF', 'a,b\r\n\r\nc,d\r\n\r\n'],
  ['no final newline', 'a,b\nc'],
  ['lone quote inside an unquoted field', 'a,b"c,d\ne"f,g\n'],
  ['quote at the end of an unquoted field', 'a,b"\nc,d"\n'],
  ['malformed: text after a closing quote', '"a"b,c\nd,e\n'],
  ['malformed: text after closing quote then real close', '"a"b",c\nd,e\n'],
  ['spaces after a closing quote', '"a"  ,b\n"c" \nd\n'],
  ['ideographic space after a closing quote', '"a"\u3000,b\n"c"\u3000\u3000\nd,e\n'],
  ['NBSP and other Unicode spaces after a closing quote', '"a"\u00a0,b\n"c"\u2003\u202f\nd,"e"\ufeff,f\n'],
  ['unterminated quote', 'a,"b\nc,d\n'],
  ['unterminated quote with "" inside', 'a,"b""c\nd'],
  ['closing quote at the very end', 'a,"b"'],
  ['escaped pair at the very end', 'a,"b""'],
  ['quote-space-quote', '"a" "b",c\n'],
  ['quote not at field start', 'a, "b,c"\n'],
  ['tab delimiter', 'a\tb\t"c\td"\n1\t2\t3\n', '\t'],
  ['tab delimiter, quote then tab then spaces', '"a"\t  \t"b" \t\n', '\t'],
  ['semicolon delimiter', 'a;b;"c;d"\n1;2,5;3\n', ';'],
  ['pipe delimiter', 'a|b|"c|d"\n', '|'],
  ['Japanese comments', 'id,コメント\n1,"とても良い、また使いたい"\n2,価格が高い。\n3,"「引用」""二重""です"\n'],
  ['mixed: LF first, then CRLF', 'a,b\nc,d\r\ne,f\r\n'],
  ['mixed: CRLF first, then LF', 'a,b\r\nc,d\ne,f\r\n'],
  ['mixed: CR majority', 'a\rb\rc\r\nd\re'],
  ['mixed: CR, LF and CRLF, one each', 'h1,h2\r1,a\n2,b\r\n3,c'],
  ['mixed: LF file with one CRLF row in the middle', 'id,s\n1,9\n2,7\r\n3,8\n4,6\n'],
  ['mixed: CR after a closing quote, then LF rows', '"a",b\r"c",d\n"e",f\r\n'],
  ['CR then quoted then LF', 'a\r"x"\nb\r"y"\nc'],
  ['CR inside a field in an LF file', 'a\rb,c\nd\n'],
  ['CR and CRLF inside quotes are LF', 'a,"x\ry\r\nz"\nb,"\r"\n'],
  ['CR CR LF: a line end and a blank line', 'a\r\r\nb\n'],
  ['unclosed quote: the rows after it are rows', 'id,comment\n1,"never closed\n2,ok\n3,fine\n'],
  ['unclosed quote in the first field', '"a,b\nc,d\n'],
  ['two unclosed quotes', 'a,"b\nc,"d\ne,f\n'],
  ['unclosed quote, later a stray quote', 'a,"b\nc,d"e\nf\n'],
  ['unclosed quote, later "" that could close', 'a,"b\nc,"",d\n'],
  ['unclosed quote, later a quoted field', 'a,"b\nc,x"y\n"d",e\n'],
  ['unclosed quote at the very end', 'a,b\nc,"'],
  ['spaces before the newline after a quote, CRLF', '"a"  \r\nb\r\n'],
  ['CR before LF after a quote in an LF file', 'x\n"a"\r\nb\n'],
  ['only a quote', '"'],
  ['only two quotes', '""'],
  ['delimiter only', ','],
  ['spaces only', '   '],
];

describe('scanner vs PapaParse: edge cases', () => {
  for (const [name, text, delimiter = ','] of EDGE) {
    it(name, () => {
      for (const encoding of ['utf-8', 'shift_jis'] as const) {
        if (encoding === 'shift_jis' && (delimiter === '|' || /[\u00a0\u2003\u202f\ufeff]/.test(text))) continue;
        for (const bom of encoding === 'utf-8' ? [false, true] : [false]) {
          const { bytes, options, expected } = check({ text, delimiter, encoding, bom });
          for (let at = 0; at <= bytes.length; at++) {
            checkEndPartition(bytes, options, expected, at);
            checkSplit(bytes, options, expected, at);
          }
        }
      }
    });
  }

  it('a file ending with a line end gives a last record [""], as PapaParse does', () => {
    expect(papa('a\n', ',')).toEqual([['a'], ['']]);
    expect(scan(utf8.encode('a\n'), { delimiter: 44 }).records).toEqual([['a'], ['']]);
    expect(scan(utf8.encode('a\r\n'), { delimiter: 44 }).records).toEqual([['a'], ['']]);
  });

  it('reads every CR, LF and CRLF as a line end (PapaParse alone merged rows of mixed files)', () => {
    const text = 'id,score\n1,9\r\n2,7\r3,8\n';
    const expected = [['id', 'score'], ['1', '9'], ['2', '7'], ['3', '8'], ['']];
    expect(scan(utf8.encode(text), { delimiter: 44 }).records).toEqual(expected);
    expect(papa(text, ',')).toEqual(expected);
    // What PapaParse does with the raw text: one newline for the file, the others are content.
    expect(Papa.parse<string[]>(text, { delimiter: ',' }).data).toEqual([['id', 'score'], ['1', '9\r'], ['2', '7\r3', '8'], ['']]);
    expect(scan(utf8.encode('a,1\rb,2\r'), { delimiter: 44 }).records).toEqual([['a', '1'], ['b', '2'], ['']]);
  });

  it('reads a quote never closed as a character, and says which record had it', () => {
    const text = 'id,comment\n1,"oops\n2,ok\n3,fine\n';
    const got = scan(utf8.encode(text), { delimiter: 44 });
    expect(got.records).toEqual([['id', 'comment'], ['1', '"oops'], ['2', 'ok'], ['3', 'fine'], ['']]);
    expect(got.unclosed).toEqual([1]);
    const reference = readRecords(text, ',');
    expect([reference.records, reference.unclosed]).toEqual([got.records, [1]]);
    // PapaParse alone: the rest of the file is one cell.
    expect(Papa.parse<string[]>(text, { delimiter: ',' }).data[1]).toEqual(['1', 'oops\n2,ok\n3,fine\n']);
  });

  it('a quote never closed on every row costs one search, not one per row', () => {
    const rows = 200_000;
    const text = 'id,comment\n' + Array.from({ length: rows }, (_, i) => `${i},"x`).join('\n') + '\n';
    const bytes = utf8.encode(text);
    const t = performance.now();
    const got = scan(bytes, { delimiter: 44 });
    expect(got.unclosed.length).toBe(rows);
    expect(performance.now() - t).toBeLessThan(2000);
  });

  it('stops when onRecord returns false, returning the offset after that record', () => {
    const bytes = utf8.encode('a,b\n"c\nd",e\nf\n');
    let seen = 0;
    const next = scanRecords(bytes, { delimiter: 44 }, () => {
      seen++;
      return seen < 2;
    });
    expect(seen).toBe(2);
    expect(next).toBe(12);
    expect(scan(bytes, { delimiter: 44, start: next }).records).toEqual([['f'], ['']]);
  });

  it('grows the field arrays for wide records and reuses one RecordFields', () => {
    const row = Array.from({ length: 100 }, (_, i) => `f${i}`);
    const bytes = utf8.encode(`${row.join(',')}\n"x",${row.join(',')}`);
    const objects = new Set<RecordFields>();
    const { records } = scan(bytes, { delimiter: 44 });
    scanRecords(bytes, { delimiter: 44 }, (f) => void objects.add(f));
    expect(records).toEqual([row, ['x', ...row]]);
    expect(objects.size).toBe(1);
  });

  it('Shift_JIS: trail bytes 0x40–0xFC (ソ 83 5C, ポ 83 7C, 　 81 40) never split a field', () => {
    const text = 'id,コメント\n1,"ソポ表、怖い"\n2,ソフト　ポイント\n3,"""ソ"""\n';
    const bytes = encodeSjis(text);
    expect(Array.from(encodeSjis('ソポ'))).toEqual([0x83, 0x5c, 0x83, 0x7c]);
    const { records } = scan(bytes, { delimiter: 44, encoding: 'shift_jis' });
    expect(records).toEqual(papa(text, ','));
    expect(records[2]).toEqual(['2', 'ソフト　ポイント']);
  });

  it('refuses | with Shift_JIS (0x7C is a trail byte), and bad delimiters', () => {
    expect(() => scanRecords(encodeSjis('ポ|a'), { delimiter: 124, encoding: 'shift_jis' }, () => {})).toThrow(/trail byte/);
    expect(() => splitPoint(encodeSjis('ポ|a'), 1, { delimiter: 124, encoding: 'shift_jis' })).toThrow(/trail byte/);
    expect(() => scanRecords(utf8.encode('a'), { delimiter: 34 }, () => {})).toThrow(/delimiter/);
    expect(() => scanRecords(utf8.encode('a'), { delimiter: 10 }, () => {})).toThrow(/delimiter/);
  });
});

// ---------------------------------------------------------------------------------------------
// 3. Seeded random CSVs


const ALPHABET = ['a', 'あ', ',', '"', '\n', '\r\n', ' ', ';', '\t', '\r', '|', '\u3000', 'ソ', 'ポ', '1'];

function randomCase(rnd: () => number): Case {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const encoding: ScanEncoding = rnd() < 0.3 ? 'shift_jis' : 'utf-8';
  const delimiter: Delim = pick(encoding === 'shift_jis' ? DELIMS.slice(0, 3) : DELIMS);
  const bom = encoding === 'utf-8' && rnd() < 0.2;
  let text = '';
  if (rnd() < 0.35) {
    // Token soup: anything, malformed quoting included.
    const n = Math.floor(rnd() * 40);
    for (let i = 0; i < n; i++) text += rnd() < 0.15 ? delimiter : pick(ALPHABET);
  } else {
    // Records: mostly well formed, with a dominant line end and some deliberate damage.
    const eol = pick(['\n', '\r\n', '\r\n', '\r']);
    const rows = Math.floor(rnd() * 8);
    for (let r = 0; r < rows; r++) {
      if (rnd() < 0.1) {
        text += rnd() < 0.2 ? pick(['\n', '\r\n', '\r']) : eol; // blank line
        continue;
      }
      const fields = 1 + Math.floor(rnd() * 5);
      const cells: string[] = [];
      for (let f = 0; f < fields; f++) {
        let s = '';
        const len = Math.floor(rnd() * 6);
        for (let i = 0; i < len; i++) s += pick(ALPHABET);
        const quote = rnd() < 0.5 || /[",\n\r;\t|]/.test(s) ? rnd() < 0.93 : false;
        if (quote) {
          let cell = '"' + s.replace(/"/g, '""') + '"';
          const damage = rnd();
          if (damage < 0.04) cell += ' ';
          else if (damage < 0.06) cell += '\u3000';
          else if (damage < 0.08) cell += 'x';
          else if (damage < 0.09) cell = cell.slice(0, -1);
          cells.push(cell);
        } else {
          cells.push(s);
        }
      }
      text += cells.join(delimiter);
      if (r < rows - 1 || rnd() < 0.5) text += rnd() < 0.08 ? pick(['\n', '\r\n', '\r']) : eol;
    }
  }
  return { text, delimiter, encoding, bom };
}

// SCANNER_FUZZ=200000 SCANNER_SEED=7 npx vitest run src/lib/ingest/scanner  for a longer run.
const FUZZ_CASES = Number(process.env.SCANNER_FUZZ) || 2000;
const FUZZ_SEED = Number(process.env.SCANNER_SEED) || 20240611;

describe(`scanner vs PapaParse: ${FUZZ_CASES} seeded random CSVs`, () => {
  it('parses every one exactly as PapaParse, and splits them exactly', () => {
    const rnd = mulberry32(FUZZ_SEED);
    let splittable = 0;
    let structuredSplits = 0;
    for (let n = 0; n < FUZZ_CASES; n++) {
      const c = randomCase(rnd);
      const { bytes, options, expected } = check(c);
      const start = options.start ?? 0;
      const at = start + Math.floor(rnd() * (bytes.length - start + 1));
      checkEndPartition(bytes, options, expected, at);
      const sp = checkSplit(bytes, options, expected, at);
      if (sp >= 0) {
        splittable++;
        if (sp > start && sp < bytes.length) structuredSplits++;
      }
    }
    // The split check must not be vacuous.
    expect(splittable).toBeGreaterThan(FUZZ_CASES / 5);
    expect(structuredSplits).toBeGreaterThan(FUZZ_CASES / 10);
  }, 30_000 + FUZZ_CASES);
});

// ---------------------------------------------------------------------------------------------
// Field helpers

describe('fieldText', () => {
  it('equals the decoder on arbitrary bytes (its fast UTF-8 path falls back exactly)', () => {
    const rnd = mulberry32(99);
    const pieces = [
      [0x41], [0x20], [0xe3, 0x81, 0x82], [0xc3, 0xa9], [0xef, 0xbb, 0xbf], [0xf0, 0x9f, 0x98, 0x80],
      [0xe0, 0x80, 0x80], [0xe0, 0xa0, 0x80], [0xed, 0xa0, 0x80], [0xed, 0x9f, 0xbf], [0xee, 0x80, 0x80],
      [0xc0, 0xaf], [0xc1, 0xbf], [0x80], [0xbf], [0xff], [0xe3, 0x81], [0xe3], [0xc2], [0x22, 0x22],
      [0x22], [0xe2, 0x80, 0xa8], [0xf4, 0x90, 0x80, 0x80], [0x83, 0x5c], [0x81, 0x40],
    ];
    const decoders = [
      new TextDecoder('utf-8', { ignoreBOM: true }),
      new TextDecoder('utf-8'),
      new TextDecoder('utf-8', { fatal: true }),
      new TextDecoder('shift_jis', { ignoreBOM: true }),
    ];
    for (let n = 0; n < 3000; n++) {
      const bytes: number[] = [];
      const count = rnd() < 0.05 ? 200 : Math.floor(rnd() * 12);
      for (let k = 0; k < count; k++) bytes.push(...pieces[Math.floor(rnd() * (rnd() < 0.7 ? 3 : pieces.length))]);
      const u8 = Uint8Array.from([0x2c, ...bytes, 0x2c]);
      const quoted = rnd() < 0.5 ? 1 : 0;
      const f: RecordFields = { count: 1, starts: Int32Array.of(1), ends: Int32Array.of(u8.length - 1), quoted: Uint8Array.of(quoted), unclosed: -1 };
      for (const decoder of decoders) {
        let expected: string;
        try {
          expected = decoder.decode(u8.subarray(1, u8.length - 1));
          if (quoted) expected = expected.replace(/""/g, '"');
        } catch {
          expect(() => fieldText(u8, f, 0, decoder)).toThrow();
          continue;
        }
        expect(fieldText(u8, f, 0, decoder)).toBe(expected);
      }
    }
  });
});

describe('fieldSmallInt and fieldIsBlank', () => {
  function firstRecord(text: string, delimiter = 44): { bytes: Uint8Array; f: RecordFields } {
    const bytes = utf8.encode(text);
    let copy: RecordFields | undefined;
    scanRecords(bytes, { delimiter }, (f) => {
      copy = { count: f.count, starts: f.starts.slice(), ends: f.ends.slice(), quoted: f.quoted.slice(), unclosed: f.unclosed };
      return false;
    });
    return { bytes, f: copy! };
  }

  it('reads 1–2 ASCII digits, optionally surrounded by spaces', () => {
    const { bytes, f } = firstRecord('0,7,10, 9 ,  10  ,"8",100,-1,1.5,,a, ,1 0,０,9a,"1""",\t5');
    const got = Array.from({ length: f.count }, (_, i) => fieldSmallInt(bytes, f, i));
    expect(got).toEqual([0, 7, 10, 9, 10, 8, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1]);
  });

  it('knows blank fields: empty, spaces, tabs', () => {
    const { bytes, f } = firstRecord('," ",  ,\t \t,"",a, a ,\u3000,"\t"', 59 /* ; keeps the commas */);
    expect(f.count).toBe(1);
    const g = firstRecord('; ;  ;\t \t;"";a; a ;\u3000;"\t"', 59);
    const got = Array.from({ length: g.f.count }, (_, i) => fieldIsBlank(g.bytes, g.f, i));
    expect(got).toEqual([true, true, true, true, true, false, false, false, true]);
    expect(fieldIsBlank(bytes, f, 0)).toBe(false);
  });
});
