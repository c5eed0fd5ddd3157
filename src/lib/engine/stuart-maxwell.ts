/**
 * Tests on a square table of the same customers in two waves (docs/methods.md §5.3–§5.4):
 * Stuart–Maxwell asks whether the category shares changed (marginal homogeneity),
 * McNemar–Bowker whether the moves one way balance the moves back (symmetry).
 *
 * counts[i][j] = customers in category i in the first wave and j in the second.
 */
import { chiSquareP } from './significance';

export interface ChiSquareTest {
  chi2: number;
  df: number;
  p: number;
}

/** True when some customer changed category: otherwise there is nothing to test. */
function anyoneMoved(counts: readonly (readonly number[])[]): boolean {
  const k = counts.length;
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) if (i !== j && (counts[i][j] ?? 0) > 0) return true;
  return false;
}

/**
 * Eigenvalues and eigenvectors of a small symmetric matrix by cyclic Jacobi rotations. The matrix
 * here is at most a few rows, so the simplest method that is exact for rank-deficient matrices is
 * the right one (a Cholesky- or LU-based inverse breaks down exactly in the singular case).
 */
function symmetricEigen(matrix: number[][]): { values: number[]; vectors: number[][] } {
  const n = matrix.length;
  const a = matrix.map((row) => row.slice());
  // vectors[k] is the k-th eigenvector (a column of V, stored as a row for convenience).
  const v: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p][q] * a[p][q];
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (a[p][q] === 0) continue;
        const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1), s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k][p], akq = a[k][q];
          a[k][p] = c * akp - s * akq;
          a[k][q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p][k], aqk = a[q][k];
          a[p][k] = c * apk - s * aqk;
          a[q][k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vp = v[p][k], vq = v[q][k];
          v[p][k] = c * vp - s * vq;
          v[q][k] = s * vp + c * vq;
        }
      }
    }
  }
  return { values: a.map((row, i) => row[i]), vectors: v };
}

/**
 * Stuart–Maxwell X² = dᵀ S⁻ d over the first k − 1 categories, with d = row sums − column sums,
 * Sᵢᵢ = rᵢ + cᵢ − 2nᵢᵢ and Sᵢⱼ = −(nᵢⱼ + nⱼᵢ).
 *
 * S is singular whenever all movement runs between one pair of categories (not only when nothing
 * moved), so S⁻ is the Moore–Penrose inverse and df = rank(S): a table where customers only moved
 * between passive and promoter is then McNemar's test on that pair, as it should be, instead of
 * "no result". d always lies in the range of S (it is a sum of the customers' own moves), so the
 * generalised inverse gives the same X² whichever category is dropped. Null when nobody moved.
 */
export function stuartMaxwell(counts: number[][]): ChiSquareTest | null {
  if (!anyoneMoved(counts)) return null;
  const k = counts.length;
  const m = k - 1;
  const row = (i: number) => counts[i].reduce((s, x) => s + x, 0);
  const col = (j: number) => counts.reduce((s, r) => s + (r[j] ?? 0), 0);
  const d = Array.from({ length: m }, (_, i) => row(i) - col(i));
  const S = Array.from({ length: m }, (_, i) =>
    Array.from({ length: m }, (_, j) => (i === j ? row(i) + col(i) - 2 * counts[i][i] : -(counts[i][j] + counts[j][i]))),
  );
  const { values, vectors } = symmetricEigen(S);
  // Counts are integers, so a true non-zero eigenvalue is far above rounding noise.
  const largest = Math.max(...values.map(Math.abs));
  const tolerance = 1e-9 * Math.max(1, largest);
  let chi2 = 0, df = 0;
  values.forEach((lambda, e) => {
    if (lambda <= tolerance) return;
    df++;
    const projection = vectors[e].reduce((s, x, i) => s + x * d[i], 0);
    chi2 += (projection * projection) / lambda;
  });
  if (df === 0) return null;
  return { chi2, df, p: chiSquareP(chi2, df) };
}

/**
 * McNemar–Bowker X² = Σᵢ<ⱼ (nᵢⱼ − nⱼᵢ)² / (nᵢⱼ + nⱼᵢ). A pair of categories nobody moved between
 * has no information (0/0), so it is left out of both the sum and df (df = k(k − 1)/2 when every
 * pair saw movement, 3 for a 3×3 table). Null when nobody moved.
 */
export function mcnemarBowker(counts: number[][]): ChiSquareTest | null {
  if (!anyoneMoved(counts)) return null;
  const k = counts.length;
  let chi2 = 0, df = 0;
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const both = counts[i][j] + counts[j][i];
      if (both === 0) continue;
      df++;
      chi2 += (counts[i][j] - counts[j][i]) ** 2 / both;
    }
  }
  return { chi2, df, p: chiSquareP(chi2, df) };
}
