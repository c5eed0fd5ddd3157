/**
 * The command line's report of some files: read as the page reads them, made into a dataset as
 * the import worker makes it (ingest/assemble.ts) and reported as the page reports it
 * (engine/report.ts `datasetReport`). Kept apart from the command itself so a test can hold the
 * two to the same JSON.
 */
import { importFiles } from '../ingest/pipeline';
import { PreviewError, previewFile } from '../ingest/preview';
import { assembleImport } from '../ingest/assemble';
import { datasetReport, type Report } from '../engine/report';
import { translate, type Locale } from '../i18n/messages';
import { describeRejection } from '../i18n/rejection';
import { sniffFile } from '../ingest/sniff';
import { joinParts, readWorkbook, sheetToCsv, WorkbookError } from '../ingest/xlsx';
import { AccountFileError, planAccountFile, readAccountFile } from '../ingest/account-file';
import type { DatasetSettings } from '../engine/dataset';

export class AnalyzeError extends Error {}

/**
 * A workbook's first visible sheet as CSV, as the page reads it; a file that is not a table is
 * refused with the page's message. `--engine duckdb` calls it too (cli/duckdb/read-export.ts).
 */
export function asTable(source: { name: string; bytes: Uint8Array }, lang: Locale): { name: string; bytes: Uint8Array } {
  const kind = sniffFile(source.bytes.subarray(0, 256 * 1024));
  if (kind.kind === 'text') return source;
  if (kind.kind === 'not-csv') {
    const what = kind.what;
    const image = ['png', 'jpeg', 'gif', 'webp'].includes(what);
    const archive = ['gzip', 'rar', '7z'].includes(what);
    const key = image ? 'error.not-csv.image' : archive ? 'error.not-csv.archive' : what === 'zip' && kind.entry ? 'error.not-csv.zipEntry' : (`error.not-csv.${what}` as 'error.not-csv.zip');
    throw new AnalyzeError(translate(lang, key, { file: source.name, format: what.toUpperCase(), entry: kind.entry ?? '' }));
  }
  try {
    const workbook = readWorkbook(source.bytes);
    return { name: source.name, bytes: joinParts(sheetToCsv(source.bytes, workbook.sheets[workbook.first])) };
  } catch (error) {
    if (error instanceof WorkbookError) throw new AnalyzeError(translate(lang, 'error.workbook', { file: source.name, message: error.message }));
    throw error;
  }
}

/**
 * Files about the accounts (`--outcomes FILE`), read as the Outcomes view reads them: each is an
 * outcomes file and/or a list of the invited, as its columns say; a later file of a kind replaces
 * an earlier one, as in the app.
 */
export function accountSettings(files: ReadonlyArray<{ name: string; bytes: Uint8Array }>, lang: Locale): DatasetSettings {
  const settings: DatasetSettings = {};
  for (const file of files) {
    try {
      Object.assign(settings, readAccountFile(file.bytes, planAccountFile(file.bytes, file.name), 0));
    } catch (error) {
      if (error instanceof AccountFileError) throw new AnalyzeError(translate(lang, `accountFile.error.${error.problem}`, { file: file.name }));
      throw error;
    }
  }
  return settings;
}

export function analyzeFiles(given: ReadonlyArray<{ name: string; bytes: Uint8Array }>, lang: Locale, accountFiles: ReadonlyArray<{ name: string; bytes: Uint8Array }> = []): Report {
  const sources = given.map((source) => asTable(source, lang));
  const plans = sources.map((source) => {
    try {
      const plan = previewFile(source.bytes, true).plan;
      if (!plan.roles.includes('score')) throw new AnalyzeError(`${source.name}: ${translate(lang, 'preview.noScore')}`);
      return plan;
    } catch (error) {
      if (error instanceof PreviewError) throw new AnalyzeError(translate(lang, `error.${error.problem}`, { file: source.name }));
      throw error;
    }
  });
  const built = importFiles(sources, plans);
  const name = sources.map((s) => s.name).join(' + ');
  const { record, table } = assembleImport(built, { kind: 'new', id: 'cli', name }, {
    sources: sources.map((s) => ({ name: s.name, size: s.bytes.length })),
    plans,
    at: 0,
  });
  return datasetReport({ ...record, ...accountSettings(accountFiles, lang) }, table, {
    describe: (r) => describeRejection(lang, r),
    lang,
  });
}
