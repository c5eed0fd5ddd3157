/**
 * Where each answering customer was in its life with the company: onboarding (first 90 days),
 * adoption (to 12 months), mature, and the 90 days before a renewal — from the account's start and
 * renewal dates, or from a phase column when the data names phases itself.
 */
import { NO_DAY, type AnswerTable } from './answers';
import { hasText, textAt, textIsEmpty } from './text-column';
import type { NpsSummary } from './nps';
import { npsByGroup, type PeriodOptions, type PeriodSummary } from './periods';

export const STANDARD_PHASES = ['onboarding', 'adoption', 'mature', 'renewal'] as const;
export type StandardPhase = (typeof STANDARD_PHASES)[number];

export const ONBOARDING_DAYS = 90;
export const ADOPTION_DAYS = 365;
export const RENEWAL_WINDOW_DAYS = 90;

/** The phase of one answer from dates alone, or null when its start is unknown. */
export function phaseFromDates(day: number, since: number, renewal: number): StandardPhase | null {
  if (day === NO_DAY) return null;
  // The run-up to a renewal is what a CS team acts on, whatever the account's age.
  if (renewal !== NO_DAY && renewal - day >= 0 && renewal - day <= RENEWAL_WINDOW_DAYS) return 'renewal';
  if (since === NO_DAY || day < since) return null;
  const age = day - since;
  return age < ONBOARDING_DAYS ? 'onboarding' : age < ADOPTION_DAYS ? 'adoption' : 'mature';
}

export interface Phases {
  /** Phase names: the standard four, or the values of the data's phase column. */
  labels: string[];
  /** Per answer: index into labels, −1 when unknown. */
  phaseOf: Int16Array;
  /** Whether the labels are the standard ones (translate them) or the data's own. */
  standard: boolean;
}

/**
 * The phases of a table's answers, remembered per table (its columns do not change once built):
 * the Trend view asks on every visit and filter change, and a million answers take ~20 ms to read.
 */
const remembered = new WeakMap<AnswerTable, { of: readonly unknown[]; phases: Phases | null }>();

export function lifecyclePhases(table: AnswerTable): Phases | null {
  const of = [table.phase, table.day, table.since, table.renewal];
  const known = remembered.get(table);
  if (known && known.of.every((column, k) => column === of[k])) return known.phases;
  const phases = phasesOf(table);
  remembered.set(table, { of, phases });
  return phases;
}

function phasesOf(table: AnswerTable): Phases | null {
  const phaseOf = new Int16Array(table.length).fill(-1);
  if (hasText(table.phase)) {
    const labels: string[] = [];
    const index = new Map<string, number>();
    for (let i = 0, len = table.length; i < len; i++) {
      if (textIsEmpty(table.phase, i)) continue;
      const label = textAt(table.phase, i);
      let k = index.get(label);
      if (k === undefined) index.set(label, (k = labels.push(label) - 1));
      phaseOf[i] = k;
    }
    return { labels, phaseOf, standard: false };
  }
  let any = false;
  for (let i = 0, len = table.length; i < len; i++) {
    const phase = phaseFromDates(table.day[i], table.since[i], table.renewal[i]);
    if (phase) {
      phaseOf[i] = STANDARD_PHASES.indexOf(phase);
      any = true;
    }
  }
  return any ? { labels: [...STANDARD_PHASES], phaseOf, standard: true } : null;
}

/** A lifecycle phase with its NPS overall and per period. */
export interface PhaseNps {
  /** The standard phase's id (translated by the view), or the data's own phase name. */
  label: string;
  summary: NpsSummary;
  series: PeriodSummary[];
}

/**
 * NPS by lifecycle phase over the answers `include` keeps: null when the data says nothing of
 * phases; phases without a kept answer are left out.
 */
export function lifecycleView(table: AnswerTable, options: PeriodOptions, include?: Uint8Array): { standard: boolean; phases: PhaseNps[] } | null {
  const phases = lifecyclePhases(table);
  if (!phases) return null;
  const groups = npsByGroup(table, phases.phaseOf, phases.labels.map((_, k) => k), options, include);
  return {
    standard: phases.standard,
    phases: groups.filter((g) => g.summary.n > 0).map((g) => ({ label: phases.labels[g.group], summary: g.summary, series: g.series })),
  };
}
