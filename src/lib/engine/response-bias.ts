/**
 * Who answered, of those invited (docs/methods.md §17.6). When the invited accounts are known, the
 * response rate per wave and per segment value with its Wilson interval, and — for the latest wave
 * — who never answered and who stopped answering (answered an earlier wave, not this one), with
 * the category mix of their last answers: the NPS the silent ones would weigh on. If those who
 * stopped were mostly detractors, the headline flatters.
 *
 * Views' filters are not applied: a filter on the answers cannot filter the list of the invited,
 * so its rates would mean nothing.
 */
import type { AnswerTable } from './answers';
import { joinKey, type InvitationList } from './account-files';
import { customerNames, type IdentityKind } from './customers';
import { benjaminiHochberg } from './many-tests';
import { categoryOf, CATEGORY_INDEX, countsOf, summarise, type Category, type NpsSummary } from './nps';
import { rateOf, rateVersusRest, type Rate } from './proportion';
import { assignWaves, WavePicker, type WavePick } from './transitions';

export interface WaveResponse {
  wave: string;
  /** Accounts invited to the wave, and those of them who answered it. */
  rate: Rate;
  /** Customers who answered the wave without being on its list. */
  answeredUninvited: number;
}

export interface SegmentResponse {
  column: string;
  rows: Array<{ value: string; rate: Rate; p: number | null; q: number | null }>;
}

export interface SilentAccount {
  account: string;
  /** The wave of the account's last answer, and that answer's score. */
  lastWave: string;
  lastScore: number;
  category: Category;
}

export interface ResponseView {
  /** Distinct accounts on the list, those found among the answers, those never found. */
  listed: number;
  matched: number;
  unmatched: number;
  /** The list names no wave: every wave is taken to have invited every account on it. */
  everyWave: boolean;
  /** Waves the list names that the answers do not have (a spelling to check). */
  unknownWaves: string[];
  byWave: WaveResponse[];
  /** The latest wave with invitations: the one the groups below describe. */
  wave: string | null;
  bySegment: SegmentResponse[];
  /** Invited to `wave` and answered it: their NPS (each one's latest answer in the wave). */
  answered: NpsSummary;
  /** Invited to `wave`, answered an earlier wave but not this one: their last answers. */
  stopped: SilentAccount[];
  stoppedMix: NpsSummary;
  /** Invited to `wave` and never answered any wave. */
  never: number;
  neverExamples: string[];
  /** The NPS of `answered` with the stopped ones counted at their last answer. */
  withStopped: NpsSummary;
}

/** Response rates and the silent accounts of an invitation list; null when the list joins nothing. */
export function responseView(table: AnswerTable, identity: IdentityKind, list: InvitationList): ResponseView | null {
  const waves = assignWaves(table);
  const names = customerNames(table, identity);
  const codeOf = new Map<string, number>();
  for (let c = 1; c < names.length; c++) if (names[c]) codeOf.set(joinKey(names[c]), c);
  const codes = list.accounts.map((id) => codeOf.get(joinKey(id)) ?? 0);
  const distinct = new Map<string, number>();
  list.accounts.forEach((id, k) => distinct.set(joinKey(id), codes[k]));
  const matched = [...distinct.values()].filter((c) => c > 0).length;

  const labelIndex = new Map(waves.labels.map((l, w) => [l, w]));
  const everyWave = !list.waves;
  const unknownWaves = everyWave ? [] : [...new Set(list.waves!.filter((w) => !labelIndex.has(w.trim())))];
  // invitations[w]: the list's rows inviting to wave w (one per distinct account).
  const invitations: number[][] = waves.labels.map(() => []);
  const seen = waves.labels.map(() => new Set<string>());
  list.accounts.forEach((id, k) => {
    const targets = everyWave ? waves.labels.map((_, w) => w) : [labelIndex.get(list.waves![k].trim()) ?? -1];
    for (const w of targets) {
      if (w < 0 || seen[w].has(joinKey(id))) continue;
      seen[w].add(joinKey(id));
      invitations[w].push(k);
    }
  });

  const picker = new WavePicker(table, waves);
  const picks: WavePick[] = waves.labels.map((_, w) => picker.pick(w));
  const byWave: WaveResponse[] = [];
  invitations.forEach((rows, w) => {
    if (!rows.length) return;
    const pick = picks[w];
    const invitedCodes = new Set(rows.map((k) => codes[k]).filter((c) => c > 0));
    const answered = rows.filter((k) => codes[k] > 0 && pick.answer[codes[k]] >= 0).length;
    let uninvited = 0;
    for (let j = 0; j < pick.count; j++) if (!invitedCodes.has(pick.customers[j])) uninvited++;
    byWave.push({ wave: waves.labels[w], rate: rateOf(answered, rows.length), answeredUninvited: uninvited });
  });
  if (matched === 0 && byWave.every((r) => r.rate.events === 0)) return null;

  let latest = -1;
  invitations.forEach((rows, w) => { if (rows.length) latest = w; });
  const empty = summarise({ promoters: 0, passives: 0, detractors: 0 });
  if (latest < 0) {
    return { listed: distinct.size, matched, unmatched: distinct.size - matched, everyWave, unknownWaves, byWave, wave: null, bySegment: [], answered: empty, stopped: [], stoppedMix: empty, never: 0, neverExamples: [], withStopped: empty };
  }
  const rows = invitations[latest], pick = picks[latest];
  const answeredCounts = [0, 0, 0], stoppedCounts = [0, 0, 0];
  const stopped: SilentAccount[] = [];
  const neverExamples: string[] = [];
  let never = 0;
  for (const k of rows) {
    const c = codes[k];
    if (c > 0 && pick.answer[c] >= 0) {
      answeredCounts[CATEGORY_INDEX[pick.score[c]]]++;
      continue;
    }
    let last = -1;
    for (let w = latest - 1; w >= 0 && last < 0; w--) if (c > 0 && picks[w].answer[c] >= 0) last = w;
    if (last < 0) {
      never++;
      if (neverExamples.length < 5) neverExamples.push(list.accounts[k]);
      continue;
    }
    const score = picks[last].score[c];
    stoppedCounts[CATEGORY_INDEX[score]]++;
    stopped.push({ account: list.accounts[k], lastWave: waves.labels[last], lastScore: score, category: categoryOf(score) });
  }
  stopped.sort((a, b) => a.lastScore - b.lastScore || (a.account < b.account ? -1 : 1));

  const bySegment = list.columns.segments.map((column, s) => {
    const values = new Map<string, { n: number; answered: number }>();
    for (const k of rows) {
      const value = (list.segments[s]?.[k] ?? '').trim();
      const cell = values.get(value) ?? { n: 0, answered: 0 };
      cell.n++;
      if (codes[k] > 0 && pick.answer[codes[k]] >= 0) cell.answered++;
      values.set(value, cell);
    }
    const all = rateOf([...values.values()].reduce((t, v) => t + v.answered, 0), rows.length);
    const segmentRows = [...values].map(([value, v]) => {
      const rate = rateOf(v.answered, v.n);
      return { value, rate, p: rateVersusRest(rate, all), q: null as number | null };
    });
    const tested = segmentRows.filter((r) => r.p !== null);
    benjaminiHochberg(tested.map((r) => r.p!)).forEach((q, j) => (tested[j].q = q));
    return { column, rows: segmentRows.sort((a, b) => (a.rate.rate ?? 0) - (b.rate.rate ?? 0) || (a.value < b.value ? -1 : 1)) };
  });
  const withStopped = answeredCounts.map((n, k) => n + stoppedCounts[k]);
  return {
    listed: distinct.size, matched, unmatched: distinct.size - matched, everyWave, unknownWaves, byWave,
    wave: waves.labels[latest], bySegment,
    answered: summarise(countsOf(answeredCounts, 0)),
    stopped, stoppedMix: summarise(countsOf(stoppedCounts, 0)),
    never, neverExamples,
    withStopped: summarise(countsOf(withStopped, 0)),
  };
}
