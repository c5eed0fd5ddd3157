/**
 * Is a difference between two NPS values real? (docs/methods.md §3 and §4.)
 *
 * NPS is the mean of answers coded +1 / 0 / −1, so a difference of two NPS values is a difference
 * of means: z = ΔNPS / SE with the per-answer variance V = p + d − (p − d)². Independent groups
 * (two segments, two periods) add their variances; the same customers in two waves (paired) use
 * the spread of their individual changes instead, which is much smaller when people stay put.
 *
 * The distribution functions live here too (normal, χ², Student t) because every test in the
 * engine ends in one of them; they are written out so that the engine has no dependency.
 */
import type { CategoryCounts } from './nps';

export interface DifferenceTest {
  /** Points, group 1 − group 2 (for paired tests: wave 2 − wave 1). */
  difference: number;
  /** Standard error of the difference, points. */
  se: number;
  z: number;
  /** Two-sided p-value. */
  p: number;
}

// ---------------------------------------------------------------------------------------------
// Distributions

const SQRT2 = Math.SQRT2;
const SQRT_PI = Math.sqrt(Math.PI);

/**
 * erfc(x) for x ≥ 0 to ~1e-15 relative. Below 2.5 the series erf(x) = 2/√π·e^(−x²)·Σ (2x²)ⁿ·x /
 * (1·3·…·(2n+1)) has only positive terms (no cancellation, unlike the Taylor series); above, the
 * continued fraction for erfc converges in a few dozen steps and keeps relative accuracy far out in
 * the tail, where 1 − erf(x) would lose every digit (Abramowitz–Stegun 7.1.26 is only good to
 * 1.5e-7 absolute, useless for p-values of 1e-9).
 */
function erfcPositive(x: number): number {
  if (x >= 27) return 0; // below the smallest double (also makes erfc(∞) = 0 rather than NaN)
  if (x < 2.5) {
    const x2 = x * x;
    let term = x, sum = x;
    for (let n = 1; n < 200 && term > sum * 1e-17; n++) {
      term *= (2 * x2) / (2 * n + 1);
      sum += term;
    }
    return 1 - (2 / SQRT_PI) * Math.exp(-x2) * sum;
  }
  // erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + …))))), modified Lentz.
  const tiny = 1e-300;
  let f = x, c = x, d = 0;
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    d = x + a * d;
    d = d === 0 ? 1 / tiny : 1 / d;
    c = x + a / c;
    if (c === 0) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / (SQRT_PI * f);
}

export function erfc(x: number): number {
  return x >= 0 ? erfcPositive(x) : 2 - erfcPositive(-x);
}

/** Φ(z), the standard normal CDF; each tail is computed directly so small p keep their digits. */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return NaN;
  return z < 0 ? 0.5 * erfcPositive(-z / SQRT2) : 1 - 0.5 * erfcPositive(z / SQRT2);
}

/** Two-sided p of a standard normal statistic: 2·(1 − Φ(|z|)). */
export function twoSidedP(z: number): number {
  if (Number.isNaN(z)) return NaN;
  return Math.min(1, erfcPositive(Math.abs(z) / SQRT2));
}

// Lanczos approximation (g = 7, 9 terms), ~1e-15 relative for x > 0.
const LANCZOS = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];

export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
  x -= 1;
  let a = LANCZOS[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Q(a, x) = Γ(a, x)/Γ(a), the regularized upper incomplete gamma (series below a + 1, else Lentz). */
export function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  const logPrefix = a * Math.log(x) - x - lnGamma(a);
  if (x < a + 1) {
    let term = 1 / a, sum = term;
    for (let n = 1; n < 1000 && Math.abs(term) > Math.abs(sum) * 1e-16; n++) {
      term *= x / (a + n);
      sum += term;
    }
    return Math.max(0, 1 - sum * Math.exp(logPrefix));
  }
  const tiny = 1e-300;
  let b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d;
  for (let n = 1; n < 1000; n++) {
    const an = -n * (n - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(logPrefix) * h;
}

/**
 * Upper tail of χ² with df degrees of freedom. df 1 and 2 have closed forms (erfc(√(x/2)) and
 * e^(−x/2)), used by McNemar and by Stuart–Maxwell on a 3×3 table; other df go through Q(df/2, x/2).
 */
export function chiSquareP(x2: number, df: number): number {
  if (!(df > 0) || Number.isNaN(x2)) return NaN;
  if (x2 <= 0) return 1;
  if (df === 1) return erfcPositive(Math.sqrt(x2 / 2));
  if (df === 2) return Math.exp(-x2 / 2);
  return gammaQ(df / 2, x2 / 2);
}

/** I_x(a, b), the regularized incomplete beta, by its continued fraction (Numerical Recipes). */
function betaI(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  // The fraction converges fast only below the mean; use the symmetry I_x(a,b) = 1 − I_(1−x)(b,a).
  if (x > (a + 1) / (a + b + 2)) return 1 - betaI(1 - x, b, a);
  const front = Math.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  const tiny = 1e-300;
  let c = 1, d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < 1000; m++) {
    const m2 = 2 * m;
    for (const aa of [(m * (b - m) * x) / ((a + m2 - 1) * (a + m2)), (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1))]) {
      d = 1 + aa * d;
      if (Math.abs(d) < tiny) d = tiny;
      c = 1 + aa / c;
      if (Math.abs(c) < tiny) c = tiny;
      d = 1 / d;
      h *= d * c;
    }
    if (Math.abs(d * c - 1) < 1e-15) break;
  }
  return (front * h) / a;
}

/** Two-sided p of Student's t: P(|T| > |t|) = I_(df/(df+t²))(df/2, 1/2). */
export function studentTwoSidedP(t: number, df: number): number {
  return betaI(df / (df + t * t), df / 2, 0.5);
}

/** The t with P(|T| > t) = 1 − level (e.g. 2.1199 for level 0.95, df 16), by bisection. */
export function studentQuantile(level: number, df: number): number {
  const alpha = 1 - level;
  let lo = 0, hi = 1;
  while (studentTwoSidedP(hi, df) > alpha && hi < 1e8) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (studentTwoSidedP(mid, df) > alpha) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

// ---------------------------------------------------------------------------------------------
// Tests

/** z and two-sided p from a difference and its SE; a zero SE gives z 0 (no difference) or ±∞. */
export function differenceTest(difference: number, se: number): DifferenceTest {
  const z = se > 0 ? difference / se : difference === 0 ? 0 : Math.sign(difference) * Infinity;
  return { difference, se, z, p: twoSidedP(z) };
}

/** NPS (share) and per-answer variance, optionally with the adjusted-Wald (n + 3, +0.75) shift. */
function meanAndVariance(c: CategoryCounts, adjusted: boolean): { nps: number; variance: number; n: number } {
  const extra = adjusted ? 0.75 : 0;
  const n = c.promoters + c.passives + c.detractors + 4 * extra;
  const p = (c.promoters + extra) / n;
  const d = (c.detractors + extra) / n;
  return { nps: p - d, variance: p + d - (p - d) * (p - d), n };
}

/**
 * Two independent groups: difference = NPS₁ − NPS₂ in points. With `adjusted` (the default, as
 * for the interval) each group gets the (n + 3, +0.75) adjustment first, so that 10/0/0 does not
 * claim zero variance; its `difference` is then the adjusted one (24.27 rather than 25 for the
 * worked example of docs/methods.md §3). Null when either group has no answers.
 */
export function twoSampleTest(a: CategoryCounts, b: CategoryCounts, adjusted = true): DifferenceTest | null {
  if (a.promoters + a.passives + a.detractors === 0 || b.promoters + b.passives + b.detractors === 0) return null;
  const x = meanAndVariance(a, adjusted);
  const y = meanAndVariance(b, adjusted);
  return differenceTest(100 * (x.nps - y.nps), 100 * Math.sqrt(x.variance / x.n + y.variance / y.n));
}
