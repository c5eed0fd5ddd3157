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
import { AccountFileError, planAccountFile, readAccountFile } from '../ingest/account-file';
import type { DatasetSettings } from '../engine/dataset';

export class AnalyzeError extends Error {}

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

export function analyzeFiles(sources: ReadonlyArray<{ name: string; bytes: Uint8Array }>, lang: Locale, accountFiles: ReadonlyArray<{ name: string; bytes: Uint8Array }> = []): Report {
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
    describe: (r) => translate(lang, `reason.${r.code}`, { value: r.value }),
    lang,
  });
}
