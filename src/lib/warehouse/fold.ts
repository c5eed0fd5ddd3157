/**
 * NFKC, as far as the cell readers can see it, written as SQL (DuckDB has NFC but not NFKC).
 *
 * The score, date, churn and amount readers (ingest/values.ts, ingest/dates.ts, ingest/flags.ts)
 * fold a cell with `normalize('NFKC')` and then look only at ASCII, white space, a few dashes and
 * the kanji and kana of their patterns (年, 令和, 解約済み, 円…). Every other character only ever
 * fails to match, folded or not. So a character needs folding in SQL exactly when its NFKC form
 * contains one of those: `１` → `1`, `①` → `1`, `㍻` → `平成`, `㏩` → `10日`, U+3000 → space
 * (~1,700 characters). The table is made from the runtime's own `normalize`, so it is the very
 * NFKC the TypeScript readers use; fold.test.ts holds the SQL to `normalize` on every one.
 */

/** What the readers look at, beside ASCII: white space as JS `\s` and `trim` know it, dashes, kanji and kana of their patterns. */
const SEEN = /[\x00-\x7f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\u2010-\u2015\u2212\ufe63\u301c¥￥€£年月日時分秒午前後元令和平成昭和大正明治火水木金土解約済みあり有はい退会失注継続中なし無え未契円万億途完了]/;

export interface Fold {
  /** One character to one: for `translate`. */
  from: string;
  to: string;
  /** One character to several, for `replace`. */
  expansions: Array<[string, string]>;
}

let fold: Fold | undefined;

/** The characters whose NFKC form the readers can see, once per process. */
export function nfkcFold(): Fold {
  if (fold) return fold;
  let from = '', to = '';
  const expansions: Array<[string, string]> = [];
  for (let cp = 0x80; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const c = String.fromCodePoint(cp);
    const n = c.normalize('NFKC');
    if (n === c || !SEEN.test(n)) continue;
    if ([...n].length === 1) {
      from += c;
      to += n;
    } else expansions.push([c, n]);
  }
  return (fold = { from, to, expansions });
}

/** A string as an SQL literal. */
export function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** A character class (RE2 syntax) of the given characters. */
export function charClass(chars: Iterable<string>): string {
  let out = '';
  for (const c of chars) out += `\\x{${c.codePointAt(0)!.toString(16)}}`;
  return `[${out}]`;
}

/**
 * The macro `nfkc_seen(s)`: `s` with every character the readers could see after NFKC folded as
 * NFKC folds it. Cells of plain ASCII (nearly all of them) are returned at once; pass a column,
 * not an expression (it is read twice).
 */
export function foldMacros(): string[] {
  const { from, to, expansions } = nfkcFold();
  let expanded = '_e';
  for (const [c, n] of expansions) expanded = `replace(${expanded}, ${sqlString(c)}, ${sqlString(n)})`;
  const sources = charClass([...from, ...expansions.map(([c]) => c)]);
  const multi = charClass(expansions.map(([c]) => c));
  return [
    `CREATE OR REPLACE MACRO nfkc_expand(s) AS list_transform([s], lambda _e: CASE WHEN regexp_matches(_e, '${multi}') THEN ${expanded} ELSE _e END)[1];`,
    `CREATE OR REPLACE MACRO nfkc_fold(s) AS list_transform([s], lambda _f: CASE WHEN regexp_matches(_f, '${sources}') THEN nfkc_expand(translate(_f, ${sqlString(from)}, ${sqlString(to)})) ELSE _f END)[1];`,
    `CREATE OR REPLACE MACRO nfkc_seen(s) AS CASE WHEN regexp_matches(s, '[^\\x00-\\x7f]') THEN nfkc_fold(s) ELSE s END;`,
  ];
}
