/**
 * The whole import of a set of files, from bytes to answer columns: decode each file with its
 * plan, parse, validate, encode. The worker and the command-line tool both call this.
 */
import type { SegmentColumn } from '../engine/answers';
import { AnswerBuilder, type BuiltAnswers } from './build';
import { decodeText } from './encoding';
import { identityOfPlans, type FilePlan } from './preview';

export interface ImportSource {
  name: string;
  bytes: Uint8Array;
}

export interface ImportProgress {
  file: number;
  /** Share of all bytes done, 0–1. */
  share: number;
  /** Data rows read so far, accepted or rejected. */
  rows: number;
}

/**
 * The byte scanner reads UTF-8 and Shift_JIS directly; UTF-16 and the other encodings are decoded
 * (and encoded as UTF-8) first, and so is Shift_JIS with `|`, a byte that can be the second half
 * of a Shift_JIS character.
 */
export function canScanBytes(plan: FilePlan): boolean {
  return plan.encoding === 'utf-8' || (plan.encoding === 'shift_jis' && plan.delimiter !== '|');
}

export function importFiles(
  sources: readonly ImportSource[],
  plans: readonly FilePlan[],
  options: {
    segments?: readonly SegmentColumn[];
    firstId?: number;
    /** When appending: the index the first of these files gets in the dataset's file list. */
    fileOffset?: number;
    onProgress?: (p: ImportProgress) => void;
  } = {},
): BuiltAnswers {
  // Customer codes are assigned while reading: same rule as encodeCustomers (first appearance).
  const builder = new AnswerBuilder(options.segments, options.firstId, identityOfPlans(plans));
  const total = sources.reduce((s, f) => s + f.bytes.length, 0) || 1;
  let before = 0;
  const offset = options.fileOffset ?? 0;
  sources.forEach((source, i) => {
    const plan = plans[i];
    const progress = (share: number) => options.onProgress?.({ file: i, share: (before + share * source.bytes.length) / total, rows: builder.rowsRead });
    if (canScanBytes(plan)) builder.addFileBytes(offset + i, plan, source.bytes, progress);
    else builder.addText(offset + i, plan, decodeText(source.bytes, plan.encoding), progress);
    before += source.bytes.length;
  });
  return builder.finish();
}
