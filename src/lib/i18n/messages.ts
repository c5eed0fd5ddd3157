/** Message lookup without any UI state, usable in Node (the CLI) and in the page alike. */
import { en, type MessageKey } from './en';
import { ja } from './ja';

export type Locale = 'ja' | 'en';
export type MessageParams = Record<string, string | number>;

const messages: Record<Locale, Record<MessageKey, string>> = { ja, en };

/**
 * `{count, plural, one {# file} other {# files}}` (the ICU form, so translators know it): the
 * option is chosen by Intl.PluralRules of the language (`=0`-style exact options first), `#` is
 * the parameter as given. An option may hold plain `{name}` placeholders, one level deep.
 */
const PLURAL = /\{(\w+),\s*plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{(?:[^{}]|\{\w+\})*\})+)\s*\}/g;
const OPTION = /(=\d+|zero|one|two|few|many|other)\s*\{((?:[^{}]|\{\w+\})*)\}/g;
const PLACEHOLDER = /\{(\w+)\}/g;

const rules = new Map<string, Intl.PluralRules>();
function pluralRules(lang: Locale): Intl.PluralRules {
  let r = rules.get(lang);
  if (!r) rules.set(lang, (r = new Intl.PluralRules(lang)));
  return r;
}

/**
 * The number a parameter stands for. Callers usually pass numbers already formatted for display
 * (`1,234`), so grouping separators are dropped before reading it.
 */
function numberOf(value: string | number): number {
  return typeof value === 'number' ? value : Number(value.replace(/[,\s\u00a0\u202f]/g, '').replace('−', '-'));
}

function choosePlural(lang: Locale, body: string, value: string | number): string {
  const options = new Map([...body.matchAll(OPTION)].map((m) => [m[1], m[2]]));
  const n = numberOf(value);
  const exact = Number.isFinite(n) ? options.get(`=${n}`) : undefined;
  const chosen = exact ?? (Number.isFinite(n) ? options.get(pluralRules(lang).select(n)) : undefined) ?? options.get('other') ?? '';
  return chosen.replace(/#/g, String(value));
}

/**
 * Fills `{name}` placeholders and `{name, plural, …}` choices; unknown names stay visible so a
 * missing parameter is noticed. `lang` picks the plural rules (English has one/other, Japanese
 * only other).
 */
export function format(template: string, params: MessageParams = {}, lang: Locale = 'en'): string {
  const chosen = template.replace(PLURAL, (whole, name: string, body: string) => (name in params ? choosePlural(lang, body, params[name]) : whole));
  return chosen.replace(PLACEHOLDER, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * The parameters a text shows: plain `{name}`s and plural choices whose options print `#`.
 * A name that only chooses a plural form (`{count, plural, one {answer} other {answers}}`) is
 * not shown, so another language may leave it out (Japanese has no plural).
 */
export function shownParams(template: string): string[] {
  const names: string[] = [];
  const rest = template.replace(PLURAL, (_, name: string, body: string) => {
    if (/#/.test(body)) names.push(name);
    for (const m of body.matchAll(OPTION)) for (const p of m[2].matchAll(PLACEHOLDER)) names.push(p[1]);
    return '';
  });
  for (const m of rest.matchAll(PLACEHOLDER)) names.push(m[1]);
  return [...new Set(names)].sort();
}

/**
 * Who a dataset's answers come from. An employee survey (eNPS) speaks of employees and teams: a
 * text with an `@employee` variant uses it, every other text is the same for both.
 */
export type Audience = 'customers' | 'employees';

export function audienceKey(key: MessageKey, audience: Audience): MessageKey {
  if (audience === 'customers') return key;
  const variant = `${key}@employee`;
  return variant in en ? (variant as MessageKey) : key;
}

export function translate(lang: Locale, key: MessageKey, params?: MessageParams): string {
  return format(messages[lang][key] ?? en[key], params, lang);
}
