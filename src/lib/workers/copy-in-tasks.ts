/**
 * Copies of typed arrays for transferring to a worker, made one array per task. Posting tens of
 * megabytes as one message copies them all in the page's task (a million answers' columns or
 * comments: 40–90 ms with the collection it caused); a copy per task keeps each under ~5 ms, and
 * the copies then move to the worker without being copied again.
 */
import type { TextColumn } from '../engine/text-column';
import type { TextWire } from '../engine/text-units';

export async function copiesInTasks<T extends ArrayBufferView>(arrays: readonly T[]): Promise<{ copies: T[]; transfer: ArrayBuffer[] }> {
  const copies: T[] = [];
  for (const array of arrays) {
    await new Promise((next) => setTimeout(next, 0));
    copies.push((array as unknown as { slice(): T }).slice());
  }
  return { copies, transfer: [...new Set(copies.map((copy) => copy.buffer as ArrayBuffer))] };
}

/** A text column to transfer: its code units and ends copied a piece per task; text already decoded as it is (postMessage copies it). */
export async function textInTasks(wire: TextColumn | TextWire): Promise<{ wire: TextColumn | TextWire; transfer: ArrayBuffer[] }> {
  if (!('units' in wire)) return { wire, transfer: [] };
  const { copies: [ends, ...units], transfer } = await copiesInTasks<ArrayBufferView>([wire.ends, ...wire.units]);
  return { wire: { ends: ends as Uint32Array, units: units as TextWire['units'] }, transfer };
}
