/** Message lookup without any UI state, usable in Node (the CLI) and in the page alike. */
import { en, type MessageKey } from './en';
import { ja } from './ja';

export type Locale = 'ja' | 'en';
export type MessageParams = Record<string, string | number>;

const messages: Record<Locale, Record<MessageKey, string>> = { ja, en };

/** Fills `{name}` placeholders; unknown ones stay visible so a missing parameter is noticed. */
export function format(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translate(lang: Locale, key: MessageKey, params?: MessageParams): string {
  return format(messages[lang][key] ?? en[key], params);
}
