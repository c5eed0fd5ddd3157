/**
 * The cell readers of ingest/ as DuckDB macros: a score, a date, a churn flag, an amount, an
 * identity, trimmed text — each the SQL twin of the TypeScript function it names, rule for rule,
 * so that a warehouse reading the raw cells rejects the same rows for the same reasons as the app.
 *
 * What had to be translated rather than copied:
 * - JavaScript's `\s` and `trim()` know ~25 white-space characters (U+3000 among them), RE2's
 *   `\s` six: the class is written out (WS), and `js_trim` trims that set.
 * - `.` in JavaScript stops at line terminators (\n, \r, U+2028, U+2029): written out (DOT).
 * - RE2 has no lookaround and no back-references: `(\d{1,2})(?!\d)(.*)` becomes a rest that
 *   does not start with a digit, `\2` a comparison of the two separators after matching.
 * - RE2 gives '' for a group that did not take part, where JavaScript gives undefined: every
 *   group read here either cannot match the empty string or is compared the same either way.
 * - NFKC: fold.ts. Case-insensitive ASCII patterns (`/…/i`) lower ASCII letters only, as
 *   JavaScript's non-Unicode `i` flag does (RE2's (?i) would also fold ſ and K).
 * cells.test.ts runs every macro against its TypeScript twin on thousands of cells.
 */
import { foldMacros } from './fold';

/** White space as JavaScript's `\s` and `String.prototype.trim` know it. */
const WS = '[\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]';
/** JavaScript's `.`: anything but a line terminator. */
const DOT = '[^\\n\\r\\x{2028}\\x{2029}]';
/** A rest after a number that must not go on with a digit: `(?!\d)(.*)`. */
const REST = `((?:[^0-9\\n\\r\\x{2028}\\x{2029}]${DOT}*)?)`;

/** ingest/values.ts SCORE: sign, whole part, decimal separator, fraction, rest. */
const SCORE = `^([-+\\x{2010}-\\x{2015}\\x{2212}\\x{FE63}])?${WS}*([0-9]*)(?:([.,])([0-9]+))?((?s:.*))$`;
const SECOND_NUMBER = `^${WS}*(?:[-~\\x{301C}:/.,]${WS}*)?[0-9]`;
const OUT_OF_TEN = `^${WS}*/${WS}*10(?:[^0-9/.,:\\-]|$)`;

/** ingest/dates.ts, the same forms. */
const YMD = `^([0-9]{4})([-/.])([0-9]{1,2})([-/.])([0-9]{1,2})${REST}$`;
const YEAR_LAST = `^([0-9]{1,2})([-/.])([0-9]{1,2})([-/.])([0-9]{4}|[0-9]{2})${REST}$`;
const KANJI = `^(?:(令和|平成|昭和|大正|明治)${WS}*(元|[0-9]{1,2})|([0-9]{4}))${WS}*年${WS}*([0-9]{1,2})${WS}*月${WS}*([0-9]{1,2})${WS}*日(${DOT}*)$`;
const ERA_LETTER = `^([RHSTMrhstm])${WS}*(元|[0-9]{1,2})([-/.])([0-9]{1,2})([-/.])([0-9]{1,2})${REST}$`;
const NUMBER = '^([0-9]+)(?:\\.([0-9]+))?$';
/** fastIso's shapes: `YYYY-MM-DD` or with `/`, optionally ` hh:mm:ss` / `Thh:mm:ss`, then `Z` or `±hh:mm`. */
const ISO = '[0-9]{4}(?:-[0-9]{2}-|/[0-9]{2}/)[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}:[0-9]{2}(?:Z|[+-][0-9]{2}:[0-9]{2})?)?';
/** The whole of TIME in a group of its own, so that a match is told from no match. */
const TIME =
  `^(${WS}*(?:\\((?:[月火水木金土日]|[A-Za-z]{2,3})\\.?\\)${WS}*)?(?:[Tt]${WS}*)?(?:(午前|午後)${WS}*)?` +
  `(?:([0-9]{1,2})(?::([0-9]{2})(?::([0-9]{2})(?:[.,][0-9]+)?)?|時(?:${WS}*([0-9]{1,2})${WS}*分(?:${WS}*([0-9]{1,2})${WS}*秒)?)?)${WS}*(?:([AaPp])\\.?[Mm]\\.?)?)?` +
  `${WS}*(?:Z|UTC|GMT)?(?:${WS}*[+-][0-9]{1,2}(?::?[0-9]{2})?)?${WS}*)$`;
/** The byte scanner's quick ISO read (ingest/build.ts isoDateInBytes) does not look at the offset's digits. */
const QUICK_ISO_ANY_OFFSET = '^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ](?:[01][0-9]|2[0-3]):[0-9]{2}:[0-9]{2}[+-][\\x00-\\x7f]{2}:[\\x00-\\x7f]{2}$';

/** ingest/flags.ts YES and NO, on text whose ASCII letters are lowered. */
const CHURN_YES = '1|y|yes|true|t|churn(ed)?|lost|cancel(l?ed)?|inactive|解約(済み?|あり)?|あり|有|はい|済|退会|失注';
const CHURN_NO = '0|n|no|false|f|active|retained|renewed|継続(中)?|なし|無|いいえ|未解約|契約中';
const CURRENCY = '[¥￥$€£]|円|[jJ][pP][yY]|[uU][sS][dD]|[eE][uU][rR]|[gG][bB][pP]';
/**
 * ingest/flags.ts parseCsat's `^\s*(\d{1,2})(?:\.0+)?(?!\d|[.,]\d)` without the lookahead RE2
 * lacks: one or two digits (optionally `.0…`), then nothing, or neither a digit nor a separator
 * followed by a digit — the same cells, with JavaScript's backtracking written out.
 */
const CSAT = `${WS}*[0-9]{1,2}(?:\\.0+)?(?:[^0-9.,](?s:.*)|[.,](?:[^0-9](?s:.*))?)?`;
const CSAT_DIGITS = `^${WS}*([0-9]{1,2})`;
/** ingest/roles.ts UNFINISHED. */
const UNFINISHED = 'partial|incomplete|false|0|未完了|途中';
/** engine/customers.ts NOT_AN_IDENTITY. */
const NOT_AN_IDENTITY = "'anonymous', 'anonymous user', '匿名'";

const ASTRAL = '[\\x{10000}-\\x{10FFFF}]';
const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
/**
 * `body` with `expr` computed once and named `name`. DuckDB expands a macro's body wherever it is
 * called, parameters included: a parameter read ten times is computed ten times, and macros
 * nesting such parameters grow exponentially (binding date_of took minutes). A one-element
 * list's lambda is DuckDB's `let`.
 */
const bind = (expr: string, name: string, body: string) => `list_transform([${expr}], lambda ${name}: ${body})[1]`;

/** Rejection codes of a score cell, as score_of returns them (negative, beside the scores 0–10). */
export const SCORE_REJECTIONS = { '-1': 'score-empty', '-2': 'score-not-number', '-3': 'score-not-whole', '-4': 'score-out-of-range' } as const;

/** The macros, in the order they must be created (each uses only those before it). */
export function cellMacros(): string[] {
  return [
    // DuckDB's trim(s, characters) with the set written out gives the same, ~5× slower.
    `CREATE OR REPLACE MACRO js_trim(s) AS regexp_replace(s, '^${WS}+|${WS}+$', '', 'g');`,
    // js_trim(s) <> '', without making the trimmed copy: a search stops at the first character (~10× faster).
    `CREATE OR REPLACE MACRO has_text(s) AS regexp_matches(s, '[^${WS.slice(1)}');`,
    `CREATE OR REPLACE MACRO ascii_lower(s) AS translate(s, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz');`,
    ...foldMacros(),
    // JavaScript strings count UTF-16 units: a character beyond U+FFFF counts two.
    `CREATE OR REPLACE MACRO utf16_length(s) AS length(s) + length(regexp_replace(s, '[^\\x{10000}-\\x{10FFFF}]', '', 'g'));`,
    // A rejected cell is kept "trimmed, at most 80 characters" (ingest/values.ts reject): 80 UTF-16
    // units, never half a character.
    `CREATE OR REPLACE MACRO cut80(s) AS ${bind('s', '_c', `CASE WHEN strlen(_c) <= 80 THEN _c WHEN NOT regexp_matches(_c, '${ASTRAL}') THEN substring(_c, 1, 80)
      ELSE substring(_c, 1, list_max(list_filter(range(0, length(_c) + 1), lambda k: utf16_length(substring(_c, 1, k)) <= 80))) END`)};`,

    // parseScore: 0–10, or a rejection as a negative number (SCORE_REJECTIONS).
    `CREATE OR REPLACE MACRO score_rule(m) AS ${bind('m', '_m', `CASE
      WHEN _m.whole = '' AND _m.frac = '' THEN -2
      WHEN _m.sep = ',' AND length(_m.frac) = 3 AND regexp_matches(_m.whole, '[1-9]') THEN -4
      WHEN regexp_matches(_m.rest, '${SECOND_NUMBER}') AND NOT regexp_matches(_m.rest, '${OUT_OF_TEN}') THEN -2
      WHEN _m.sign <> '' AND _m.sign <> '+' THEN -4
      WHEN _m.frac <> '' AND NOT regexp_full_match(_m.frac, '0+') THEN -3
      WHEN length(ltrim(_m.whole, '0')) > 2 OR coalesce(TRY_CAST(nullif(ltrim(_m.whole, '0'), '') AS INTEGER), 0) > 10 THEN -4
      ELSE coalesce(TRY_CAST(nullif(ltrim(_m.whole, '0'), '') AS INTEGER), 0) END`)};`,
    `CREATE OR REPLACE MACRO score_read(s) AS ${bind('s', '_s', `CASE WHEN _s = '' THEN -1 ELSE score_rule(regexp_extract(_s, '${SCORE}', ['sign', 'whole', 'sep', 'frac', 'rest'])) END`)};`,
    `CREATE OR REPLACE MACRO score_of(raw) AS CASE WHEN raw IN ('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10') THEN CAST(raw AS INTEGER)
      ELSE score_read(js_trim(nfkc_seen(raw))) END;`,

    // parseDate: {day, seconds} (days since 1970-01-01, seconds since midnight or -1), NULL when unreadable.
    `CREATE OR REPLACE MACRO valid_date(y, m, d) AS m BETWEEN 1 AND 12 AND d >= 1 AND y >= 1
      AND (d <= [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m] OR (m = 2 AND d = 29 AND y % 4 = 0 AND (y % 100 <> 0 OR y % 400 = 0)));`,
    `CREATE OR REPLACE MACRO civil_day(y, m, d) AS CAST(make_date(CAST(y AS BIGINT), CAST(m AS BIGINT), CAST(d AS BIGINT)) - DATE '1970-01-01' AS INTEGER);`,
    // withTime: 24:00 is the next midnight.
    `CREATE OR REPLACE MACRO date_clock(y, m, d, hh, mm, ss) AS ${bind('hh', '_h', `CASE
      WHEN _h IS NULL OR mm > 59 OR ss > 59 OR _h > 24 THEN NULL
      WHEN _h = 24 THEN CASE WHEN mm = 0 AND ss = 0 THEN {'day': civil_day(y, m, d) + 1, 'seconds': 0} ELSE NULL END
      ELSE {'day': civil_day(y, m, d), 'seconds': CAST(_h * 3600 + mm * 60 + ss AS INTEGER)} END`)};`,
    `CREATE OR REPLACE MACRO date_time(y, m, d, t) AS ${bind('t', '_t', `CASE
      WHEN _t.whole = '' THEN NULL
      WHEN _t.h = '' THEN {'day': civil_day(y, m, d), 'seconds': -1}
      ELSE date_clock(y, m, d,
        CASE WHEN _t.jp = '' AND _t.ap = '' THEN CAST(_t.h AS INTEGER)
             WHEN CAST(_t.h AS INTEGER) > 12 OR (_t.jp <> '' AND _t.ap <> '') THEN NULL
             ELSE CAST(_t.h AS INTEGER) % 12 + CASE WHEN _t.jp = '午後' OR _t.ap IN ('p', 'P') THEN 12 ELSE 0 END END,
        CAST(coalesce(nullif(_t.mi, ''), nullif(_t.kmi, ''), '0') AS INTEGER),
        CAST(coalesce(nullif(_t.se, ''), nullif(_t.kse, ''), '0') AS INTEGER)) END`)};`,
    // finish: a valid date, then what follows it (time, weekday, zone).
    `CREATE OR REPLACE MACRO date_finish(y, m, d, rest) AS CASE
      WHEN NOT valid_date(y, m, d) THEN NULL
      WHEN rest = '' THEN {'day': civil_day(y, m, d), 'seconds': -1}
      ELSE date_time(y, m, d, regexp_extract(rest, '${TIME}', ['whole', 'jp', 'h', 'mi', 'se', 'kmi', 'kse', 'ap'])) END;`,
    // The common ISO forms (fastIso): the general reading gives the same, only slower.
    `CREATE OR REPLACE MACRO date_iso(s) AS CASE WHEN length(s) = 10 THEN date_finish(CAST(s[1:4] AS INTEGER), CAST(s[6:7] AS INTEGER), CAST(s[9:10] AS INTEGER), '')
      WHEN NOT valid_date(CAST(s[1:4] AS INTEGER), CAST(s[6:7] AS INTEGER), CAST(s[9:10] AS INTEGER)) THEN NULL
      ELSE date_clock(CAST(s[1:4] AS INTEGER), CAST(s[6:7] AS INTEGER), CAST(s[9:10] AS INTEGER), CAST(s[12:13] AS INTEGER), CAST(s[15:16] AS INTEGER), CAST(s[18:19] AS INTEGER)) END;`,
    `CREATE OR REPLACE MACRO date_two_digit_year(y) AS CASE WHEN length(y) = 4 THEN CAST(y AS INTEGER) WHEN CAST(y AS INTEGER) < 70 THEN 2000 + CAST(y AS INTEGER) ELSE 1900 + CAST(y AS INTEGER) END;`,
    // Year-last: an explicit order decides strictly; without one, the order the separator suggests,
    // else the other one (15/01/2024 is only possible day first).
    `CREATE OR REPLACE MACRO date_year_last_read(a, b, y, dmy, strict, rest) AS coalesce(
      CASE WHEN dmy THEN date_finish(y, b, a, rest) ELSE date_finish(y, a, b, rest) END,
      CASE WHEN strict THEN NULL WHEN dmy THEN date_finish(y, a, b, rest) ELSE date_finish(y, b, a, rest) END);`,
    // A form whose two separators differ (2024/01-05) matches no other form either: NULL.
    `CREATE OR REPLACE MACRO date_year_last(r, ord) AS ${bind('r', '_y', `CASE WHEN _y.sep <> _y.sep2 THEN NULL
      ELSE date_year_last_read(CAST(_y.a AS INTEGER), CAST(_y.b AS INTEGER), date_two_digit_year(_y.y),
        CASE WHEN ord IN ('dmy', 'mdy') THEN ord = 'dmy' ELSE _y.sep = '.' END, ord IN ('dmy', 'mdy'), _y.rest) END`)};`,
    // Excel serials, compact YYYYMMDD, Unix seconds and milliseconds (2000–2099 only).
    `CREATE OR REPLACE MACRO date_unix(u) AS ${bind('u', '_u', `CASE WHEN _u IS NULL OR _u < 946684800 OR _u >= 4102444800 THEN NULL
      ELSE {'day': CAST(floor(_u / 86400) AS INTEGER), 'seconds': CAST(floor(_u - floor(_u / 86400) * 86400) AS INTEGER)} END`)};`,
    `CREATE OR REPLACE MACRO date_serial(n, frac) AS ${bind(`round(CAST('0.' || frac AS DOUBLE) * 86400)`, '_x', `CASE WHEN frac = '' THEN {'day': n - 25569, 'seconds': -1}
      WHEN _x >= 86400 THEN {'day': n - 25569 + 1, 'seconds': 0}
      ELSE {'day': n - 25569, 'seconds': CAST(_x AS INTEGER)} END`)};`,
    `CREATE OR REPLACE MACRO date_number(whole, frac) AS CASE
      WHEN length(whole) = 5 AND TRY_CAST(whole AS INTEGER) BETWEEN 20000 AND 80000 THEN date_serial(CAST(whole AS INTEGER), frac)
      WHEN frac = '' AND length(whole) = 8 THEN date_finish(CAST(whole AS BIGINT) // 10000, CAST(whole AS BIGINT) // 100 % 100, CAST(whole AS BIGINT) % 100, '')
      WHEN length(whole) IN (9, 10) THEN date_unix(CAST(CASE WHEN frac = '' THEN whole ELSE whole || '.' || frac END AS DOUBLE))
      WHEN length(whole) IN (12, 13) AND frac = '' THEN date_unix(CAST(whole AS DOUBLE) / 1000)
      ELSE NULL END;`,
    `CREATE OR REPLACE MACRO date_era_year(era, y) AS CASE WHEN y = '元' THEN 1 WHEN TRY_CAST(y AS INTEGER) < 1 THEN NULL ELSE TRY_CAST(y AS INTEGER) END
      + CASE era WHEN '令和' THEN 2018 WHEN 'r' THEN 2018 WHEN '平成' THEN 1988 WHEN 'h' THEN 1988 WHEN '昭和' THEN 1925 WHEN 's' THEN 1925
                 WHEN '大正' THEN 1911 WHEN 't' THEN 1911 ELSE 1867 END;`,
    `CREATE OR REPLACE MACRO date_era_read(y, m, d, rest) AS CASE WHEN y IS NULL THEN NULL ELSE date_finish(y, m, d, rest) END;`,
    `CREATE OR REPLACE MACRO date_kanji(r) AS ${bind('r', '_k', `date_era_read(CASE WHEN _k.y <> '' THEN CAST(_k.y AS INTEGER) ELSE date_era_year(_k.era, _k.ey) END,
      CAST(_k.m AS INTEGER), CAST(_k.d AS INTEGER), _k.rest)`)};`,
    `CREATE OR REPLACE MACRO date_era_letter(r) AS ${bind('r', '_l', `CASE WHEN _l.sep <> _l.sep2 THEN NULL
      ELSE date_era_read(date_era_year(lower(_l.era), _l.ey), CAST(_l.m AS INTEGER), CAST(_l.d AS INTEGER), _l.rest) END`)};`,
    `CREATE OR REPLACE MACRO date_ymd(r) AS ${bind('r', '_i', `CASE WHEN _i.sep <> _i.sep2 THEN NULL ELSE date_finish(CAST(_i.y AS INTEGER), CAST(_i.m AS INTEGER), CAST(_i.d AS INTEGER), _i.rest) END`)};`,
    `CREATE OR REPLACE MACRO date_read(s, ord) AS ${bind('s', '_d', `CASE
      WHEN _d = '' THEN NULL
      WHEN regexp_matches(_d, '${YMD}') THEN date_ymd(regexp_extract(_d, '${YMD}', ['y', 'sep', 'm', 'sep2', 'd', 'rest']))
      WHEN regexp_matches(_d, '${YEAR_LAST}') THEN date_year_last(regexp_extract(_d, '${YEAR_LAST}', ['a', 'sep', 'b', 'sep2', 'y', 'rest']), ord)
      WHEN regexp_matches(_d, '${NUMBER}') THEN date_number(regexp_extract(_d, '${NUMBER}', 1), regexp_extract(_d, '${NUMBER}', 2))
      WHEN regexp_matches(_d, '${KANJI}') THEN date_kanji(regexp_extract(_d, '${KANJI}', ['era', 'ey', 'y', 'm', 'd', 'rest']))
      WHEN regexp_matches(_d, '${ERA_LETTER}') THEN date_era_letter(regexp_extract(_d, '${ERA_LETTER}', ['era', 'ey', 'sep', 'm', 'sep2', 'd', 'rest']))
      ELSE NULL END`)};`,
    /**
     * A date cell as the import reads it: trimmed, NFKC-folded when not ASCII. `quick` is true for
     * files the byte scanner reads (ingest/pipeline.ts canScanBytes), whose quick ISO read ignores
     * what the offset's digits are.
     */
    `CREATE OR REPLACE MACRO date_of(raw, ord, quick) AS CASE
      WHEN regexp_full_match(raw, '${ISO}') THEN date_iso(raw)
      WHEN quick AND regexp_matches(raw, '${QUICK_ISO_ANY_OFFSET}') THEN date_iso(left(raw, 19))
      ELSE date_read(js_trim(nfkc_seen(js_trim(raw))), ord) END;`,

    // parseChurn: 1 churned, 0 not, -1 unknown.
    `CREATE OR REPLACE MACRO churn_read(v) AS ${bind('v', '_v', `CASE WHEN _v = '' THEN -1 WHEN regexp_full_match(ascii_lower(_v), '${CHURN_YES}') THEN 1
      WHEN regexp_full_match(ascii_lower(_v), '${CHURN_NO}') THEN 0 ELSE -1 END`)};`,
    `CREATE OR REPLACE MACRO churn_of(raw) AS churn_read(js_trim(nfkc_seen(raw)));`,
    // parseAmount: a number, or NULL where the app has NaN.
    `CREATE OR REPLACE MACRO amount_number(v) AS ${bind('v', '_n', `CASE WHEN _n = '' THEN 0 WHEN isfinite(TRY_CAST(_n AS DOUBLE)) THEN TRY_CAST(_n AS DOUBLE) ELSE NULL END`)};`,
    `CREATE OR REPLACE MACRO amount_last(v, c) AS CASE WHEN strpos(v, c) = 0 THEN -1 ELSE length(v) - strpos(reverse(v), c) END;`,
    // "1,234" and "1.234.567" are thousands; "7,5" and "1234.5" are decimals.
    `CREATE OR REPLACE MACRO amount_point(v) AS CASE
      WHEN amount_last(v, '.') >= 0 AND amount_last(v, ',') >= 0 THEN CASE WHEN amount_last(v, '.') > amount_last(v, ',') THEN '.' ELSE ',' END
      WHEN amount_last(v, '.') >= 0 THEN CASE WHEN len(string_split(v, '.')) = 2 AND length(string_split(v, '.')[2]) <> 3 THEN '.' ELSE NULL END
      WHEN amount_last(v, ',') >= 0 THEN CASE WHEN len(string_split(v, ',')) = 2 AND length(string_split(v, ',')[2]) <> 3 THEN ',' ELSE NULL END
      ELSE NULL END;`,
    `CREATE OR REPLACE MACRO amount_plain(v, point) AS CASE
      WHEN point = ',' THEN regexp_replace(replace(v, '.', ''), ',', '.')
      WHEN point = '.' THEN replace(v, ',', '')
      ELSE regexp_replace(v, '[.,]', '', 'g') END;`,
    `CREATE OR REPLACE MACRO amount_scaled(v, scale) AS ${bind('v', '_a', `CASE WHEN regexp_full_match(_a, '-?[0-9.,]+') THEN amount_number(amount_plain(_a, amount_point(_a))) * scale ELSE NULL END`)};`,
    `CREATE OR REPLACE MACRO amount_read(v) AS ${bind('v', '_w', `CASE WHEN _w = '' THEN NULL
      WHEN suffix(_w, '万') THEN amount_scaled(left(_w, length(_w) - 1), 10000)
      WHEN suffix(_w, '億') THEN amount_scaled(left(_w, length(_w) - 1), 100000000)
      ELSE amount_scaled(_w, 1) END`)};`,
    `CREATE OR REPLACE MACRO amount_of(raw) AS amount_read(regexp_replace(regexp_replace(nfkc_seen(raw), '${CURRENCY}', '', 'g'), '${WS}', '', 'g'));`,

    // identityCell: the id as written, '' for a placeholder that identifies nobody.
    // parseCsat: a whole number 0–10, -1 when blank or not one.
    `CREATE OR REPLACE MACRO csat_read(v) AS CASE WHEN regexp_full_match(v, '${CSAT}') THEN ${bind(`CAST(regexp_extract(v, '${CSAT_DIGITS}', 1) AS INTEGER)`, '_z', 'CASE WHEN _z <= 10 THEN _z ELSE -1 END')} ELSE -1 END;`,
    `CREATE OR REPLACE MACRO csat_of(raw) AS csat_read(nfkc_seen(raw));`,
    `CREATE OR REPLACE MACRO identity_of(raw) AS ${bind('js_trim(raw)', '_p', `CASE WHEN lower(_p) IN (${NOT_AN_IDENTITY}) THEN '' ELSE _p END`)};`,
    `CREATE OR REPLACE MACRO unfinished(raw) AS regexp_full_match(ascii_lower(js_trim(raw)), '${UNFINISHED}');`,
  ];
}
