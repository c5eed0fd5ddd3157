// Seeded synthetic NPS exports for `npm run bench`, shaped like the exports the figures of
// docs/methods.md §10.6 were measured on: customer id, ISO date-time, score, four segment
// columns, a ~38-character Japanese comment on ~60% of rows (some quoted, with a comma inside).
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

const PHRASES = [
  'サポートの対応がとても早くて助かりました', '画面が重くて使いにくいと感じることがあります', '値上げは納得できませんが機能には満足',
  '新しいダッシュボードが見やすくなりました', 'データの読み込みに時間がかかりすぎる', 'Slack連携が便利で毎日使っています',
  '導入時のオンボーディングが丁寧でした', '障害が多く業務に支障が出ています', '価格に見合った価値があると思います',
  'レポート機能をもっと柔軟にしてほしい', 'The Slack integration saves us a lot of time', 'Support was slow to answer our tickets',
];
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
    const id = `C${String(Math.floor(rnd() * rows * 0.3)).padStart(7, '0')}`;
    const month = 1 + Math.floor(rnd() * 12), day = 1 + Math.floor(rnd() * 28);
    const date = `2024-${pad(month)}-${pad(day)}T${pad(8 + Math.floor(rnd() * 10))}:${pad(Math.floor(rnd() * 60))}:00+09:00`;
    const score = Math.min(10, Math.max(0, Math.round(7 + (rnd() - 0.45) * 7)));
    let comment = '';
    if (rnd() < 0.6) {
      comment = PHRASES[Math.floor(rnd() * PHRASES.length)] + '。' + PHRASES[Math.floor(rnd() * PHRASES.length)].slice(0, 14);
      if (rnd() < 0.2) comment = `"${comment}、でも, 全体としては満足"`;
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
