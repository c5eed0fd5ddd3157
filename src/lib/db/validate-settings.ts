/**
 * A dataset's settings as read back (engine/dataset.ts DatasetSettings), checked before use like
 * every other stored item (validate.ts): a joined file another version wrote, or a broken disk,
 * must cost that setting, not the dataset. Pure functions (no Dexie).
 */
import { SETTING_NAMES, type DatasetRecord, type DatasetSettings } from '../engine/dataset';
import type { AccountFacts, InvitationList } from '../engine/account-files';

const MAX_ENTRIES = 1_000_000;
const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= 1000;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const textList = (v: unknown, length?: number): v is string[] => Array.isArray(v) && v.length <= MAX_ENTRIES && (length === undefined || v.length === length) && v.every((x) => typeof x === 'string');
const numberList = (v: unknown, length: number): v is number[] => Array.isArray(v) && v.length === length && v.every((x) => typeof x === 'number' && !Number.isNaN(x));
const columnsOk = (v: unknown): boolean => !!v && typeof v === 'object' && Object.entries(v).every(([, x]) => isText(x) || textList(x));

export function validFacts(value: unknown): AccountFacts | null {
  const f = value as Partial<Record<keyof AccountFacts, unknown>> | null;
  if (!f || typeof f !== 'object' || !isText(f.file) || typeof f.importedAt !== 'number' || !columnsOk(f.columns) || !textList(f.accounts)) return null;
  const n = f.accounts.length;
  if (f.churn !== undefined && !(numberList(f.churn, n) && f.churn.every((c) => c === -1 || c === 0 || c === 1))) return null;
  if (f.churnDay !== undefined && !numberList(f.churnDay, n)) return null;
  if (f.csat !== undefined && !numberList(f.csat, n)) return null;
  if (f.revenue !== undefined && !(Array.isArray(f.revenue) && f.revenue.length === n && f.revenue.every((x) => x === null || (typeof x === 'number' && Number.isFinite(x))))) return null;
  if (!isCount(f.withoutAccount) || !isCount(f.repeated)) return null;
  return value as AccountFacts;
}

export function validInvitations(value: unknown): InvitationList | null {
  const l = value as Partial<Record<keyof InvitationList, unknown>> | null;
  if (!l || typeof l !== 'object' || !isText(l.file) || typeof l.importedAt !== 'number' || !columnsOk(l.columns) || !textList(l.accounts)) return null;
  const n = l.accounts.length;
  if (l.waves !== undefined && !textList(l.waves, n)) return null;
  if (!Array.isArray(l.segments) || !l.segments.every((s) => textList(s, n))) return null;
  if (!textList((l.columns as InvitationList['columns']).segments, l.segments.length)) return null;
  if (!isCount(l.withoutAccount) || !isCount(l.notInvited)) return null;
  return value as InvitationList;
}

/** The record with only the settings that can be used; the others are left out. */
export function withValidSettings(record: DatasetRecord): DatasetRecord {
  const checks: { [K in keyof DatasetSettings]-?: (v: unknown) => boolean } = {
    employee: (v) => typeof v === 'boolean',
    followUpOptIn: (v) => typeof v === 'boolean',
    lostShare: (v) => typeof v === 'number' && v >= 0 && v <= 1,
    outcomes: (v) => validFacts(v) !== null,
    invited: (v) => validInvitations(v) !== null,
  };
  const bad = SETTING_NAMES.filter((k) => record[k] !== undefined && !checks[k](record[k]));
  if (!bad.length) return record;
  const out = { ...record };
  for (const k of bad) delete out[k];
  return out;
}
