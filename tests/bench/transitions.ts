// `npm run bench` step "transitions": every consecutive-wave matrix for 100,000 customers over
// 12 waves (engine only, in Node: the same code the page runs); then everything the transitions
// view shows for them (transitionsView), on its own JSON line.
import { blankTable } from '../../src/lib/engine/answers';
import { packText } from '../../src/lib/engine/text-column';
import { allTransitions, WavePicker } from '../../src/lib/engine/transitions';
import { transitionsView } from '../../src/lib/engine/transitions-view';

const customers = 100_000, waves = 12, n = customers * waves;
const table = blankTable(n);
const labels: string[] = new Array(n);
let seed = 7;
for (let w = 0, i = 0; w < waves; w++) {
  for (let c = 1; c <= customers; c++, i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    // Not everyone answers every wave.
    table.customer[i] = seed % 10 < 8 ? c : 0;
    table.score[i] = (seed >>> 8) % 11;
    table.day[i] = 19_000 + 30 * w + (c % 20);
    table.seconds[i] = -1;
    labels[i] = `Wave ${w + 1}`;
  }
}
table.wave = packText(labels);
const times: number[] = [];
for (let round = 0; round < 7; round++) {
  const t = performance.now();
  allTransitions(table);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({ bench: 'transitions', customers, waves, answers: n, ms: Math.round(times[3]), firstMs: Math.round(Math.max(...times)), where: 'node, engine only' }));

// The view: the chosen pair (the last two waves) with its cells, drivers over a plan column,
// every consecutive pair and the watch-list.
const plan = new Uint16Array(n);
for (let i = 0; i < n; i++) plan[i] = 1 + (table.customer[i] % 3);
table.segments = [plan];
const segmentColumns = [{ name: 'plan', values: ['', 'Free', 'Pro', 'Enterprise'] }];
const viewTimes: number[] = [];
for (let round = 0; round < 7; round++) {
  const t = performance.now();
  transitionsView(table, { segmentColumns });
  viewTimes.push(performance.now() - t);
}
viewTimes.sort((a, b) => a - b);
// Picks of one view, counted outside the timed rounds.
let picks = 0;
const pick = WavePicker.prototype.pick;
WavePicker.prototype.pick = function (this: WavePicker, ...args: Parameters<typeof pick>) {
  picks++;
  return pick.apply(this, args);
};
transitionsView(table, { segmentColumns });
WavePicker.prototype.pick = pick;
console.log(JSON.stringify({ bench: 'transitions-view', customers, waves, answers: n, ms: Math.round(viewTimes[3]), firstMs: Math.round(Math.max(...viewTimes)), picks, where: 'node, engine only' }));
