/**
 * The dataset being looked at, and everything that belongs to it: its record, its answers (from
 * memory when just imported, else read back from IndexedDB once), the view settings of the URL,
 * the company's events, the comment topics and words, and the analyses derived from them. The
 * dataset layout creates it and is its only owner; views read from it and ask it for what they
 * need (`needTopics`, `needWords`, `updateQuery`).
 */
import { goto } from '$app/navigation';
import { untrack } from 'svelte';
import { getDataset, loadDataset, removeFileAnswers, updateDatasetSettings } from '../db/datasets';
import { loadDictionary } from '../db/dictionary';
import { allFollowUps } from '../db/follow-ups';
import type { Report, ReportEvent } from '../engine/report';
import type { Topic } from '../engine/text/dictionary';
import { settingsOf, SETTING_NAMES, versionOf, type DatasetRecord, type DatasetSettings } from '../engine/dataset';
import { hasOutcomes } from '../engine/outcomes';
import { storedLookOf, type FirstLookSummary } from '../engine/first-look';
import { countKept, filterMask } from '../engine/filters';
import { oneVoicePerCustomer } from '../engine/one-voice';
import { mixedTouchpoints } from '../engine/touchpoints';
import { wavesOf } from '../engine/waves';
import { filterOf, parseViewQuery, withViewQuery, type ViewQuery } from './view-query';
import type { Rejection } from '../engine/dataset';
import { loadedDatasets } from './loaded-datasets.svelte';
import { releaseTextWorker, tagInWorker } from '../workers';
import { releaseFiguresWorker } from '../workers/figures';
import type { FigureArgs, FigureName } from '../engine/figures';
import { Figure, OFF_PAGE_FROM, type FigureInputs } from './figure.svelte';
import { Lagging } from './lagging.svelte';
import { DatasetEvents } from './events.svelte';
import { DatasetReferences } from './references.svelte';
import { CommentTopics } from './topics.svelte';
import { CommentWords } from './words.svelte';
import { announce, onCrossTab, type CrossTabMessage } from './cross-tab';
import { storageNotice, type Notice } from './notice';

/** Where the open dataset's id and view settings come from (the route and its URL). */
export interface DatasetSource {
  id(): string;
  /** The URL's hash: `#/datasets/ID/view?from=…` (the settings after `?`). */
  hash(): string;
}
import { answersKey } from '../engine/answers';

function withoutSettings(record: DatasetRecord): DatasetRecord {
  const out = { ...record };
  for (const name of SETTING_NAMES) delete out[name];
  return out;
}

export class OpenDataset {
  readonly #source: DatasetSource;
  readonly id = $derived.by(() => this.#source.id());
  status = $state<'loading' | 'ready' | 'missing' | 'failed'>('loading');
  /** Why the dataset could not be read ('failed'), or that another tab deleted it ('missing'). */
  loadProblem = $state<Notice | null>(null);
  /** The version of this tab's copy when another tab was found to have changed the dataset. */
  #staleAt = $state<number | null>(null);
  /** While the answers are read back: the first look stored with them, when it is of these answers. */
  storedLook = $state.raw<{ look: FirstLookSummary; employee: boolean } | null>(null);
  /** Why the last change asked of this dataset (removing a file's rows) was not made. */
  notice = $state<Notice | null>(null);
  readonly events = new DatasetEvents();
  /** Targets and industry figures drawn on the trend. */
  readonly references = new DatasetReferences();
  readonly topics = new CommentTopics(() => this.#syncWords());
  readonly words = new CommentWords();
  #wantsTopics = false;
  #wantsWords = false;

  readonly entry = $derived(this.id ? loadedDatasets.get(this.id) : undefined);
  readonly record = $derived(this.entry?.record ?? null);
  /**
   * Another tab changed the stored dataset since this tab read it: what is shown is an old copy
   * (the layout says so, with a button that reads it again), and a write from it is refused. A
   * newer copy (read again, or this tab's own append, made from what is stored) ends it.
   */
  readonly changedElsewhere = $derived(this.#staleAt !== null && this.record !== null && versionOf(this.record) <= this.#staleAt);
  readonly table = $derived(this.entry?.table ?? null);
  readonly identity = $derived(this.entry?.record.identity ?? null);
  readonly segmentColumns = $derived(this.entry?.record.segmentColumns ?? []);
  /** An employee survey (eNPS): employees and teams, follow-up off unless turned on. */
  readonly employee = $derived(this.record?.employee === true);
  /** Churn, revenue, satisfaction or the invited are known: the Outcomes view has something to show. */
  readonly hasOutcomes = $derived(this.table && this.record ? hasOutcomes(this.table, this.record) : false);
  /** Wave labels in order of their earliest answer. */
  readonly waves = $derived(this.table ? wavesOf(this.table) : []);
  /** The view settings of the URL (filters, period…). */
  readonly query = $derived.by(() => parseViewQuery(this.#source.hash()));
  /**
   * The URL's filter. Another view's URL with the same filter gives the same object back, so a
   * view switch computes nothing again from it (the mask, the headline: ~60 ms at a million).
   */
  readonly filter = $derived.by(() => {
    const filter = filterOf(this.query);
    const text = JSON.stringify(filter);
    if (this.#lastFilter?.text !== text) this.#lastFilter = { text, filter };
    return this.#lastFilter.filter;
  });
  #lastFilter: { text: string; filter: ReturnType<typeof filterOf> } | null = null;
  /**
   * The filter a task later. At a million answers the mask and everything computed from it on the
   * page follow in a task of their own, after the one that changed the URL and the filter bar
   * (together they came to ~55 ms, measured in Chromium); a few answers filter at once.
   */
  readonly #laterFilter: Lagging<OpenDataset['filter']>;
  /** Which answers the filter keeps (undefined: all). */
  readonly mask = $derived(this.table ? filterMask(this.table, this.segmentColumns, this.#maskFilter(this.table)) : undefined);
  /** How many answers the filter keeps (null: no filter). */
  readonly kept = $derived(this.mask ? countKept(this.mask) : null);
  /** One voice per customer is asked for and possible (customers are known). */
  readonly oneVoice = $derived(this.query.oneVoice && this.identity !== null);
  /**
   * The answers a figure over the whole filtered range counts: the filter's, or with one voice
   * per customer each customer's latest among them (a time line picks per period: trendView).
   * For the report; the views' figures pick them where they are computed (engine/figures.ts).
   */
  readonly counted = $derived(this.table && this.oneVoice ? oneVoicePerCustomer(this.table, this.mask) : this.mask);
  /** Several touchpoints among the kept answers: not like for like (engine/touchpoints.ts). */
  readonly touchpoints = $derived(this.table ? mixedTouchpoints(this.table, this.segmentColumns, this.mask) : null);
  // Depends on the answers, the identity and the filter only, not on the save state or name.
  // The first headline of these answers is computed here at once (~20 ms at a million: an import
  // or a reload shows it without waiting for the worker), a filter's in the figures worker.
  readonly #headline = new Figure('overview', () => this.figureInputs<'overview'>([this.identity, this.mask, this.oneVoice]), { firstOnPage: true });
  readonly overview = $derived(this.#headline.value);
  /** The headline shown is of the previous filter, the new one being computed. */
  readonly overviewPending = $derived(this.#headline.pending);
  /** The topic tags of these answers (null while tagging, or when they are of other answers). */
  readonly tags = $derived(this.topics.tags && this.table && this.topics.tags.length === this.table.length ? this.topics.tags : null);

  #maskFilter(table: { length: number }): OpenDataset['filter'] {
    return table.length >= OFF_PAGE_FROM ? this.#laterFilter.current : this.filter;
  }

  constructor(source: DatasetSource) {
    this.#source = source;
    this.#laterFilter = new Lagging(() => this.filter);
  }

  /**
   * Reads the dataset of the route (once; from memory when it is there) and its events. Called
   * from an effect: only the route's id is read tracked, so nothing else re-runs it.
   */
  load(): Promise<void> {
    const id = this.id;
    return untrack(() => this.#load(id));
  }

  async #load(id: string): Promise<void> {
    if (!loadedDatasets.get(id)) {
      this.status = 'loading';
      this.loadProblem = null;
      this.storedLook = null;
      // The record alone comes in a few milliseconds: its first look shows the NPS while the
      // answers are read (a million take ~0.3 s). Only while still loading this dataset.
      getDataset(id).then(
        (record) => {
          const look = record && storedLookOf(record);
          if (look && this.id === id && this.status === 'loading') this.storedLook = { look, employee: record.employee === true };
        },
        () => {},
      );
      let loaded: Awaited<ReturnType<typeof loadDataset>>;
      try {
        loaded = await loadDataset(id);
      } catch (error) {
        // Never "Loading…" for good: say why, and the layout keeps the way back to the list.
        if (this.id === id) {
          this.loadProblem = storageNotice(error);
          this.status = 'failed';
        }
        return;
      }
      if (!loaded) {
        if (this.id === id) this.status = 'missing';
        return;
      }
      loadedDatasets.set(id, { ...loaded, save: 'saved', failure: null });
    }
    if (this.id !== id) return;
    this.#staleAt = null;
    this.status = 'ready';
    this.storedLook = null;
    this.events.load(id);
    this.references.load(id);
    this.#refreshText();
  }

  /** A view shows comment topics: tag the answers (in the text worker) unless they are. */
  needTopics(): void {
    this.#wantsTopics = true;
    this.#refreshText();
  }

  /** A view shows words: read them from storage or count them, after the topics. */
  needWords(): void {
    this.#wantsWords = true;
    this.needTopics();
  }

  /** Changes the view settings in the URL, where every view reads them from. */
  updateQuery(change: Partial<ViewQuery>): void {
    goto(withViewQuery(this.#source.hash(), this.query, change), { replaceState: true, keepFocus: true, noScroll: true });
  }

  /** What a view's Figure computes from: these answers and `args` (null while there are none). */
  figureInputs<N extends FigureName>(args: FigureArgs<N>): FigureInputs<N> | null {
    return this.table && this.record ? { table: this.table, key: answersKey(this.record), args } : null;
  }

  /** The dataset's views were left: the workers need not keep its answers, a count stops. */
  close(): void {
    this.words.close();
    releaseTextWorker();
    releaseFiguresWorker();
  }

  #refreshText(): void {
    const { record, table } = this;
    if (!record || !table || !this.#wantsTopics) return;
    this.topics.open(table, answersKey(record)).then(() => this.#syncWords());
  }

  #syncWords(): void {
    const { record, table } = this;
    // The words kept whole come from the dictionary; a new count waits for the topic tagging
    // (on two cores the tokenising workers would slow the topics people see first).
    if (record && table && this.#wantsWords && this.topics.loaded) this.words.sync(record, table, this.topics.topics, this.topics.tagged);
  }

  /**
   * Removes one file's answers and rejected rows, in storage first (from the stored chunks, in one
   * transaction: rows another tab appended are kept), then on screen from what was stored. Refused,
   * with nothing changed, when another tab changed or deleted the dataset since this tab read it.
   */
  async removeFile(fileIndex: number): Promise<boolean> {
    const entry = this.entry;
    if (!entry || entry.save === 'saving') return false;
    const { record } = entry;
    try {
      const stored = await removeFileAnswers(record.id, fileIndex, versionOf(record));
      loadedDatasets.set(record.id, { ...stored, save: 'saved', failure: null });
      this.notice = null;
      announce({ type: 'dataset-changed', id: record.id, version: versionOf(stored.record) });
    } catch (error) {
      return this.#writeFailed(error, record.id);
    }
    this.#refreshText();
    return true;
  }

  /** A write refused or failed: say why, and follow another tab's change or deletion. */
  #writeFailed(error: unknown, id: string): false {
    const notice = storageNotice(error);
    this.notice = notice;
    if (notice.problem === 'changed') this.#markStale();
    if (notice.problem === 'deleted') this.#deletedElsewhere(id);
    return false;
  }

  /**
   * Changes what the person said about the dataset (employee survey, joined files, the at-risk
   * share): in storage first, refused when another tab changed the dataset since this tab read it,
   * then on screen from what was stored. Not while the import is still being stored.
   */
  async updateSettings(change: { [K in keyof DatasetSettings]?: DatasetSettings[K] | undefined }): Promise<boolean> {
    const entry = this.entry;
    if (!entry || entry.save !== 'saved') return false;
    const { record } = entry;
    try {
      const stored = await updateDatasetSettings(record.id, change, versionOf(record));
      loadedDatasets.update(record.id, { record: stored });
      this.notice = null;
      announce({ type: 'dataset-changed', id: record.id, version: versionOf(stored) });
      return true;
    } catch (error) {
      return this.#writeFailed(error, record.id);
    }
  }

  /** Reads the dataset again from storage (after another tab changed it). */
  reload(): Promise<void> {
    const id = this.id;
    this.notice = null;
    loadedDatasets.forget(id);
    return this.#load(id);
  }

  /**
   * Follows what other tabs do to the stored data while this tab shows the dataset. Called from
   * the layout's effect; returns the unsubscribe.
   */
  watch(): () => void {
    return onCrossTab((message) => untrack(() => this.#heard(message)));
  }

  async #heard(message: CrossTabMessage): Promise<void> {
    const id = this.id;
    if (message.type === 'dictionary-changed') return this.topics.reload(message.version);
    if (message.type === 'events-changed' && message.datasetId === id) return this.events.load(id);
    if (message.type === 'dataset-deleted' && message.id === id) return this.#deletedElsewhere(id);
    if (message.type !== 'dataset-changed' || message.id !== id) return;
    const entry = this.entry;
    // Its own import is still being stored here: the version it will store is the one to keep.
    if (!entry || entry.save === 'saving' || versionOf(entry.record) >= message.version) return;
    const stored = await getDataset(id).catch(() => undefined);
    if (!stored) return this.#deletedElsewhere(id);
    const current = this.entry;
    if (!current || this.id !== id) return;
    // A rename or a setting (employee survey, a joined file) changes no answer: follow it. Anything
    // else would change the figures under the person's eyes; say so and let them reload.
    if (answersKey(stored) === answersKey(current.record) && stored.files.length === current.record.files.length) {
      loadedDatasets.update(id, { record: { ...withoutSettings(current.record), ...settingsOf(stored), name: stored.name, updatedAt: stored.updatedAt, version: stored.version } });
    } else {
      this.#markStale();
    }
  }

  #markStale(): void {
    if (this.record) this.#staleAt = versionOf(this.record);
  }

  #deletedElsewhere(id: string): void {
    loadedDatasets.forget(id);
    if (this.id !== id) return;
    this.#staleAt = null;
    this.loadProblem = { key: 'dataset.deletedElsewhere' };
    this.status = 'missing';
  }

  /**
   * The report JSON of the whole dataset, with its events and the dictionary in use; rejection
   * reasons are written in the UI's language by `describe`.
   */
  async report(describe: (r: Rejection) => string, lang: 'ja' | 'en' = 'ja'): Promise<Report | null> {
    const { record, table } = this;
    if (!record || !table) return null;
    // Loaded on demand: the report pulls in the transition and comment engines, which the
    // overview does not need, so they stay out of the code the start page preloads.
    const [{ datasetReport }, { DEFAULT_TOPICS }] = await Promise.all([import('../engine/report'), import('../engine/text/dictionary')]);
    const dictionary = this.topics.loaded ? this.topics.topics : ((await loadDictionary().catch(() => null)) ?? DEFAULT_TOPICS);
    const events: ReportEvent[] = this.events.items.map(({ date, label, kind, segment }) => ({ date, label, kind, ...(segment ? { segment } : {}) }));
    // Comments are tagged in the text worker: reading a million of them here would freeze the page.
    const tags = await tagInWorker({ comment: table.comment, score: table.score, topics: $state.snapshot(dictionary) as Topic[], key: answersKey(record) }).then((r) => r.tags, () => undefined);
    const followUps = await allFollowUps().catch(() => undefined);
    return datasetReport(record, table, { describe, events, lang, topics: dictionary, tags, followUps });
  }
}
