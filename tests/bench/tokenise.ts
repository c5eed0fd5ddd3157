// `npm run bench` step "tokenise": the word index (tiny-segmenter, default dictionary keywords kept
// whole) over generated comments, one thread (the app runs this in a worker). BENCH_COMMENTS sets
// how many (default 100,000).
import { packText } from '../../src/lib/engine/text-column';
import { DEFAULT_TOPICS } from '../../src/lib/engine/text/dictionary';
import { buildWordIndex, keepWholeWords } from '../../src/lib/engine/text/word-index';
import { mulberry32 } from '../../src/lib/engine/sample';

const PHRASES = [
  'サポートの対応がとても早くて助かりました。', '画面が重くて使いにくいと感じます。', '値上げは納得できません。', '新しいダッシュボードが見やすい。',
  'データの読み込みに時間がかかりすぎる。', 'Slack連携が便利で毎日使っています。', '導入時のオンボーディングが丁寧でした。', '障害が多く業務に支障が出ています。',
  'The Slack integration saves us time.', 'Support was slow to answer our tickets.',
];
const n = Number(process.env.BENCH_COMMENTS ?? 100_000);
const rnd = mulberry32(5);
const comment = packText(Array.from({ length: n }, () => PHRASES[Math.floor(rnd() * PHRASES.length)] + PHRASES[Math.floor(rnd() * PHRASES.length)].slice(0, 20)));
const keep = keepWholeWords(DEFAULT_TOPICS);
const t = performance.now();
const index = buildWordIndex(comment, 0, n, keep);
const seconds = (performance.now() - t) / 1000;
console.log(JSON.stringify({ bench: 'tokenise', comments: n, meanChars: Math.round(comment.text.length / n), seconds: Math.round(seconds * 100) / 100, words: index.words.length, tokens: index.tokens.length, keepWords: keep.length, projected600kSeconds: Math.round((seconds * 600_000) / n), where: 'node, one thread' }));
