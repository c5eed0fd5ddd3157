import { describe, expect, it } from 'vitest';
import { DEFAULT_TOPICS } from './dictionary';
import { normaliseComment } from './normalise';
import { LexiconHits, READER_ENTRIES, READER_KIND, scanLexicon } from './polarity';
import { expand, prefixes, TrieIndex } from './scan';
import { compileTopics } from './topics';

describe('expand', () => {
  it('lists the words of a finite fragment', () => {
    expect(expand('slow(er|ly)?')).toEqual(new Set(['slow', 'slower', 'slowly']));
    expect(expand('遅(い|く|かっ)')).toEqual(new Set(['遅い', '遅く', '遅かっ']));
    expect(expand('[がは]ない')).toEqual(new Set(['がない', 'はない']));
  });
  it('gives up (null) on lookarounds, repetition and open classes', () => {
    expect(expand('高(?!速)')).toBeNull();
    expect(expand('a+')).toBeNull();
    expect(expand('[^a]b')).toBeNull();
    expect(expand('\\w')).toBeNull();
  });
});

describe('prefixes', () => {
  it('reads what every match starts with, skipping lookbehinds', () => {
    expect(prefixes('(?<![最割])高(い|く)', 4)).toEqual(new Set(['高い', '高く']));
    expect(prefixes('\\bsupport(?! for)', 4)).toEqual(new Set(['supp']));
  });
  it('is null when a match could start with anything', () => {
    expect(prefixes('.abc')).toBeNull();
    expect(prefixes('x?')).toBeNull();
  });
});

/** Independent reference: one global regex alternation with a named group per entry. */
function referenceHits(text: string): string[] {
  const re = new RegExp(READER_ENTRIES.map((e, i) => `(?<e${i}>${e.source})`).join('|'), 'g');
  const out: string[] = [];
  for (const m of text.matchAll(re)) {
    const entry = Object.entries(m.groups!).find(([, v]) => v !== undefined)![0];
    out.push(`${m.index}:${m.index + m[0].length}:${READER_KIND[Number(entry.slice(1))]}`);
  }
  return out;
}

const SAMPLES = [
  '機能は良いが価格が高い。サポートは丁寧ですが、返信が遅い',
  'もう少し安ければ嬉しい。特に問題ありません',
  'The support team is great but the product is buggy. Not slow at all!',
  'No problems so far, great support; would be nice to have an API',
  '不安定で不具合が多く、困っています。でも動作は速くない',
  '値上げは納得できません。コスパが高いとは思わない',
  'Setup took far too long, however the docs are easy to read',
];

describe('TrieIndex', () => {
  it('finds the same breaks and lexicon words as one regex alternation of the entries', () => {
    const hits = new LexiconHits();
    for (const sample of SAMPLES) {
      const text = normaliseComment(sample);
      scanLexicon(text, hits);
      const ours = Array.from({ length: hits.count }, (_, k) => `${hits.start[k]}:${hits.end[k]}:${hits.kind[k]}`);
      expect(ours, sample).toEqual(referenceHits(text));
    }
  });
  it('finds each topic where its own regex finds it first', () => {
    const compiled = compileTopics(DEFAULT_TOPICS);
    const entry = new Int32Array(64);
    const end = new Int32Array(64);
    for (const sample of SAMPLES) {
      const text = normaliseComment(sample);
      for (const t of compiled.topics) {
        const m = t.pattern.exec(text);
        const index = new TrieIndex(t.keywords.map((k) => ({ source: k.pattern.source, body: k.body, word: k.word })));
        let first = -1;
        for (let p = 0; p < text.length && first < 0; p++) if (index.matchAt(text, p, entry, end) > 0) first = p;
        expect(first, `${t.id} in ${sample}`).toBe(m ? m.index : -1);
      }
    }
  });
});
