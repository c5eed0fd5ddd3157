/**
 * Reads the small regex fragments of the dictionary and the lexicon (scan.ts): which words a
 * fragment stands for when it is a finite set (遅(い|く|かっ) → 遅い, 遅く, 遅かっ), or which
 * literal text its matches must start with. Anything this reader does not understand makes it
 * answer "unknown" (null), and the caller then falls back to running the regex — never to a
 * wrong answer.
 */

/** Marks a prefix after which anything may follow. */
const OPEN = '\u0000';
const MAX_STRINGS = 512;

type Strings = Set<string> | null;

interface Atom {
  /** The strings the atom matches (null: not a finite set we can list). */
  set: Strings;
  assertion: boolean;
  optional: boolean;
  repeated: boolean;
  end: number;
}

function closeParen(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '[') i = closeClass(s, i) - 1;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return s.length;
}

function closeClass(s: string, open: number): number {
  for (let i = open + 1; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === ']' && i > open + 1) return i + 1;
  }
  return s.length;
}

const ESCAPED: Record<string, string> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v' };

/** The characters of a class `[...]`; null when negated, open (\w) or too wide a range. */
function classChars(body: string): Strings {
  if (body.startsWith('^')) return null;
  const chars: string[] = [];
  for (let i = 0; i < body.length; i++) {
    let c = body[i];
    if (c === '\\') {
      const e = body[++i];
      if (/[dDwWsSbBpPuxck0-9]/.test(e)) return null;
      c = ESCAPED[e] ?? e;
    }
    if (body[i + 1] === '-' && i + 2 < body.length) {
      const to = body[i + 2] === '\\' ? null : body.charCodeAt(i + 2);
      if (to === null || to - c.charCodeAt(0) > 96) return null;
      for (let code = c.charCodeAt(0); code <= to; code++) chars.push(String.fromCharCode(code));
      i += 2;
    } else chars.push(c);
  }
  return new Set(chars);
}

/** One atom at `i`, with its quantifier. */
function atom(s: string, i: number): Atom {
  let set: Strings = null;
  let assertion = false;
  const c = s[i];
  if (c === '^' || c === '$') {
    assertion = true;
    i++;
  } else if (c === '\\') {
    const e = s[i + 1];
    if (e === 'b' || e === 'B') assertion = true;
    else if (!/[dDwWsSpPuxck0-9]/.test(e)) set = new Set([ESCAPED[e] ?? e]);
    i += 2;
  } else if (c === '(') {
    if (/^\(\?<?[=!]/.test(s.slice(i, i + 4))) {
      assertion = true;
      i = closeParen(s, i);
    } else {
      const body = s.startsWith('(?:', i) ? i + 3 : s.startsWith('(?<', i) ? s.indexOf('>', i) + 1 : i + 1;
      const inner = alternatives(s, body, true);
      set = inner.set;
      i = inner.end;
    }
  } else if (c === '[') {
    const end = closeClass(s, i);
    set = classChars(s.slice(i + 1, end - 1));
    i = end;
  } else if (c === '.') i++;
  else {
    set = new Set([c]);
    i++;
  }
  let optional = false;
  let repeated = false;
  const q = s[i];
  if (q === '?' || q === '*' || q === '+') {
    optional = q !== '+';
    repeated = q !== '?';
    i++;
  } else if (q === '{') {
    const m = /^\{(\d*)(?:(,)(\d*))?\}/.exec(s.slice(i));
    if (m) {
      optional = m[1] === '' || Number(m[1]) === 0;
      repeated = m[2] !== undefined ? m[3] === '' || Number(m[3]) > 1 : Number(m[1]) > 1;
      i += m[0].length;
    }
  }
  if (s[i] === '?') i++; // lazy quantifier
  return { set, assertion, optional, repeated, end: i };
}

/**
 * The strings an alternative or group can match, each cut at `k` characters; a string that
 * ends in OPEN continues with something unknown. With k = Infinity this is the full expansion.
 */
function alternatives(s: string, i: number, inGroup: boolean, k = Infinity, strict = false): { set: Strings; end: number } {
  let set: Strings = new Set();
  for (;;) {
    const seq = sequence(s, i, k, strict);
    if (set && seq.set) for (const p of seq.set) set.add(p);
    else set = null;
    i = seq.end;
    if (s[i] === '|') i++;
    else return { set, end: inGroup && s[i] === ')' ? i + 1 : i };
  }
}

function join(p: string, a: string, k: number): string {
  const q = p + a;
  const open = q.indexOf(OPEN);
  return open >= 0 && open < k ? q.slice(0, open + 1) : q.slice(0, k);
}

/**
 * `strict`: an assertion, a repeated or an unknown atom makes the whole answer null (for a full
 * expansion). Otherwise they only end what is known (for prefixes).
 */
function sequence(s: string, i: number, k: number, strict: boolean): { set: Strings; end: number } {
  let cur: Strings = new Set(['']);
  while (i < s.length && s[i] !== '|' && s[i] !== ')') {
    const a = atom(s, i);
    i = a.end;
    if (cur === null) continue;
    if (strict && (a.assertion || a.repeated || a.set === null)) {
      cur = null;
      continue;
    }
    if (a.assertion) {
      // What follows a lookaround is still known, but the lookaround itself must be checked.
      continue;
    }
    const next = new Set<string>();
    for (const p of cur) {
      if (p.length >= k || p.endsWith(OPEN)) next.add(p);
      else {
        if (a.optional) next.add(p);
        if (a.set === null) next.add(p + OPEN);
        else for (const x of a.set) next.add(a.repeated ? join(join(p, x, k), OPEN, k) : join(p, x, k));
      }
    }
    cur = next.size > MAX_STRINGS ? null : next;
  }
  return { set: cur, end: i };
}

/**
 * Every string a fragment matches, when it is a small finite set with no lookaround, repetition
 * or open class: 'slow(er|ly)?' → slow, slower, slowly. Null otherwise.
 */
export function expand(source: string): Set<string> | null {
  const r = alternatives(source, 0, false, Infinity, true);
  return r.end === source.length ? r.set : null;
}

/**
 * The literal beginnings (up to `k` characters) every match of `source` starts with; null when
 * a match could start with any character (or with nothing).
 */
export function prefixes(source: string, k = 2): Set<string> | null {
  const r = alternatives(source, 0, false, k);
  if (r.set === null || r.end !== source.length) return null;
  const out = new Set<string>();
  for (const p of r.set) {
    const known = p.endsWith(OPEN) ? p.slice(0, -1) : p;
    if (known === '') return null;
    out.add(known);
  }
  return out;
}
