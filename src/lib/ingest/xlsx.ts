/**
 * Excel workbooks (.xlsx) made into the CSV the rest of the import reads: one sheet's cells as
 * UTF-8 CSV bytes, so layout and role detection, dates, rejected rows and row numbers all work
 * as for an exported CSV (Microsoft Forms offers only a workbook; Qualtrics, SurveyMonkey and
 * Google Forms offer one too).
 *
 * An xlsx is a ZIP of XML parts (ECMA-376): `xl/workbook.xml` lists the sheets, its relations
 * name each sheet's part, `xl/sharedStrings.xml` holds the text cells, `xl/styles.xml` says which
 * number formats are dates. fflate inflates the parts; the XML is read here, with no DOM (this
 * runs in a worker, which has no DOMParser) and, for the sheet itself, from the bytes without
 * decoding the whole part, so a sheet of a million rows does not become one giant string.
 *
 * Cells are written as Excel writes them to CSV: numbers as stored (`9`, `1.5`), text as is
 * (Japanese phonetic guides — the furigana Excel keeps beside a cell's text — left out),
 * TRUE/FALSE, error values (#N/A) as shown; a number in a date format becomes the date it
 * shows, `2024-01-15` or `2024-01-15 09:30:00`, from its serial (days since 1899-12-30, or since
 * 1904-01-01 in a workbook that says so). Rows the sheet skips become blank lines, so row numbers
 * are the sheet's, counted from its first row that holds anything.
 */
import { unzipSync } from 'fflate';
import { dayToIso } from '../engine/days';

export interface SheetInfo {
  name: string;
  /** Part path inside the ZIP, e.g. `xl/worksheets/sheet1.xml`. */
  path: string;
  hidden: boolean;
}

export interface Workbook {
  sheets: SheetInfo[];
  /** Which sheet opens first: the first visible one. */
  first: number;
}

export class WorkbookError extends Error {}

const utf8 = new TextDecoder('utf-8');

/** `&lt;` `&amp;` `&#9;` `&#x3042;`… and OOXML's `_x000D_` escapes, to text. */
export function xmlText(raw: string): string {
  let text = raw.indexOf('&') === -1 ? raw : raw.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[e as 'lt'];
  });
  if (text.indexOf('_x') !== -1) text = text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return text;
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? xmlText(m[1] ?? m[2]) : null;
}

function part(files: Record<string, Uint8Array>, path: string): string | null {
  const bytes = files[path];
  return bytes ? utf8.decode(bytes) : null;
}

/** Resolves a relationship target against the folder of the part that names it. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.') parts.push(piece);
  }
  return parts.join('/');
}

function inflate(bytes: Uint8Array, wanted: (name: string) => boolean): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes, { filter: (file) => wanted(file.name) });
  } catch (error) {
    throw new WorkbookError(`not a readable ZIP (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** The workbook's sheets (worksheets only: chart sheets hold no cells). */
export function readWorkbook(bytes: Uint8Array): Workbook {
  const files = inflate(bytes, (n) => n === 'xl/workbook.xml' || n === 'xl/_rels/workbook.xml.rels');
  const workbook = part(files, 'xl/workbook.xml');
  const rels = part(files, 'xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw new WorkbookError('no xl/workbook.xml');
  const targets = new Map<string, { target: string; type: string }>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) targets.set(id, { target, type: attr(m[0], 'Type') ?? '' });
  }
  const sheets: SheetInfo[] = [];
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const id = attr(m[0], 'r:id') ?? attr(m[0], '[\\w]+:id');
    const rel = id ? targets.get(id) : undefined;
    if (!rel || !/\/worksheet$/.test(rel.type)) continue;
    sheets.push({ name: attr(m[0], 'name') ?? `Sheet${sheets.length + 1}`, path: resolveTarget('xl/workbook.xml', rel.target), hidden: /^(hidden|veryHidden)$/.test(attr(m[0], 'state') ?? '') });
  }
  if (!sheets.length) throw new WorkbookError('no worksheet');
  return { sheets, first: Math.max(0, sheets.findIndex((s) => !s.hidden)) };
}

/** The text of one `<si>` or `<is>`: its `<t>` runs, phonetic guides (`<rPh>`) left out. */
function richText(xml: string): string {
  const plain = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  for (const m of plain.matchAll(/<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g)) out += m[1] ?? '';
  return xmlText(out);
}

function sharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  const out: string[] = [];
  for (const m of xml.matchAll(/<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g)) out.push(m[1] ? richText(m[1]) : '');
  return out;
}

/** Built-in number formats that show dates or times (ECMA-376 §18.8.30, with the CJK ones). */
const DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a custom format code shows a date or time: y m d h s outside quotes, brackets and escapes. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[(?!h\]|m\]|s\])[^\]]*\]/gi, '');
  if (/^general$/i.test(bare.trim())) return false;
  return /[ymdhs]/i.test(bare.replace(/[eE][+-]/g, ''));
}

/** For each cell style index, whether it shows a date. */
function dateStyles(xml: string | null): boolean[] {
  if (!xml) return [];
  const custom = new Map<number, boolean>();
  for (const m of xml.matchAll(/<numFmt\b[^>]*>/g)) custom.set(Number(attr(m[0], 'numFmtId')), isDateFormat(attr(m[0], 'formatCode') ?? ''));
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  return [...xfs.matchAll(/<xf\b[^>]*>/g)].map((m) => {
    const id = Number(attr(m[0], 'numFmtId') ?? 0);
    return custom.get(id) ?? DATE_FORMATS.has(id);
  });
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A date serial as the date (and time) it shows. Days since 1970 by integer arithmetic (engine/days). */
export function serialToText(serial: number, date1904: boolean): string {
  let days = Math.floor(serial);
  let seconds = Math.round((serial - days) * 86400);
  if (seconds >= 86400) {
    days++;
    seconds -= 86400;
  }
  // 1900 system: serial 25569 is 1970-01-01 (Excel's fictitious 1900-02-29 lies before any survey).
  const iso = dayToIso(days - (date1904 ? 24107 : 25569));
  if (seconds === 0) return iso;
  return `${iso} ${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}

/** `AB12` → column 27 (0-based), or -1. */
function columnOf(ref: string): number {
  let c = 0, i = 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    c = c * 26 + (ch - 64);
  }
  return i === 0 ? -1 : c - 1;
}

/** A CSV field: quoted when it holds any of our delimiters, a quote or a line end. */
function csvField(value: string): string {
  return /[",;|\t\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const LT = 60, GT = 62, SLASH = 47;

/**
 * One sheet as UTF-8 CSV, in parts (joined by the caller, or made a Blob). `onProgress` gets
 * the share of the sheet's XML read.
 */
export function sheetToCsv(bytes: Uint8Array, sheet: SheetInfo, onProgress?: (share: number) => void): Uint8Array[] {
  const files = inflate(bytes, (n) => n === sheet.path || n === 'xl/sharedStrings.xml' || n === 'xl/styles.xml' || n === 'xl/workbook.xml');
  const xml = files[sheet.path];
  if (!xml) throw new WorkbookError(`no part ${sheet.path}`);
  const strings = sharedStrings(part(files, 'xl/sharedStrings.xml'));
  const dates = dateStyles(part(files, 'xl/styles.xml'));
  const date1904 = /<workbookPr\b[^>]*\bdate1904\s*=\s*["'](1|true)["']/.test(part(files, 'xl/workbook.xml') ?? '');
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let lines: string[] = [];
  const flush = () => {
    if (!lines.length) return;
    parts.push(encoder.encode(lines.join('')));
    lines = [];
  };

  const len = xml.length;
  let lastRow = 0; // sheet row number of the last row written (0: none yet)
  let row: string[] = [];
  let rowNumber = 0;
  let col = -1;
  let cellType = '';
  let cellStyle = 0;
  let value: string | null = null;
  const tag = (from: number, to: number) => utf8.decode(xml.subarray(from, to));

  const endRow = () => {
    if (rowNumber === 0) return;
    const empty = row.every((v) => v === '');
    if (!empty || lastRow > 0) {
      // Rows the sheet leaves out are blank lines, so row numbers stay the sheet's.
      if (lastRow > 0) for (let r = lastRow + 1; r < rowNumber; r++) lines.push('\n');
      if (!empty) {
        let end = row.length;
        while (end > 0 && row[end - 1] === '') end--;
        lines.push(row.slice(0, end).map(csvField).join(',') + '\n');
      } else lines.push('\n');
      lastRow = rowNumber;
      if (lines.length >= 4096) flush();
    }
    row = [];
    rowNumber = 0;
  };

  const endCell = () => {
    if (col < 0) return;
    let text = '';
    if (value !== null) {
      if (cellType === 's') text = strings[Number(value)] ?? '';
      else if (cellType === 'b') text = value.trim() === '1' ? 'TRUE' : 'FALSE';
      else if (cellType === 'inlineStr' || cellType === 'str' || cellType === 'e' || cellType === 'd') text = value;
      else {
        const n = Number(value);
        text = dates[cellStyle] && value.trim() !== '' && Number.isFinite(n) && n >= 0 ? serialToText(n, date1904) : value.trim();
      }
    }
    while (row.length < col) row.push('');
    row[col] = text;
    col = -1;
    value = null;
  };

  let i = xml.indexOf(LT);
  let nextProgress = 1 << 22;
  while (i !== -1 && i < len) {
    const close = xml.indexOf(GT, i + 1);
    if (close === -1) break;
    const isEnd = xml[i + 1] === SLASH;
    let n = i + (isEnd ? 2 : 1);
    // The local name (a namespace prefix, if any, is skipped).
    let nameStart = n;
    while (n < close && xml[n] !== 32 && xml[n] !== SLASH && xml[n] !== GT && xml[n] !== 9 && xml[n] !== 10 && xml[n] !== 13) {
      if (xml[n] === 58) nameStart = n + 1;
      n++;
    }
    const name = tag(nameStart, n);
    const selfClosing = xml[close - 1] === SLASH;
    if (!isEnd && name === 'row') {
      endRow();
      const r = Number(attr(tag(n, close), 'r'));
      rowNumber = Number.isInteger(r) && r > 0 ? r : (lastRow || 0) + 1;
      if (selfClosing) endRow();
    } else if (isEnd && name === 'row') {
      endCell();
      endRow();
    } else if (!isEnd && name === 'c') {
      endCell();
      if (rowNumber === 0) rowNumber = lastRow + 1;
      const attrs = tag(n, close);
      const ref = attr(attrs, 'r');
      const c = ref ? columnOf(ref) : -1;
      col = c >= 0 ? c : row.length;
      cellType = attr(attrs, 't') ?? 'n';
      cellStyle = Number(attr(attrs, 's') ?? 0);
      value = null;
      if (selfClosing) endCell();
    } else if (isEnd && name === 'c') {
      endCell();
    } else if (!isEnd && !selfClosing && name === 'v' && col >= 0) {
      const endV = xml.indexOf(LT, close + 1);
      value = xmlText(tag(close + 1, endV));
      i = endV;
      continue;
    } else if (!isEnd && !selfClosing && name === 'is' && col >= 0) {
      const endIs = findClose(xml, 'is', close + 1);
      value = richText(tag(close + 1, endIs));
      i = endIs;
      continue;
    } else if (!isEnd && !selfClosing && name === 'f') {
      // A formula's text is not its value (the cached <v> is): skip it.
      i = findClose(xml, 'f', close + 1);
      continue;
    } else if (isEnd && name === 'sheetData') {
      break;
    }
    if (close > nextProgress) {
      onProgress?.(close / len);
      nextProgress = close + (1 << 22);
    }
    i = xml.indexOf(LT, close + 1);
  }
  endCell();
  endRow();
  flush();
  onProgress?.(1);
  return parts;
}

/** Offset of `</name>` (or `</x:name>`) at or after `from`, or the end of the bytes. */
function findClose(xml: Uint8Array, name: string, from: number): number {
  const needle = Array.from(name, (c) => c.charCodeAt(0));
  for (let i = xml.indexOf(LT, from); i !== -1; i = xml.indexOf(LT, i + 1)) {
    if (xml[i + 1] !== SLASH) continue;
    let k = i + 2;
    const colon = xml.indexOf(58, k);
    const gt = xml.indexOf(GT, k);
    if (colon !== -1 && colon < gt) k = colon + 1;
    if (gt - k === needle.length && needle.every((c, j) => xml[k + j] === c)) return i;
  }
  return xml.length;
}

/** Joins CSV parts into one array (the command line and tests; the page makes a Blob). */
export { joinParts } from './join-bytes';
