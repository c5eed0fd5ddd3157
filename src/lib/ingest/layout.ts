/**
 * How many rows above the data are headers, and what each column is called.
 *
 * Survey tools write more than one header row: Qualtrics three (column ids, question texts,
 * ImportId JSON), its legacy format two (`V1…`, then labels), SurveyMonkey two (questions, then
 * "Response" / "Open-Ended Response" / option labels, a blank question cell continuing the one to
 * its left). Rather than recognising each tool, we look at what data looks like: below the headers,
 * the typed columns (scores, dates, numbers) hold values of their type; a header row holds words.
 */
export const MAX_HEADER_ROWS = 4;

const IMPORT_ID = /^\{\s*"ImportId"/;
const LEGACY_ID = /^V\d+$/;

/**
 * A cell's shape: digits → 9, Latin letters → a, other letters (kana, kanji…) → J, runs
 * collapsed. `C150047` and `BAD0` are both `a9`; `2024-01-02` is `9-9-9`; `10` and `7` are `9`.
 */
export function shapeOf(value: string): string {
  let out = '';
  let last = '';
  const v = value.trim();
  for (let i = 0; i < v.length && out.length < 24; i++) {
    const ch = v[i];
    const cls = ch >= '0' && ch <= '9' ? '9' : /[A-Za-z]/.test(ch) ? 'a' : /\s/.test(ch) ? ' ' : /[\p{L}\p{N}]/u.test(ch) ? 'J' : ch;
    if (cls !== last) out += cls;
    last = cls;
  }
  return out;
}

/** For each column whose data cells mostly share one shape, that shape. */
function dominantShapes(records: readonly string[][], from: number): Map<number, string> {
  const sample = records.slice(from, from + 200).filter((r) => r.some((c) => c.trim() !== ''));
  const shapes = new Map<number, string>();
  if (sample.length < 2) return shapes;
  const width = Math.max(...sample.map((r) => r.length));
  for (let c = 0; c < width; c++) {
    const counts = new Map<string, number>();
    let filled = 0;
    for (const r of sample) {
      const cell = r[c] ?? '';
      if (!cell.trim()) continue;
      filled++;
      const shape = shapeOf(cell);
      counts.set(shape, (counts.get(shape) ?? 0) + 1);
    }
    if (filled < sample.length * 0.8) continue;
    let best = '', bestCount = 0;
    for (const [shape, n] of counts) if (n > bestCount) { best = shape; bestCount = n; }
    if (bestCount >= filled * 0.6) shapes.set(c, best);
  }
  return shapes;
}

function isHeaderLike(record: readonly string[], shapes: ReadonlyMap<number, string>): boolean {
  const filled = record.filter((c) => c.trim() !== '');
  if (filled.length === 0) return false;
  if (filled.filter((c) => IMPORT_ID.test(c.trim())).length >= filled.length / 2) return true;
  if (shapes.size === 0) return false;
  // A data row fills its regular columns with values of their usual shape (even a row with a bad
  // score keeps its id and date); a header row has words or blanks there.
  let off = 0;
  for (const [column, shape] of shapes) if (shapeOf(record[column] ?? '') !== shape) off++;
  // Two columns at least: with one, a single bad cell would pass a data row off as a header.
  return off >= Math.max(2, shapes.size * 0.75);
}

/** The number of header rows (1 for a plain CSV): the first row, plus the header-like rows below it. */
export function detectHeaderRows(records: readonly string[][]): number {
  if (records.length < 3) return 1;
  // Judge the columns' usual shapes from rows below any plausible header block.
  const shapes = dominantShapes(records, MAX_HEADER_ROWS);
  let rows = 1;
  while (rows < MAX_HEADER_ROWS && rows < records.length - 1 && isHeaderLike(records[rows], shapes)) rows++;
  return rows;
}

/**
 * One name per column from all header rows: the distinct, meaningful parts joined with " / "
 * ("Q1_NPS_GROUP / How likely… - Group", "How likely…? / Response"). ImportId JSON and legacy
 * `V12` ids say nothing to a person and are left out (unless nothing else names the column).
 */
export function columnNames(records: readonly string[][], headerRows: number): string[] {
  const rows = records.slice(0, headerRows);
  const width = Math.max(0, ...records.slice(0, headerRows + 50).map((r) => r.length));
  // SurveyMonkey: a blank top cell continues the question to its left when a lower header row
  // names a sub-column there.
  const top = [...(rows[0] ?? [])];
  if (headerRows > 1) {
    for (let c = 1; c < width; c++) {
      const below = rows.slice(1).some((r) => (r[c] ?? '').trim() !== '' && !IMPORT_ID.test((r[c] ?? '').trim()));
      if (!(top[c] ?? '').trim() && below) top[c] = top[c - 1] ?? '';
    }
  }
  const filled = [top, ...rows.slice(1)];
  return uniqueNames(Array.from({ length: width }, (_, c) => {
    const parts: string[] = [];
    for (const r of filled) {
      const cell = (r[c] ?? '').replace(/\s+/g, ' ').trim();
      if (!cell || IMPORT_ID.test(cell) || parts.includes(cell)) continue;
      parts.push(cell);
    }
    const meaningful = parts.filter((p) => !LEGACY_ID.test(p));
    return (meaningful.length ? meaningful : parts).join(' / ');
  }));
}

/**
 * Two columns with the same header stay two columns: the second `plan` is `plan (2)`, the third
 * `plan (3)` (skipping a name the file already has). Segments are kept by name, so two `plan`
 * columns were merged into one segment, the second's values over the first's. Blank headers
 * stay blank (they are shown and stored by position).
 */
export function uniqueNames(names: readonly string[]): string[] {
  const taken = new Set(names);
  const seen = new Map<string, number>();
  return names.map((name) => {
    if (!name) return name;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    if (n === 1) return name;
    let k = n;
    while (taken.has(`${name} (${k})`)) k++;
    const unique = `${name} (${k})`;
    taken.add(unique);
    seen.set(name, k);
    return unique;
  });
}
