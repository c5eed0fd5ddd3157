/**
 * The report's `churn`, `revenue` and `responses` under `--engine duckdb`. **Not SQL**: these
 * follow each account through its answers (its latest answer, or its latest before the day it
 * left; its answer of the wave before, for falling passives; the invited joined per wave), logic
 * the engine has in engine/accounts.ts, churn.ts, revenue.ts and response-bias.ts. Rather than a
 * second version of it in SQL, DuckDB streams the kept answers back (counts.ts OUTCOME_ANSWERS:
 * order, score, date, customer, wave, churn, revenue, satisfaction — nothing else) and the
 * engine's own outcomesReport runs on an answer table made of them. This happens only when the
 * answers or a `--outcomes` file know churn, revenue or satisfaction; then memory grows with the
 * answers (about 40 bytes each, plus the ids and wave labels), unlike the rest of this engine.
 */
import { blankTable, NO_DAY } from '../../engine/answers';
import { packText } from '../../engine/text-column';
import { outcomesReport } from '../../engine/outcomes-report';
import type { DatasetSettings } from '../../engine/dataset';
import type { Report } from '../../engine/report';
import { HAS_OUTCOMES, OUTCOME_ANSWERS } from '../../warehouse/counts';
import type { Database } from './database';

type Identity = 'account' | 'respondent' | null;

export async function outcomesOfKept(db: Database, identity: Identity, settings: DatasetSettings): Promise<Pick<Report, 'churn' | 'revenue' | 'responses'>> {
  const given = !!(settings.outcomes || settings.invited);
  if (!given && !(await db.rows<{ known: boolean }>(HAS_OUTCOMES))[0].known) return {};
  const [{ n }] = await db.rows<{ n: number }>('SELECT CAST(count(*) AS INTEGER) AS n FROM kept;');
  const table = blankTable(n);
  const ids: string[] = new Array(n), waves: string[] = new Array(n);
  const codeOf = new Map<string, number>();
  let i = 0;
  const result = await db.connection.stream(OUTCOME_ANSWERS);
  for await (const rows of result.yieldRowsJs()) {
    for (const [file, row, score, day, seconds, customer, wave, churn, revenue, csat] of rows) {
      table.id[i] = i;
      table.file[i] = file as number;
      table.row[i] = row as number;
      table.score[i] = score as number;
      table.day[i] = day === null ? NO_DAY : (day as number);
      table.seconds[i] = seconds as number;
      const id = customer as string;
      if (id) {
        let code = codeOf.get(id);
        if (code === undefined) codeOf.set(id, (code = codeOf.size + 1));
        table.customer[i] = code;
      }
      ids[i] = id;
      waves[i] = wave as string;
      table.churn[i] = churn as number;
      table.revenue[i] = revenue === null ? NaN : (revenue as number);
      table.csat[i] = csat as number;
      i++;
    }
  }
  const text = packText(ids);
  if (identity === 'account') table.account = text;
  else if (identity === 'respondent') table.respondent = text;
  table.wave = packText(waves);
  return outcomesReport({ identity, ...settings }, table);
}
