/** The follow-up list as CSV rows, headers in the UI's language (written by downloadCsv, formula-safe). */
import { t } from '$lib/i18n/locale.svelte';
import { daysOpen, type FollowUpRow, type FollowUpState } from '$lib/engine/follow-ups';

/** `inertia`: satisfaction is known, so the inertia-risk column means something (engine/csat.ts). */
export function followUpCsv(rows: readonly FollowUpRow[], states: ReadonlyMap<string, FollowUpState>, today: number, inertia = false): string[][] {
  const header = [
    t('followUp.status'), t('followUp.owner'), t('followUp.due'), t('followUp.notes'), t('table.score'), t('followUp.customer'),
    t('role.respondent'), t('role.date'), t('role.comment'), t('followUp.history'), t('followUp.revenue'), t('followUp.daysOpen'), ...(inertia ? [t('followUp.inertia')] : []),
  ];
  const body = rows.map((r) => {
    const s = states.get(r.key);
    return [
      t(`followUp.status.${s?.status ?? 'new'}`), s?.owner ?? '', s?.due ?? '', s?.notes ?? '', String(r.score), r.account, r.respondent, r.date, r.comment,
      r.history.map((h) => `${h.wave} ${h.score}`).join(' → '), r.revenue === null ? '' : String(r.revenue), String(daysOpen(r, today) ?? ''), ...(inertia ? [r.inertia ? '✓' : ''] : []),
    ];
  });
  return [header, ...body];
}
