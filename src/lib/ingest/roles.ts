/**
 * What each column of an export is: the score, the answer's date, the customer, the comment…
 *
 * Decided from the header (English and Japanese words survey tools really write, see the
 * README's "Supported layouts") together with the values: a header that says "score" is
 * only the score when its values are whole numbers 0–10, and a column of such numbers is a score
 * candidate even under a question text nobody could predict.
 */
import { parseDate, parseScore } from './values';
import { parseAmount, parseChurn } from './flags';

export type ColumnRole =
  | 'score' | 'date' | 'account' | 'respondent' | 'comment' | 'wave'
  | 'churn' | 'revenue' | 'csat' | 'since' | 'renewal' | 'phase' | 'completion' | 'touchpoint' | 'segment' | 'ignore';
export const COLUMN_ROLES: readonly ColumnRole[] = ['score', 'date', 'account', 'respondent', 'comment', 'wave', 'churn', 'revenue', 'csat', 'since', 'renewal', 'phase', 'completion', 'touchpoint', 'segment', 'ignore'];
/** Roles only one column of a file may have. */
export const SINGLE_ROLES: readonly ColumnRole[] = ['score', 'date', 'account', 'respondent', 'comment', 'wave', 'churn', 'revenue', 'csat', 'since', 'renewal', 'phase', 'completion', 'touchpoint'];

/** Values of a "was this response finished?" column (Typeform's Response Type, Qualtrics' Finished). */
export const UNFINISHED = /^(partial|incomplete|false|0|未完了|途中)$/i;
const COMPLETION_VALUE = /^(completed?|partial|incomplete|finished|true|false|1|0|完了|未完了|途中)$/i;

const SCORE_HEADER = /score|nps|recommend|likel|rating|推奨|おすすめ|お勧め|オススメ|薦め|勧め|すすめ|スコア|点数/i;
/** Columns beside the score that carry its category or its group, never the score itself. */
const NOT_SCORE_HEADER = /group|category|segment|sentiment|type|分類|区分|カテゴリ|progress|duration|finished|latitude|longitude/i;
const DATE_HEADER = /date|time|timestamp|submitted|created|answered|responded|recorded|completed|日時|日付|回答日|タイムスタンプ|時刻|完了/i;
/** When several date columns exist, the moment of answering beats the moment of starting. */
const DATE_PREFERRED = /submit|complet|end|record|answer|respond|timestamp|タイムスタンプ|回答|完了/i;
const DATE_AVOIDED = /start|開始|modified|updated|sent|stage/i;
const ACCOUNT_HEADER = /account|company|customer|client|organi[sz]ation|external.?(data.?)?ref|tenant|kunde|kund(en)?nr|klant|cliente|cuenta|compte|soci[eé]t[eé]|empresa|unternehmen|firma|会社|企業|法人|顧客|取引先|組織|得意先/i;
/** Free fields survey tools pass through (SurveyMonkey's Custom Data 1): an account when they hold ids. */
const PASSED_THROUGH_HEADER = /custom.?(data|field|variable)|hidden.?field|embedded.?data|^(ref|reference)$/i;
const RESPONDENT_HEADER = /e-?mail|mail|メール|respondent|contact|person|user.?id|member|回答者|担当者/i;
/** Ids every tool gives each response: they identify an answer, not a person (docs/report-schema.md). */
const RESPONSE_ID_HEADER = /^(#|id|no\.?|respondent ?id|response ?id|responseid|response_id|submission ?id|回答id|回答番号)$/i;
const COMMENT_HEADER = /comment|reason|why|feedback|verbatim|open.?ended|text|remark|理由|コメント|ご意見|意見|自由|感想|要望|お聞かせ|記述/i;
const CHURN_HEADER = /churn|解約|退会|cancel|継続状況|契約状況/i;
/**
 * Satisfaction asked beside the recommendation question (CSAT, 1–5, 1–7 or 0–10): never the score,
 * unless the header also names the recommendation.
 */
export const CSAT_HEADER = /csat|satisf|満足/i;
const RECOMMEND_HEADER = /recommend|推奨|薦め|勧め|すすめ|おすすめ|お勧め|\bnps\b/i;
const REVENUE_HEADER = /revenue|\barr\b|\bmrr\b|\bacv\b|amount|ltv|売上|年額|月額|契約金額|契約額|金額|単価/i;
/** The account's start — not the survey's: Qualtrics' StartDate and Forms' Start time are responses'. */
const SINCE_HEADER = /contract.?start|customer.?since|account.?(created|start)|sign.?up|subscription.?start|start.?of.?contract|契約開始|導入日|利用開始|顧客登録|契約日/i;
const RENEWAL_HEADER = /renewal|renew|contract.?end|更新日|契約更新|契約終了/i;
/** Where or when the survey was asked: relationship survey, after a ticket, after onboarding… */
const TOUCHPOINT_HEADER = /touch.?point|survey.?(type|kind)|trigger|interaction.?type|^channel$|タッチポイント|接点|アンケート種別|調査種別|調査の種類|チャネル/i;
/** Values that name a touchpoint (a column whose header says nothing). */
const TOUCHPOINT_VALUE = /^(relationship|transactional|onboarding|support|ticket|renewal|post.?purchase|リレーション|トランザクション|サポート|問い合わせ|導入|更新|購入後)/i;
const PHASE_HEADER = /lifecycle|life.?cycle|phase|stage|フェーズ|ステージ|段階/i;
const COMPLETION_HEADER = /^(response type|finished|completed|回答状況|完了)$/i;
const WAVE_HEADER = /^(wave|survey|survey.?(wave|round|name|id)|iteration|round|調査回|実施回|回|第.*回|調査)$|wave|調査回|実施回/i;

/** True when any part of a (multi-row) header names a per-response id. */
function isResponseId(header: string): boolean {
  return header.split(' / ').some((part) => RESPONSE_ID_HEADER.test(part.trim()));
}

export interface ColumnProfile {
  header: string;
  /** Non-empty sample values. */
  filled: number;
  distinct: number;
  scoreShare: number;
  dateShare: number;
  /** Mean length of the non-empty values. */
  meanLength: number;
  /** Share of values that are only digits/punctuation (ids, numbers). */
  numericShare: number;
  /** Share of values that are one plain number: a date only under a date-like header. */
  plainNumberShare: number;
  churnShare: number;
  amountShare: number;
  completionShare: number;
  /** Share of values that look like ids: one token of letters, digits and - _ . (no spaces). */
  idShare: number;
  /** Share of values shaped like a code, a UUID or an e-mail: one token with a digit or an @. */
  codeShare: number;
  emailShare: number;
  /** Share of values that name a touchpoint (relationship, support ticket, onboarding…). */
  touchpointShare: number;
}

export function profileColumn(header: string, values: readonly string[]): ColumnProfile {
  let filled = 0, scores = 0, dates = 0, totalLength = 0, numeric = 0, plain = 0, churn = 0, amounts = 0, completion = 0, ids = 0, codes = 0, emails = 0, touchpoints = 0;
  const distinct = new Set<string>();
  for (const raw of values) {
    const v = raw.trim();
    if (!v) continue;
    filled++;
    distinct.add(v);
    totalLength += v.length;
    if (parseScore(v).ok && /^\s*\d/.test(v.normalize('NFKC'))) scores++;
    if (parseDate(v)) dates++;
    if (/^[\d\s.,:+\-/]+$/.test(v)) numeric++;
    if (/^\d+(\.\d+)?$/.test(v)) plain++;
    if (parseChurn(v) >= 0) churn++;
    if (Number.isFinite(parseAmount(v))) amounts++;
    if (COMPLETION_VALUE.test(v)) completion++;
    if (TOUCHPOINT_VALUE.test(v)) touchpoints++;
    if (/^[\p{L}\p{N}][\p{L}\p{N}_.\-@]*$/u.test(v)) {
      ids++;
      if (/[0-9@]/.test(v)) codes++;
      if (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v)) emails++;
    }
  }
  const share = (k: number) => (filled ? k / filled : 0);
  return {
    header,
    filled,
    distinct: distinct.size,
    scoreShare: share(scores),
    dateShare: share(dates),
    meanLength: filled ? totalLength / filled : 0,
    numericShare: share(numeric),
    plainNumberShare: share(plain),
    churnShare: share(churn),
    amountShare: share(amounts),
    completionShare: share(completion),
    idShare: share(ids),
    codeShare: share(codes),
    emailShare: share(emails),
    touchpointShare: share(touchpoints),
  };
}

/** A value of how strongly a column looks like the score; 0 = not at all. */
function scoreLikeness(p: ColumnProfile): number {
  if (p.filled === 0 || NOT_SCORE_HEADER.test(p.header)) return 0;
  if (CSAT_HEADER.test(p.header) && !RECOMMEND_HEADER.test(p.header)) return 0;
  const named = SCORE_HEADER.test(p.header);
  // A named score column may hold some bad cells (they are rejected row by row); an unnamed one
  // must be clearly made of scores.
  if (p.scoreShare < (named ? 0.5 : 0.9)) return 0;
  // 1/2/3 group codes and 0/1 flags are whole numbers 0–10 too: a score column shows a spread.
  if (!named && p.distinct < 4) return 0;
  return (named ? 10 : 1) + Math.min(p.distinct, 11) / 11;
}

function dateLikeness(p: ColumnProfile): number {
  if (p.filled === 0 || p.dateShare < 0.8) return 0;
  // A column of small whole numbers parses as Excel serials only by accident.
  if (p.scoreShare > 0.5) return 0;
  // Ids and amounts can fall in the Excel-serial or Unix-time ranges: plain numbers need a header.
  if (p.plainNumberShare > 0.5 && !DATE_HEADER.test(p.header)) return 0;
  let s = 1;
  if (DATE_HEADER.test(p.header)) s += 4;
  if (DATE_PREFERRED.test(p.header)) s += 2;
  if (DATE_AVOIDED.test(p.header)) s -= 2;
  return s;
}

/** Many distinct code-shaped values (not names, not a handful of segment values), some repeated. */
function identityShaped(p: ColumnProfile): boolean {
  return p.meanLength <= 64 && p.codeShare >= 0.9 && p.distinct >= Math.max(10, p.filled * 0.2) && p.distinct < p.filled && p.dateShare < 0.5 && p.scoreShare < 0.5 && p.amountShare < 0.5;
}

/** Proposes a role for every column. Each single role goes to its best candidate only. */
export function detectRoles(profiles: readonly ColumnProfile[], rowCount: number): ColumnRole[] {
  const roles: ColumnRole[] = profiles.map(() => 'ignore');
  const taken = (i: number) => roles[i] !== 'ignore';
  const pick = (role: ColumnRole, likeness: (p: ColumnProfile) => number) => {
    let best = -1, bestScore = 0;
    profiles.forEach((p, i) => {
      if (taken(i)) return;
      const s = likeness(p);
      if (s > bestScore) { best = i; bestScore = s; }
    });
    if (best >= 0) roles[best] = role;
  };
  pick('completion', (p) => (COMPLETION_HEADER.test(p.header.trim()) && p.completionShare >= 0.9 ? 1 : 0));
  pick('score', scoreLikeness);
  pick('date', dateLikeness);
  pick('account', (p) => {
    if (!p.filled || isResponseId(p.header)) return 0;
    if (ACCOUNT_HEADER.test(p.header)) return 2;
    // Ids repeat across answers but are many: not a segment, not a free-text field.
    const idLike = p.meanLength <= 40 && p.distinct > Math.max(5, p.filled * 0.05) && p.idShare >= 0.9;
    if (PASSED_THROUGH_HEADER.test(p.header) && idLike) return 1;
    // Whatever language the header is in, codes like C230104 or UUIDs, many of them and some
    // repeated, are customers answering more than once (a per-response id never repeats).
    return identityShaped(p) && p.emailShare < 0.5 ? 0.5 : 0;
  });
  pick('respondent', (p) => {
    if (!p.filled || isResponseId(p.header)) return 0;
    if (/e-?mail|メール/i.test(p.header)) return 2;
    if (RESPONDENT_HEADER.test(p.header)) return 1;
    return identityShaped(p) && p.emailShare >= 0.9 ? 0.5 : 0;
  });
  pick('churn', (p) => (CHURN_HEADER.test(p.header) && p.filled && p.churnShare >= 0.8 && p.distinct <= 6 ? 1 : 0));
  pick('revenue', (p) => (REVENUE_HEADER.test(p.header) && p.filled && p.amountShare >= 0.8 ? 1 : 0));
  pick('csat', (p) => (CSAT_HEADER.test(p.header) && !RECOMMEND_HEADER.test(p.header) && p.filled && p.scoreShare >= 0.8 ? 1 : 0));
  pick('since', (p) => (SINCE_HEADER.test(p.header) && p.filled && p.dateShare >= 0.8 ? 1 : 0));
  pick('renewal', (p) => (RENEWAL_HEADER.test(p.header) && p.filled && p.dateShare >= 0.8 ? 1 : 0));
  pick('phase', (p) => (PHASE_HEADER.test(p.header) && p.filled && p.distinct <= 12 && p.dateShare < 0.5 ? 1 : 0));
  pick('touchpoint', (p) => (p.filled && p.distinct >= 2 && p.distinct <= 12 && p.dateShare < 0.5 ? (TOUCHPOINT_HEADER.test(p.header.trim()) ? 2 : p.touchpointShare >= 0.8 ? 1 : 0) : 0));
  pick('wave', (p) => (WAVE_HEADER.test(p.header.trim()) && p.filled && p.distinct <= Math.max(50, rowCount / 5) ? 1 : 0));
  pick('comment', (p) => {
    if (!p.filled && !COMMENT_HEADER.test(p.header)) return 0;
    if (p.numericShare > 0.5 || p.scoreShare > 0.5) return 0;
    return (COMMENT_HEADER.test(p.header) ? 10 : 0) + Math.min(p.meanLength, 60) / 10 + (p.meanLength >= 12 ? 1 : 0) - 1;
  });
  profiles.forEach((p, i) => {
    // The NPS category a tool derives from the score (Qualtrics `_NPS_GROUP`, HubSpot `Sentiment`)
    // repeats the score: as a segment it would only confuse.
    if (taken(i) || isResponseId(p.header) || /nps.?group|sentiment/i.test(p.header)) return;
    // Plan, region, CSM, industry…: a handful of repeated values. Constant columns say nothing.
    const repeated = p.distinct >= 2 && p.distinct <= Math.min(60, Math.max(2, p.filled / 3));
    if (repeated && p.dateShare < 0.5 && p.meanLength <= 40) roles[i] = 'segment';
  });
  return roles;
}
