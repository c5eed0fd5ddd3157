import { describe, expect, it } from 'vitest';
import { CustomerKeys, plainIdentityCode } from './customer-keys';

const utf8 = new TextEncoder();

/** Codes by first appearance, as a Map of strings gives them (engine/customers.ts). */
function mapCodes(ids: readonly string[]): number[] {
  const seen = new Map<string, number>();
  return ids.map((id) => {
    let code = seen.get(id);
    if (code === undefined) seen.set(id, (code = seen.size + 1));
    return code;
  });
}

describe('CustomerKeys', () => {
  // Enough keys to grow every array several times; every third id repeats an earlier one.
  const ids = Array.from({ length: 60_000 }, (_, k) => (k % 3 === 2 ? `id-${(k * 7919) % k}` : `id-${k}`));
  ids.push('顧客-１', 'Ω', 'id-1 ', ' id-1', 'ID-1');

  it('gives codes in order of first appearance, the same as a Map of strings, through bytes or text', () => {
    const fromText = new CustomerKeys();
    const fromBytes = new CustomerKeys();
    const bytes = ids.map((id) => utf8.encode(id));
    expect(ids.map((id) => fromText.codeOfText(id))).toEqual(mapCodes(ids));
    expect(bytes.map((b) => fromBytes.codeOf(b, 0, b.length))).toEqual(mapCodes(ids));
    expect(fromText.count).toBe(new Set(ids).size);
    // Asked again, every id keeps its code.
    expect(ids.map((id) => fromBytes.codeOfText(id))).toEqual(mapCodes(ids));
  });

  it('packs its keys for another worker and is rebuilt from them with the same codes', () => {
    const keys = new CustomerKeys();
    for (const id of ids) keys.codeOfText(id);
    const packed = keys.packed();
    expect(packed.ends.length).toBe(keys.count + 1);
    expect(new TextDecoder().decode(packed.bytes.subarray(packed.ends[0], packed.ends[1]))).toBe('id-0');
    const rebuilt = CustomerKeys.fromPacked(packed);
    expect(ids.map((id) => rebuilt.codeOfText(id))).toEqual(mapCodes(ids));
    expect(rebuilt.count).toBe(keys.count);
  });

  it('reads an id from the bytes only when they are the id as identityCell makes it', () => {
    const keys = new CustomerKeys();
    const cell = (text: string) => {
      const b = utf8.encode(text);
      return plainIdentityCode(keys, b, 0, b.length);
    };
    expect(cell('  ACME-0000000001\t')).toBe(keys.codeOfText('ACME-0000000001'));
    // Short enough to be a placeholder ("anonymous"), or not ASCII: decoded first (−1).
    expect(cell('anonymous')).toBe(-1);
    expect(cell('ACME-000000001')).toBe(-1);
    expect(cell('顧客-00000000000001')).toBe(-1);
    expect(cell('\u00a0ACME-0000000001')).toBe(-1);
  });
});
