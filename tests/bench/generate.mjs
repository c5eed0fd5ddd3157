// Seeded synthetic NPS exports for `npm run bench`, shaped like real exports and like the one
// `../shared/perf/run` measures: a UUID per customer (most answer once, some several times), an
// ISO date-time, the score, four segment columns, and a ~45-character comment on ~60% of rows,
// made of an opening, a middle and a closing part (~1,600 distinct comments; some quoted, with a
// comma or a doubled quote inside). Short repeated ids and a dozen phrases, as before, made
// decoding and the duplicate check look cheaper than they are.
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { once } from 'node:events';

/** @param {number} seed */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A UUID-shaped id for customer `c`, the same for the same customer (two seeded 32-bit hashes). */
function customerId(/** @type {number} */ c) {
  const a = mulberry32(c * 2 + 1), b = mulberry32(c * 2 + 2);
  const hex = (/** @type {() => number} */ r, /** @type {number} */ n) => Math.floor(r() * 16 ** n).toString(16).padStart(n, '0');
  return `${hex(a, 8)}-${hex(a, 4)}-${hex(a, 4)}-${hex(b, 4)}-${hex(b, 6)}${hex(b, 6)}`;
}

const OPENINGS = [
  'サポートの対応がとても早くて', '画面が重くて', '値上げは納得できませんが', '新しいダッシュボードが見やすく', 'データの読み込みに時間がかかり',
  'Slack連携が便利で', '導入時のオンボーディングが丁寧で', '障害が多く', '価格に見合った価値があり', 'レポート機能がもう少し柔軟なら',
  '権限設定は概ね満足ですが', '管理画面の改善が早く', '"初期設定"の使い勝手が良く', 'モバイルアプリが使いやすく', '検索が遅くて',
  'The Slack integration', 'Support was slow', 'Onboarding was smooth and', 'The new reports', 'Pricing went up but',
];
const MIDDLES = [
  '助かりました', '使いにくいと感じることがあります', '機能には満足しています', '毎日使っています', '業務に支障が出ています',
  '現場からの評判も良いです', '要望を聞いてもらえていると感じます', 'saves us a lot of time', 'was hard to follow', 'works well for our team',
  'もう少し改善してほしいです', '他のツールより優れています', '慣れるまで時間がかかりました', 'チーム全体で活用しています', '期待以上でした',
  'not what we expected', 'is worth the price', '問い合わせへの返信が遅いです', '設定が分かりにくいです', '安定して動いています',
];
const CLOSINGS = ['', '。引き続きよろしくお願いします', '。担当の方に感謝しています', '。改善を期待しています', '. Thanks!', '。'];
const PLANS = ['フリー', 'スタンダード', 'プロ', 'エンタープライズ'];
const REGIONS = ['関東', '関西', '中部', '九州', '北海道・東北'];
const INDUSTRIES = ['製造', '小売', 'IT・通信', '金融', '医療', '建設', '物流'];
const CSMS = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺'];
const pad = (/** @type {number} */ n) => String(n).padStart(2, '0');

/**
 * Writes `rows` seeded answers to `path` (kept when it already exists) and returns its size in bytes.
 * @param {string} path
 * @param {number} rows
 * @param {number} [seed]
 */
export async function generateExport(path, rows, seed = 42) {
  if (existsSync(path)) return statSync(path).size;
  const rnd = mulberry32(seed);
  const out = createWriteStream(path);
  let buffer = 'customer_id,answered_at,score,plan,region,industry,csm,comment\n';
  for (let r = 0; r < rows; r++) {
    // ~60% as many customers as answers: most answer once, some across the year.
    const id = customerId(Math.floor(rnd() * rows * 0.6));
    const month = 1 + Math.floor(rnd() * 12), day = 1 + Math.floor(rnd() * 28);
    const date = `2024-${pad(month)}-${pad(day)}T${pad(8 + Math.floor(rnd() * 10))}:${pad(Math.floor(rnd() * 60))}:00+09:00`;
    const score = Math.min(10, Math.max(0, Math.round(7 + (rnd() - 0.45) * 7)));
    let comment = '';
    if (rnd() < 0.6) {
      comment = OPENINGS[Math.floor(rnd() * OPENINGS.length)] + MIDDLES[Math.floor(rnd() * MIDDLES.length)] + CLOSINGS[Math.floor(rnd() * CLOSINGS.length)];
      if (comment.includes('"') || rnd() < 0.2) comment = `"${comment.replaceAll('"', '""')}${rnd() < 0.5 ? '、でも, 全体としては満足' : ''}"`;
    }
    buffer += `${id},${date},${score},${PLANS[Math.floor(rnd() * 4)]},${REGIONS[Math.floor(rnd() * 5)]},${INDUSTRIES[Math.floor(rnd() * 7)]},${CSMS[Math.floor(rnd() * 6)]},${comment}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  return statSync(path).size;
}
