/**
 * Comment text folded for matching: the dictionary and the lexicon are written against this
 * form, never against what the person typed. The text shown to people stays as written.
 *
 * What is folded and why:
 * - NFKC: full-width Latin and digits (ＣＳＶ, １０), half-width katakana (ｻﾎﾟｰﾄ), circled numbers;
 *   survey exports mix all of them, often in one file.
 * - Lower case, so English keywords need one spelling.
 * - Dash-like characters after katakana become the long vowel mark ー (サ−バ, サ―バ typed with the
 *   wrong key), and a long vowel mark at the end of a katakana word is dropped, so サーバー ≡ サーバ
 *   and ユーザー ≡ ユーザ (both spellings are official style in different companies).
 * - 〜 and ～ become ~, runs of white space one space, line breaks a sentence end (a comment's
 *   second line is a new sentence; "。" is often left out before a line break).
 */

const KATAKANA = '\u30a1-\u30fa\u30fc';
/** Dashes people type for ー: hyphen-minus (NFKC of －), U+2010–2015, U+2212 minus, U+FF70 is NFKC'd. */
// The literal comes first and the lookbehind after it: a lookbehind at the start of a pattern is
// evaluated at every position of every comment (10× slower over a million comments).
const DASH_AFTER_KATAKANA = new RegExp(`[-\u2010-\u2015\u2212](?<=[${KATAKANA}].)`, 'g');
const TRAILING_LONG_VOWEL = new RegExp(`\u30fc+(?<=[\u30a1-\u30fa]\u30fc+)(?![${KATAKANA}])`, 'g');
const SPACES = /[ \t\u3000\u00a0]+/g;
const LINE_BREAKS = /\s*[\r\n]+\s*/g;
/**
 * Characters NFKC may change (full/half width forms, compatibility ideographs and symbols,
 * circled numbers, odd spaces, combining marks, Latin-1 extras…). Kanji, kana and 。、「」 are
 * left alone by NFKC, so most Japanese comments skip the call (a tenth of the normalising time).
 */
const MAY_CHANGE = /[^\x20-\x7e\u3001-\u3035\u3041-\u3096\u30a1-\u30fe\u4e00-\u9fff]/;
/** Anything the rarer steps below would change; most comments have none of it. */
const RARE = /[A-Z\u00c0-\u00de\u0370-\u042f\u2010-\u2015\u2018\u2019\u2212\u301c\r\n\t\u3000\u00a0-]| {2}/;
const UPPER = /[A-Z\u00c0-\u00de\u0370-\u042f]/;
const isKatakana = (c: number) => c >= 0x30a1 && c <= 0x30fa;

/** Whether some ー ends a katakana word (the replace below is a full pass, this is a few compares). */
function hasTrailingLongVowel(t: string): boolean {
  for (let i = t.indexOf('\u30fc'); i >= 0; i = t.indexOf('\u30fc', i + 1)) {
    const next = t.charCodeAt(i + 1);
    if (isKatakana(next) || next === 0x30fc) continue;
    // The last ー of a run: the run ends a katakana word when a katakana letter comes before it.
    let b = i - 1;
    while (b >= 0 && t.charCodeAt(b) === 0x30fc) b--;
    if (b >= 0 && isKatakana(t.charCodeAt(b))) return true;
  }
  return false;
}

/*
 * Each step is guarded by a cheap test: a million comments go through here before tagging, and
 * most of them need none of the rarer foldings (a replace costs a pass even when nothing changes).
 */
export function normaliseComment(text: string): string {
  let t = MAY_CHANGE.test(text) ? text.normalize('NFKC') : text;
  if (RARE.test(t)) {
    if (UPPER.test(t)) t = t.toLowerCase();
    if (/[-\u2010-\u2015\u2212]/.test(t)) t = t.replace(DASH_AFTER_KATAKANA, '\u30fc');
    if (t.includes('\u301c')) t = t.replace(/\u301c/g, '~');
    // Typographic apostrophes (don’t) as typed by phones and word processors.
    if (/[\u2018\u2019]/.test(t)) t = t.replace(/[\u2018\u2019]/g, "'");
    if (t.includes('\n') || t.includes('\r')) t = t.replace(LINE_BREAKS, '\n');
    t = t.replace(SPACES, ' ');
  }
  if (hasTrailingLongVowel(t)) t = t.replace(TRAILING_LONG_VOWEL, '');
  const last = t.length - 1;
  return last >= 0 && (t.charCodeAt(0) <= 32 || t.charCodeAt(last) <= 32) ? t.trim() : t;
}

/**
 * In a keyword, ー is a word's end only before the end or an alternation bar: in サーバー|… it is
 * dropped, in スムー(ズ|ス) and インターフェ(イ|ー)?ス it is not (the word goes on).
 */
const KEYWORD_LONG_VOWEL = /\u30fc+(?<=[\u30a1-\u30fa]\u30fc+)(?=$|\|)/g;

/**
 * Dictionary keywords get the same folding as the text, so that a keyword typed as ｻｰﾊﾞｰ or
 * サーバー still matches. Keywords may be regex fragments: a character after a backslash keeps its
 * case (\B and \b, \S and \s mean different things) and nothing else is changed in escapes.
 */
export function normaliseKeyword(keyword: string): string {
  let out = '';
  const parts = keyword.normalize('NFKC').split(/(\\.)/);
  for (const part of parts) {
    if (part.length === 2 && part[0] === '\\') out += part;
    else out += part.toLowerCase().replace(DASH_AFTER_KATAKANA, '\u30fc').replace(KEYWORD_LONG_VOWEL, '').replace(/[\u301c]/g, '~');
  }
  return out.trim();
}

/**
 * Answers that say there is nothing to say. They are counted (someone answered) but left out of
 * topic and word statistics. Checked on the normalised text, so full-width and case variants and
 * a trailing 。 or . are covered.
 */
const EMPTY = new RegExp(
  '^(?:' +
    [
      '特に(?:なし|無し|ない|無い|ありません|ございません|ないです|なしです|無いです|無)',
      'とくに(?:なし|ない|ありません)',
      'なし', '無し', 'ない', '無い', 'ありません', 'ございません', 'ないです', 'なしです', '無', '特になし',
      'n/?a', 'none', 'no', 'nope', 'nil', 'null', 'nothing', 'nothing (?:special|in particular|to add|else)',
      'no comments?', 'not really', 'nothing much',
      '[-ー―_.・…x×/]+',
    ].join('|') +
    ')[。.!！、,\\s]*$',
);

export function isEmptyComment(text: string): boolean {
  const t = normaliseComment(text);
  return t === '' || EMPTY.test(t);
}

/** The same test when the text is already normalised (the tagger's hot loop). */
export function isEmptyNormalised(normalised: string): boolean {
  return normalised === '' || (normalised.length <= 40 && EMPTY.test(normalised));
}
