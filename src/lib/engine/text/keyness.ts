/**
 * Which words set one group of comments apart from another (detractors vs promoters, this period
 * vs the last): G² log-likelihood, and weighted log-odds with an informative prior (Monroe,
 * Colaresi & Quinn 2008), which ranks rare words more sensibly in short comments. Formulas and
 * worked examples: docs/methods.md §7.
 */

/** G² of a word with `a` of `n1` tokens in corpus 1 and `b` of `n2` in corpus 2. */
export function logLikelihood(a: number, n1: number, b: number, n2: number): number {
  const e1 = (n1 * (a + b)) / (n1 + n2);
  const e2 = (n2 * (a + b)) / (n1 + n2);
  return 2 * ((a > 0 ? a * Math.log(a / e1) : 0) + (b > 0 ? b * Math.log(b / e2) : 0));
}

export interface LogOdds {
  delta: number;
  sigma: number;
  z: number;
}

/**
 * Weighted log-odds of a word with `y1` of `n1` tokens vs `y2` of `n2`. `alpha`: the word's prior
 * count; `alpha0`: the prior's total (uniform prior: 1 and the vocabulary size; informative
 * prior: A·(y1+y2)/(n1+n2) and A).
 */
export function weightedLogOdds(y1: number, n1: number, y2: number, n2: number, alpha: number, alpha0: number): LogOdds {
  const delta = Math.log((y1 + alpha) / (n1 + alpha0 - y1 - alpha)) - Math.log((y2 + alpha) / (n2 + alpha0 - y2 - alpha));
  const sigma = Math.sqrt(1 / (y1 + alpha) + 1 / (y2 + alpha));
  return { delta, sigma, z: delta / sigma };
}

export interface KeyWord {
  word: string;
  /** Occurrences in group 1 and group 2. */
  count1: number;
  count2: number;
  g2: number;
  z: number;
}

/**
 * Words ranked by how much more group 1 uses them than group 2 (positive z) or less (negative),
 * by weighted log-odds with an informative prior of size `priorSize`; G² given beside it.
 */
export function keyWords(group1: ReadonlyMap<string, number>, group2: ReadonlyMap<string, number>, priorSize = 1000, minCount = 3): KeyWord[] {
  let n1 = 0, n2 = 0;
  for (const c of group1.values()) n1 += c;
  for (const c of group2.values()) n2 += c;
  if (!n1 || !n2) return [];
  const words = new Set([...group1.keys(), ...group2.keys()]);
  const out: KeyWord[] = [];
  for (const word of words) {
    const y1 = group1.get(word) ?? 0, y2 = group2.get(word) ?? 0;
    if (y1 + y2 < minCount) continue;
    const alpha = (priorSize * (y1 + y2)) / (n1 + n2);
    out.push({ word, count1: y1, count2: y2, g2: logLikelihood(y1, n1, y2, n2), z: weightedLogOdds(y1, n1, y2, n2, alpha, priorSize).z });
  }
  return out.sort((a, b) => b.z - a.z);
}
