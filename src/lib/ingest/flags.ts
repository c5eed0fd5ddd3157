/**
 * Cells for the later checks against churn and revenue: a churn flag and an amount, as CRMs and
 * spreadsheets write them in English, Japanese and European formats.
 */

const YES = /^(1|y|yes|true|t|churn(ed)?|lost|cancel(l?ed)?|inactive|解約(済み?|あり)?|あり|有|はい|済|退会|失注)$/i;
const NO = /^(0|n|no|false|f|active|retained|renewed|継続(中)?|なし|無|いいえ|未解約|契約中)$/i;

/** 1 = churned, 0 = not churned, −1 = unknown or blank. */
export function parseChurn(raw: string): number {
  const v = raw.normalize('NFKC').trim();
  if (!v) return -1;
  if (YES.test(v)) return 1;
  if (NO.test(v)) return 0;
  return -1;
}

/**
 * A satisfaction answer: a whole number 0–10 as survey tools write it (`4`, `４`, `4 - Satisfied`,
 * `5（とても満足）`), −1 when blank or not one.
 */
export function parseCsat(raw: string): number {
  const m = /^\s*(\d{1,2})(?:\.0+)?(?!\d|[.,]\d)/.exec(raw.normalize('NFKC'));
  if (!m) return -1;
  const v = Number(m[1]);
  return v <= 10 ? v : -1;
}

const CURRENCY = /[¥￥$€£]|円|jpy|usd|eur|gbp/gi;

/**
 * An amount, or NaN. `1,234.50`, `1.234,50` (European), `¥120,000`, `120,000円`, `12万`,
 * `1 234,5`. A lone separator followed by exactly three digits is a thousands separator.
 */
export function parseAmount(raw: string): number {
  let v = raw.normalize('NFKC').replace(CURRENCY, '').replace(/\s/g, '');
  if (!v) return NaN;
  let scale = 1;
  if (v.endsWith('万')) { scale = 10_000; v = v.slice(0, -1); }
  else if (v.endsWith('億')) { scale = 100_000_000; v = v.slice(0, -1); }
  if (!/^-?[\d.,]+$/.test(v)) return NaN;
  const lastDot = v.lastIndexOf('.'), lastComma = v.lastIndexOf(',');
  let decimal: string | null = null;
  if (lastDot >= 0 && lastComma >= 0) decimal = lastDot > lastComma ? '.' : ',';
  else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const parts = v.split(sep);
    // "1,234" and "1.234.567" are thousands; "7,5" and "1234.5" are decimals.
    decimal = parts.length === 2 && parts[1].length !== 3 ? sep : null;
  }
  const thousands = decimal === ',' ? '.' : ',';
  let normalised = v.split(thousands).join('');
  if (decimal === ',') normalised = normalised.replace(',', '.');
  else if (decimal === null) normalised = normalised.replace(/[.,]/g, '');
  const n = Number(normalised);
  return Number.isFinite(n) ? n * scale : NaN;
}
