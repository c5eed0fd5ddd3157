/**
 * Which text encoding a file is in, and its text.
 *
 * The cascade of docs/methods.md §10.1: a byte-order mark decides; else
 * strict UTF-8 (which rejects nearly every Shift_JIS file, even a one-line one); else CP932,
 * which is what Excel on Japanese Windows writes as "CSV". No guessing library: jschardet
 * misreads short Japanese text.
 */

import type { FileEncoding } from '../engine/dataset';

export type Encoding = FileEncoding;

export const ENCODINGS: readonly Encoding[] = ['utf-8', 'shift_jis', 'utf-16le', 'utf-16be'];

export interface EncodingGuess {
  encoding: Encoding;
  /** True when the file starts with a byte-order mark. */
  bom: boolean;
}

export function detectEncoding(bytes: Uint8Array): EncodingGuess {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  // A sample may end inside a multi-byte character: `stream: true` keeps that tail pending
  // instead of calling it invalid.
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return { encoding: 'utf-8', bom: false };
  } catch {
    return { encoding: 'shift_jis', bom: false };
  }
}

/** Decodes a whole file (or a leading sample of it). TextDecoder drops a matching BOM itself. */
export function decodeText(bytes: Uint8Array, encoding: Encoding, sample = false): string {
  const text = new TextDecoder(encoding).decode(bytes, { stream: sample });
  // A UTF-8 BOM in front of a file declared as another encoding would otherwise become the first
  // header's first character ("\uFEFFタイムスタンプ").
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
