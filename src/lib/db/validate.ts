/**
 * What is read back from storage is checked before the app uses it: a record another version of
 * the app, an extension or a broken disk wrote may not be what the types say, and one bad event or
 * mapping must cost that item, not a blank view. Pure functions (no Dexie).
 */
import { EVENT_KINDS, type CompanyEvent } from '../engine/dataset';
import { COLUMN_ROLES } from '../ingest/roles';
import type { RememberedMapping } from './database';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_TEXT = 500;

function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const shortText = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_TEXT;

/** The event with exactly its fields, or null when it cannot be drawn (no date, no label, unknown kind). */
export function validEvent(value: unknown): CompanyEvent | null {
  const e = value as Partial<Record<keyof CompanyEvent, unknown>> | null;
  if (!e || typeof e !== 'object') return null;
  if (typeof e.id !== 'string' || typeof e.datasetId !== 'string' || !isIsoDate(e.date) || !shortText(e.label) || !e.label.trim()) return null;
  if (!(EVENT_KINDS as readonly unknown[]).includes(e.kind)) return null;
  if (e.segment !== undefined && !shortText(e.segment)) return null;
  return { id: e.id, datasetId: e.datasetId, date: e.date, label: e.label, kind: e.kind as CompanyEvent['kind'], ...(e.segment ? { segment: e.segment as string } : {}) };
}

export function validEvents(values: readonly unknown[]): { events: CompanyEvent[]; skipped: number } {
  const events: CompanyEvent[] = [];
  for (const value of values) {
    const event = validEvent(value);
    if (event) events.push(event);
  }
  return { events, skipped: values.length - events.length };
}

const DATE_ORDERS: readonly unknown[] = ['ymd', 'mdy', 'dmy'];

/** The remembered mapping, or null when it cannot be applied to a preview as it is. */
export function validMapping(value: unknown): RememberedMapping | null {
  const m = value as Partial<Record<keyof RememberedMapping, unknown>> | null;
  if (!m || typeof m !== 'object' || typeof m.signature !== 'string') return null;
  if (!Array.isArray(m.headers) || !m.headers.every((h) => typeof h === 'string')) return null;
  if (!Number.isInteger(m.headerRows) || (m.headerRows as number) < 0 || (m.headerRows as number) > 20) return null;
  if (!Array.isArray(m.roles) || !m.roles.every((r) => (COLUMN_ROLES as readonly unknown[]).includes(r))) return null;
  if (!DATE_ORDERS.includes(m.dateOrder)) return null;
  if (typeof m.savedAt !== 'number' || !Number.isFinite(m.savedAt)) return null;
  return {
    signature: m.signature,
    headers: [...(m.headers as string[])],
    headerRows: m.headerRows as number,
    roles: [...(m.roles as RememberedMapping['roles'])],
    dateOrder: m.dateOrder as RememberedMapping['dateOrder'],
    savedAt: m.savedAt,
  };
}
