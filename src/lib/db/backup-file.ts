/**
 * The backup file: every record of every table, written so that it reads back exactly — typed
 * arrays byte for byte, NaN, −0 and undefined as themselves, dates, Blobs — and so that a file
 * that is not one, was made by a newer version, or was cut short is recognised before anything
 * is written.
 *
 * Layout:
 *
 *     NPS Lines backup\n                      what the file is, readable in any text editor
 *     {"format":1,"database":6,…}\n           the header: versions, date, records per table
 *     gzip(entry, entry, …, end entry)
 *
 * An entry is one record: a little-endian u32 with its JSON's byte length, the JSON
 * (`{"table":…,"value":…}`), then every binary value the JSON refers to, each as a u32 byte length
 * and the bytes. The last entry is `{"end":{table: count}}`: a file cut short lacks it, and gzip's
 * own CRC catches changed bytes. Binary values are the typed arrays of the stored answers (a
 * million answers are ~60 MB of them): as bytes they cost their size, where JSON or base64 would
 * cost two to four times as much, and gzip squeezes the columns that barely vary (churn, revenue,
 * the file index) to almost nothing. Typed arrays are written in the machine's byte order, which
 * is little-endian on every platform browsers run on.
 *
 * No DOM, no Dexie: Blob, Response and the compression streams exist in browsers and in Node.
 */

export const BACKUP_MAGIC = 'NPS Lines backup\n';
/** The layout written; a file with a higher number comes from a newer version of the app. */
export const BACKUP_FORMAT = 1;
/** File name extension of backups. */
export const BACKUP_EXTENSION = '.npsbackup';

export interface BackupHeader {
  format: number;
  /** The database version (Dexie's verno) the records were written by. */
  database: number;
  /** The app's version, for people reading the file. */
  app: string;
  /** ISO date and time the backup was made. */
  createdAt: string;
  /** Records per table, in the order they are written. */
  tables: Record<string, number>;
}

/** A table's records; `keys` only for a table whose records do not hold their own key. */
export interface BackupTable {
  name: string;
  rows: unknown[];
  keys?: unknown[];
}

export interface Backup {
  header: BackupHeader;
  tables: BackupTable[];
}

export type BackupProblem = 'not-backup' | 'newer' | 'damaged';

/** Why a file cannot be restored; nothing was written when it is thrown. */
export class BackupError extends Error {
  constructor(
    readonly problem: BackupProblem,
    message: string = problem,
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

// ---------------------------------------------------------------------------------------------
// Values

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** The key that marks a value JSON cannot hold as itself. */
const TAG = '$t';

const VIEWS = {
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
  Float32Array, Float64Array, BigInt64Array, BigUint64Array, DataView,
} as const;
type ViewName = keyof typeof VIEWS;
const isViewName = (name: unknown): name is ViewName => typeof name === 'string' && Object.hasOwn(VIEWS, name);

/** What a value refers to outside its JSON: bytes, in the order they follow it. */
type Binaries = Uint8Array[];

const bytesOf = (view: ArrayBufferView): Uint8Array => new Uint8Array(view.buffer, view.byteOffset, view.byteLength);

/** Blob contents are read before encoding (reading is asynchronous, the encoder is not). */
export type BlobBytes = Map<Blob, Uint8Array>;

function encode(value: unknown, binaries: Binaries, blobs: BlobBytes): Json {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0) ? value : { [TAG]: 'number', v: Object.is(value, -0) ? '-0' : String(value) };
    case 'undefined':
      return { [TAG]: 'undefined' };
    case 'bigint':
      return { [TAG]: 'bigint', v: value.toString() };
    case 'object':
      break;
    default:
      throw new Error(`a ${typeof value} cannot be backed up`);
  }
  if (value === null) return null;
  if (Array.isArray(value)) return Array.from(value, (item) => encode(item, binaries, blobs));
  if (ArrayBuffer.isView(value)) {
    const name = value.constructor.name;
    if (!isViewName(name)) throw new Error(`a ${name} cannot be backed up`);
    return { [TAG]: name, b: binaries.push(bytesOf(value)) - 1 };
  }
  if (value instanceof ArrayBuffer) return { [TAG]: 'ArrayBuffer', b: binaries.push(new Uint8Array(value)) - 1 };
  if (value instanceof Date) return { [TAG]: 'Date', v: encode(value.getTime(), binaries, blobs) };
  if (typeof Blob !== 'undefined' && value instanceof Blob) {
    const bytes = blobs.get(value);
    if (!bytes) throw new Error('a Blob was not read before encoding');
    const b = binaries.push(bytes) - 1;
    if (typeof File !== 'undefined' && value instanceof File) return { [TAG]: 'File', type: value.type, name: value.name, lastModified: value.lastModified, b };
    return { [TAG]: 'Blob', type: value.type, b };
  }
  if (value instanceof Map) return { [TAG]: 'Map', v: Array.from(value, ([k, v]) => [encode(k, binaries, blobs), encode(v, binaries, blobs)]) };
  if (value instanceof Set) return { [TAG]: 'Set', v: Array.from(value, (v) => encode(v, binaries, blobs)) };
  if (value instanceof RegExp) return { [TAG]: 'RegExp', source: value.source, flags: value.flags };
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw new Error(`a ${proto?.constructor?.name ?? 'value'} cannot be backed up`);
  const out: { [key: string]: Json } = {};
  for (const [key, item] of Object.entries(value)) out[key] = encode(item, binaries, blobs);
  // An object of the data that happens to have the marker key is wrapped, so it is not read as one of ours.
  return Object.hasOwn(out, TAG) ? { [TAG]: 'object', v: out } : out;
}

/** The Blobs inside a value, to be read before it is encoded. */
export function blobsIn(value: unknown, found: Blob[] = []): Blob[] {
  if (typeof Blob !== 'undefined' && value instanceof Blob) found.push(value);
  else if (Array.isArray(value)) for (const item of value) blobsIn(item, found);
  else if (value instanceof Map) for (const [k, v] of value) (blobsIn(k, found), blobsIn(v, found));
  else if (value instanceof Set) for (const v of value) blobsIn(v, found);
  else if (value && typeof value === 'object' && !ArrayBuffer.isView(value) && !(value instanceof ArrayBuffer) && !(value instanceof Date)) {
    for (const item of Object.values(value)) blobsIn(item, found);
  }
  return found;
}

const damaged = (why: string) => new BackupError('damaged', why);

function decodeObject(json: { [key: string]: Json }, binaries: Binaries): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(json)) {
    // A key `__proto__` from a file is an own key like any other, never the object's prototype.
    if (key === '__proto__') Object.defineProperty(out, key, { value: decode(item, binaries), enumerable: true, writable: true, configurable: true });
    else out[key] = decode(item, binaries);
  }
  return out;
}

function decode(json: Json, binaries: Binaries): unknown {
  if (json === null || typeof json !== 'object') return json;
  if (Array.isArray(json)) return json.map((item) => decode(item, binaries));
  const tag = json[TAG];
  if (tag === undefined) return decodeObject(json, binaries);
  const bytes = (): Uint8Array => {
    const b = json.b;
    if (typeof b !== 'number' || !binaries[b]) throw damaged(`missing binary value ${String(b)}`);
    return binaries[b];
  };
  switch (tag) {
    case 'number':
      return json.v === '-0' ? -0 : Number(json.v);
    case 'undefined':
      return undefined;
    case 'bigint':
      return BigInt(String(json.v));
    case 'ArrayBuffer':
      return bytes().slice().buffer;
    case 'Date':
      return new Date(decode(json.v, binaries) as number);
    case 'Blob':
      return new Blob([bytes().slice()], { type: String(json.type ?? '') });
    case 'File':
      return new File([bytes().slice()], String(json.name ?? ''), { type: String(json.type ?? ''), lastModified: Number(json.lastModified) });
    case 'Map':
      return new Map((json.v as Json[][]).map(([k, v]) => [decode(k, binaries), decode(v, binaries)]));
    case 'Set':
      return new Set((json.v as Json[]).map((v) => decode(v, binaries)));
    case 'RegExp':
      return new RegExp(String(json.source), String(json.flags));
    case 'object': {
      const inner = json.v;
      if (!inner || typeof inner !== 'object' || Array.isArray(inner)) throw damaged('a wrapped object is not an object');
      return decodeObject(inner, binaries);
    }
  }
  if (isViewName(tag)) {
    // A copy: each array gets a buffer of its own, aligned, as it had when it was stored.
    const copy = bytes().slice();
    if (tag === 'DataView') return new DataView(copy.buffer);
    const View = VIEWS[tag];
    if (copy.byteLength % View.BYTES_PER_ELEMENT) throw damaged(`${tag} of ${copy.byteLength} bytes`);
    return new View(copy.buffer);
  }
  throw damaged(`unknown value type ${String(tag)}`);
}

// ---------------------------------------------------------------------------------------------
// The file

const utf8 = new TextEncoder();
const u32 = (n: number): Uint8Array => {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, n, true);
  return out;
};

interface Entry {
  table?: string;
  value?: Json;
  key?: Json;
  /** How many binary values follow the JSON (the value's and the key's, numbered from 0). */
  n?: number;
  end?: Record<string, number>;
}

function entryParts(entry: Entry, binaries: Binaries): Uint8Array[] {
  const json = utf8.encode(JSON.stringify(binaries.length ? { ...entry, n: binaries.length } : entry));
  const parts = [u32(json.byteLength), json];
  for (const bytes of binaries) parts.push(u32(bytes.byteLength), bytes);
  return parts;
}

async function gzip(parts: BlobPart[]): Promise<Blob> {
  const stream = new Blob(parts).stream().pipeThrough(new CompressionStream('gzip'));
  return new Response(stream).blob();
}

/**
 * The backup of `tables` as one file. Blobs inside the records are read first; the typed arrays
 * are not copied until the file's parts are joined.
 */
export async function writeBackup(tables: readonly BackupTable[], header: Omit<BackupHeader, 'format' | 'tables'>): Promise<Blob> {
  const blobs: BlobBytes = new Map();
  for (const table of tables) {
    for (const blob of blobsIn(table.rows)) if (!blobs.has(blob)) blobs.set(blob, new Uint8Array(await blob.arrayBuffer()));
  }
  const parts: Uint8Array[] = [];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    counts[table.name] = table.rows.length;
    table.rows.forEach((row, i) => {
      const binaries: Binaries = [];
      const entry: Entry = { table: table.name, value: encode(row, binaries, blobs) };
      if (table.keys) entry.key = encode(table.keys[i], binaries, blobs);
      parts.push(...entryParts(entry, binaries));
    });
  }
  parts.push(...entryParts({ end: counts }, []));
  const full: BackupHeader = { format: BACKUP_FORMAT, ...header, tables: counts };
  const head = utf8.encode(`${BACKUP_MAGIC}${JSON.stringify(full)}\n`);
  return new Blob([head as BlobPart, await gzip(parts as BlobPart[])], { type: 'application/octet-stream' });
}

/** The header is read from the first bytes; a longer first line is no header of ours. */
const HEAD_LIMIT = 64 * 1024;

/**
 * Reads a backup file back. Throws a BackupError — 'not-backup' (another kind of file), 'newer'
 * (a later format or database version than `database`), 'damaged' (cut short, changed, or not
 * readable) — before anything is returned, so nothing is restored from a bad file.
 */
export async function readBackup(file: Blob, database: number): Promise<Backup> {
  const start = new Uint8Array(await file.slice(0, HEAD_LIMIT).arrayBuffer());
  const magic = utf8.encode(BACKUP_MAGIC);
  if (start.length < magic.length || magic.some((b, i) => start[i] !== b)) throw new BackupError('not-backup');
  const lineEnd = start.indexOf(10, magic.length);
  if (lineEnd < 0) throw damaged('the header has no end');
  let header: BackupHeader;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(start.subarray(magic.length, lineEnd)));
  } catch {
    throw damaged('the header is not readable');
  }
  if (!header || typeof header !== 'object' || typeof header.format !== 'number' || typeof header.database !== 'number' || !header.tables || typeof header.tables !== 'object') {
    throw damaged('the header lacks its fields');
  }
  if (header.format > BACKUP_FORMAT || header.database > database) throw new BackupError('newer', `format ${header.format}, database ${header.database}`);

  let body: Uint8Array;
  try {
    const stream = file.slice(lineEnd + 1).stream().pipeThrough(new DecompressionStream('gzip'));
    body = new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (error) {
    throw damaged(`the contents cannot be unpacked (${error instanceof Error ? error.message : String(error)})`);
  }
  return { header, tables: readEntries(body, header) };
}

function readEntries(body: Uint8Array, header: BackupHeader): BackupTable[] {
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const text = new TextDecoder('utf-8', { fatal: true });
  const tables = new Map<string, BackupTable>();
  let at = 0;
  const take = (length: number): Uint8Array => {
    if (at + length > body.byteLength) throw damaged('the file ends in the middle of a record');
    const bytes = body.subarray(at, at + length);
    at += length;
    return bytes;
  };
  const length = () => {
    if (at + 4 > body.byteLength) throw damaged('the file ends in the middle of a record');
    const n = view.getUint32(at, true);
    at += 4;
    return n;
  };
  let end: Record<string, number> | null = null;
  while (at < body.byteLength) {
    if (end) throw damaged('records follow the end');
    let entry: Entry;
    try {
      entry = JSON.parse(text.decode(take(length())));
    } catch (error) {
      if (error instanceof BackupError) throw error;
      throw damaged('a record is not readable');
    }
    if (entry.end) {
      end = entry.end;
      continue;
    }
    if (typeof entry.table !== 'string' || !('value' in entry)) throw damaged('a record names no table');
    const binaries: Binaries = [];
    const n = entry.n ?? 0;
    if (!Number.isInteger(n) || n < 0) throw damaged('a record has a bad count of binary values');
    for (let k = 0; k < n; k++) binaries.push(take(length()));
    let table = tables.get(entry.table);
    if (!table) tables.set(entry.table, (table = { name: entry.table, rows: [] }));
    table.rows.push(decode(entry.value!, binaries));
    if ('key' in entry) (table.keys ??= []).push(decode(entry.key!, binaries));
  }
  if (!end) throw damaged('the file was cut short (its end is missing)');
  // Every table the header and the end name, with that many records; no table they do not name.
  const names = new Set([...Object.keys(header.tables), ...Object.keys(end), ...tables.keys()]);
  for (const name of names) {
    const n = tables.get(name)?.rows.length ?? 0;
    if (header.tables[name] !== n || end[name] !== n) throw damaged(`table ${name}: ${n} records, the file says ${header.tables[name]}`);
  }
  return Object.keys(header.tables).map((name) => tables.get(name) ?? { name, rows: [] });
}
