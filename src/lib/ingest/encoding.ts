/**
 * Which text encoding a file is in, and its text.
 *
 * The cascade of docs/methods.md §10.1: a byte-order mark decides; then UTF-16 without one (NUL
 * bytes on one side); then strict UTF-8 (which rejects nearly every Shift_JIS file, even a
 * one-line one); then CP932, which is what Excel on Japanese Windows writes as "CSV" — unless
 * the bytes are EUC-JP (older Unix and web exports), which CP932 reads as a stream of half-width
 * katakana. Text that is none of these is read as Windows-1252 (Excel in Western Europe) and
 * marked uncertain, so the preview asks the person to choose. No guessing library: jschardet
 * misreads short Japanese text.
 */

import type { FileEncoding } from '../engine/dataset';
import { utf16WithoutBom } from './sniff';

export type Encoding = FileEncoding;

export const ENCODINGS: readonly Encoding[] = ['utf-8', 'shift_jis', 'utf-16le', 'utf-16be', 'euc-jp', 'windows-1252'];

export interface EncodingGuess {
  encoding: Encoding;
  /** True when the file starts with a byte-order mark. */
  bom: boolean;
  /** False when the bytes are not valid in any encoding we know of: the person should choose. */
  certain: boolean;
}

/** True when `bytes` decode without error (a sample may end inside a character: `stream`). */
function decodes(bytes: Uint8Array, encoding: string): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Share of the non-ASCII characters of a CP932 reading that are half-width katakana. */
function halfWidthKanaShare(bytes: Uint8Array): number {
  const text = new TextDecoder('shift_jis').decode(bytes.subarray(0, 64 * 1024), { stream: true });
  let wide = 0, kana = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    wide++;
    if (c >= 0xff61 && c <= 0xff9f) kana++;
  }
  return wide ? kana / wide : 0;
}

export function detectEncoding(bytes: Uint8Array): EncodingGuess {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: true, certain: true };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: true, certain: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: true, certain: true };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { encoding: utf16, bom: false, certain: true };
  // A sample may end inside a multi-byte character: `stream: true` keeps that tail pending
  // instead of calling it invalid.
  if (decodes(bytes, 'utf-8')) return { encoding: 'utf-8', bom: false, certain: true };
  const eucJp = decodes(bytes, 'euc-jp');
  if (decodes(bytes, 'shift_jis')) {
    // Japanese in CP932 is mostly full-width; EUC-JP bytes read as CP932 are mostly half-width kana.
    if (eucJp && halfWidthKanaShare(bytes) > 0.5) return { encoding: 'euc-jp', bom: false, certain: true };
    return { encoding: 'shift_jis', bom: false, certain: true };
  }
  if (eucJp) return { encoding: 'euc-jp', bom: false, certain: true };
  return { encoding: 'windows-1252', bom: false, certain: false };
}

/** Decodes a whole file (or a leading sample of it). TextDecoder drops a matching BOM itself. */
export function decodeText(bytes: Uint8Array, encoding: Encoding, sample = false): string {
  const text = new TextDecoder(encoding).decode(bytes, { stream: sample });
  // A UTF-8 BOM in front of a file declared as another encoding would otherwise become the first
  // header's first character ("\uFEFFタイムスタンプ").
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
