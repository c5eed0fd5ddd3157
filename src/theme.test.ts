/**
 * The colours of src/app.css, light and dark, checked against WCAG 2.x AA: 4.5:1 for text,
 * 3:1 for graphics (bars, lines, markers, focus rings) against what they are drawn on.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('./app.css', import.meta.url), 'utf8');

function variables(block: string): Record<string, string> {
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})\s*;/g)].map((m) => [m[1], m[2].toLowerCase()]));
}
const light = variables(css.slice(css.indexOf(':root {'), css.indexOf('}', css.indexOf(':root {'))));
const darkAt = css.search(/@media [^{]*\(prefers-color-scheme: dark\)/);
const dark = { ...light, ...variables(css.slice(darkAt, css.indexOf('}', darkAt))) };
const themes = { light, dark };

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}
/** `share` of colour a over colour b, as the comment heat cells draw it. */
function mix(a: string, b: string, share: number): string {
  return '#' + [1, 3, 5].map((i) => Math.round(parseInt(a.slice(i, i + 2), 16) * share + parseInt(b.slice(i, i + 2), 16) * (1 - share)).toString(16).padStart(2, '0')).join('');
}

/** [foreground, background] pairs of text as the components use them. */
const TEXT: Array<[string, string]> = [
  ['ink', 'paper'], ['ink', 'wash'], ['muted', 'paper'], ['muted', 'wash'], ['muted', 'info-bg'],
  ['accent', 'paper'], ['accent', 'wash'], ['accent-ink', 'accent'],
  ['ink', 'info-bg'], ['ink', 'warn-bg'], ['ink', 'danger-bg'], ['ink', 'mark-bg'], ['ink', 'neutral-bg'],
  ['ink', 'pos-bg'], ['ink', 'neg-bg'],
  ['up-ink', 'paper'], ['up-ink', 'pos-bg'], ['down-ink', 'paper'], ['down-ink', 'neg-bg'],
  ['warn-ink', 'paper'], ['warn-ink', 'warn-bg'], ['ok-ink', 'paper'], ['ok-ink', 'wash'], ['danger', 'paper'], ['danger', 'wash'], ['danger', 'danger-bg'],
  ['event-ink', 'paper'], ['event-ink', 'event-bg'],
  // The labels of the reference lines are written in their line's colour.
  ['target', 'paper'], ['benchmark', 'paper'],
  ['badge-ink', 'badge-promoter'], ['badge-ink', 'badge-passive'], ['badge-ink', 'badge-detractor'], ['badge-ink', 'urgent-bg'],
];
/** Graphics and the surface they are drawn on. */
const GRAPHICS: Array<[string, string]> = [
  ['promoter', 'paper'], ['passive', 'paper'], ['detractor', 'paper'],
  ['series', 'paper'], ['event', 'paper'], ['axis-zero', 'paper'], ['focus', 'paper'], ['focus', 'wash'],
  ['flow-urgent', 'paper'], ['flow-worsened', 'paper'], ['control-line', 'paper'], ['control-line', 'wash'],
  ['level', 'paper'], ['change', 'paper'], ['trend-mark', 'paper'], ['projection', 'paper'], ['target', 'paper'], ['benchmark', 'paper'],
];

describe.each(Object.entries(themes))('the %s theme', (_, theme) => {
  it('defines every colour it is checked for', () => {
    const used = new Set([...TEXT, ...GRAPHICS].flat());
    expect([...used].filter((name) => !theme[name])).toEqual([]);
  });

  it('has text contrast of at least 4.5:1', () => {
    const low = TEXT.filter(([fg, bg]) => contrast(theme[fg], theme[bg]) < 4.5).map(([fg, bg]) => `${fg} on ${bg}: ${contrast(theme[fg], theme[bg]).toFixed(2)}`);
    expect(low).toEqual([]);
  });

  it('has graphics contrast of at least 3:1', () => {
    const low = GRAPHICS.filter(([fg, bg]) => contrast(theme[fg], theme[bg]) < 3).map(([fg, bg]) => `${fg} on ${bg}: ${contrast(theme[fg], theme[bg]).toFixed(2)}`);
    expect(low).toEqual([]);
  });

  it('keeps counts readable on the strongest comment heat cell (35% of the category colour)', () => {
    expect(contrast(theme['up-ink'], mix(theme.promoter, theme.paper, 0.35))).toBeGreaterThanOrEqual(4.5);
    expect(contrast(theme['down-ink'], mix(theme.detractor, theme.paper, 0.35))).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps promoter, passive and detractor apart from one another', () => {
    // CIE76 ΔE in Lab: over 20 is clearly a different colour, not a shade of the same one.
    const lab = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => {
        const c = parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
      const [x, y, z] = [(0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b, (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883].map(f);
      return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
    };
    const deltaE = (a: string, b: string) => Math.hypot(...lab(a).map((v, i) => v - lab(b)[i]));
    const pairs = [['promoter', 'passive'], ['promoter', 'detractor'], ['passive', 'detractor']];
    expect(pairs.filter(([a, b]) => deltaE(theme[a], theme[b]) < 20)).toEqual([]);
  });
});

describe('the dark theme', () => {
  it('is dark: light text on a dark page', () => {
    expect(luminance(dark.wash)).toBeLessThan(0.05);
    expect(luminance(dark.paper)).toBeLessThan(0.05);
    expect(luminance(dark.ink)).toBeGreaterThan(0.6);
  });
});
