// `npm run bench` step "tagging": topics and polarity of 600,000 comments of ~40 characters
// (engine only, in Node: the same code the text worker runs).
import { blankTable } from '../../src/lib/engine/answers';
import { packText } from '../../src/lib/engine/text-column';
import { DEFAULT_TOPICS } from '../../src/lib/engine/text/dictionary';
import { compileTopics } from '../../src/lib/engine/text/topics';
import { tagComments } from '../../src/lib/engine/text/tag';
import { mulberry32 } from '../../src/lib/engine/sample';

const PHRASES = [
  'サポートの対応がとても早くて助かりました。', '画面が重くて使いにくいと感じます。', '値上げは納得できません。', '新しいダッシュボードが見やすい。',
  'データの読み込みに時間がかかりすぎる。', 'Slack連携が便利で毎日使っています。', '導入時のオンボーディングが丁寧でした。', '障害が多く業務に支障が出ています。',
  'The Slack integration saves us time.', 'Support was slow to answer our tickets.', 'Pricing is too high for small teams.', 'Very easy to use and intuitive.',
];
const n = 600_000;
const rnd = mulberry32(11);
const comments = Array.from({ length: n }, () => {
  const a = PHRASES[Math.floor(rnd() * PHRASES.length)];
  return rnd() < 0.5 ? a : a + PHRASES[Math.floor(rnd() * PHRASES.length)].slice(0, 18);
});
const table = blankTable(n);
table.comment = packText(comments);
for (let i = 0; i < n; i++) table.score[i] = Math.floor(rnd() * 11);
const chars = table.comment.text.length;
const compiled = compileTopics(DEFAULT_TOPICS);
const times: number[] = [];
for (let round = 0; round < 3; round++) {
  const t = performance.now();
  tagComments(table, compiled);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({ bench: 'tagging', comments: n, meanChars: Math.round(chars / n), seconds: Math.round(times[1]) / 1000, where: 'node, engine only (the text worker runs the same code)' }));
