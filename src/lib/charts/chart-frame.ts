/**
 * A saved chart that explains itself: the chart as drawn on screen, framed by its title, what it
 * shows (the dataset, the filter in words), its legend, the events drawn on it by name, and where
 * it comes from, on a solid background. A PNG pasted into a slide or an SVG mailed on its own
 * then still says what it is.
 *
 * Pure: the layout is numbers and the picture a string, so both are tested without a browser;
 * ChartExport supplies the chart's markup, the theme's colours and a text measure.
 */
import { escapeMarkup } from '../present/markup';
import { labelWidth } from './geometry/text-width';

/** How a legend entry is drawn, as the chart draws the thing it names. */
export type LegendMark = 'swatch' | 'line' | 'dashed' | 'band' | 'point' | 'hollow' | 'diamond' | 'up' | 'down';

export interface LegendItem {
  label: string;
  /** A CSS colour (ChartExport resolves the theme's variables before framing). */
  color: string;
  mark: LegendMark;
}

/** A standalone SVG document and its size. */
export interface ChartPicture {
  markup: string;
  width: number;
  height: number;
}

export interface FramePalette {
  paper: string;
  ink: string;
  muted: string;
  event: string;
}

export interface ChartFrameInput {
  chart: ChartPicture;
  title: string;
  /** What the chart shows: the dataset, the filter in words — one entry per line. */
  caption: readonly string[];
  legend?: readonly LegendItem[];
  events?: ReadonlyArray<{ date: string; label: string }>;
  /** The word before the events ("Events"). */
  eventsHeading?: string;
  /** Where it comes from ("NPS Lines · 2025-01-31"). */
  footer?: string;
  palette: FramePalette;
  fontFamily?: string;
  /** Width of a text at a type size; an estimate when not given (tests, no canvas). */
  measure?: (text: string, size: number) => number;
}

const PAD = 16;
const TITLE = 17, TEXT = 12.5, SMALL = 10.5;
const LINE = 1.4;

export interface PlacedText {
  text: string;
  x: number;
  /** Baseline. */
  y: number;
  size: number;
}

export interface FrameLayout {
  width: number;
  height: number;
  title: PlacedText[];
  caption: PlacedText[];
  chart: { x: number; y: number };
  legend: Array<{ item: LegendItem; x: number; y: number; text: PlacedText }>;
  eventsHeading: PlacedText | null;
  events: Array<{ x: number; y: number; text: PlacedText }>;
  footer: PlacedText | null;
}

/**
 * Breaks `text` into lines no wider than `width`: at spaces where there are any, anywhere in
 * Japanese (which has none), and inside a word only when the word alone is too wide.
 */
export function wrapText(text: string, width: number, size: number, measure: (text: string, size: number) => number = labelWidth): string[] {
  const pieces = text.match(/[^\s\u3000-\u9fff\uff00-\uffef]+\s*|[\u3000-\u9fff\uff00-\uffef]\s*|\s+/g) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces) {
    if (line && measure((line + piece).trimEnd(), size) > width) {
      lines.push(line.trimEnd());
      line = '';
    }
    if (!line && measure(piece.trimEnd(), size) > width) {
      // One word wider than the line: cut it where it fills the line.
      let part = '';
      for (const ch of piece) {
        if (part && measure(part + ch, size) > width) {
          lines.push(part);
          part = '';
        }
        part += ch;
      }
      line = part;
      continue;
    }
    line += line || piece.trim() ? piece : '';
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/** Where everything goes: the chart at its own size, the texts wrapped to its width. */
export function chartFrameLayout(input: ChartFrameInput): FrameLayout {
  const measure = input.measure ?? labelWidth;
  const width = Math.round(Math.max(input.chart.width, 320) + 2 * PAD);
  const inner = width - 2 * PAD;
  let y = PAD;
  const lines = (text: string, size: number): PlacedText[] =>
    wrapText(text, inner, size, measure).map((line) => {
      const placed = { text: line, x: PAD, y: y + size, size };
      y += size * LINE;
      return placed;
    });

  const title = lines(input.title, TITLE);
  y += 2;
  const caption = input.caption.filter((c) => c.trim()).flatMap((c) => lines(c, TEXT));
  y += 8;
  const chart = { x: PAD, y };
  y += input.chart.height + 10;

  // Legend entries side by side, wrapping to the next row when the width is used up.
  const legend: FrameLayout['legend'] = [];
  let x = PAD;
  const rowHeight = TEXT * LINE + 2;
  for (const item of input.legend ?? []) {
    const w = 22 + measure(item.label, TEXT);
    if (x > PAD && x + w > PAD + inner) {
      x = PAD;
      y += rowHeight;
    }
    legend.push({ item, x, y, text: { text: item.label, x: x + 22, y: y + TEXT, size: TEXT } });
    x += w + 18;
  }
  if (legend.length) y += rowHeight + 4;

  let eventsHeading: PlacedText | null = null;
  const events: FrameLayout['events'] = [];
  if (input.events?.length) {
    eventsHeading = { text: input.eventsHeading ?? '', x: PAD, y: y + TEXT, size: TEXT };
    x = PAD + (eventsHeading.text ? measure(eventsHeading.text, TEXT) + 12 : 0);
    for (const event of input.events) {
      const text = `${event.date} ${event.label}`;
      const w = 16 + Math.min(measure(text, TEXT), inner - 16);
      if (x > PAD && x + w > PAD + inner) {
        x = PAD;
        y += rowHeight;
      }
      events.push({ x, y, text: { text, x: x + 16, y: y + TEXT, size: TEXT } });
      x += w + 18;
    }
    y += rowHeight + 4;
  }

  const footer = input.footer ? { text: input.footer, x: PAD, y: y + SMALL, size: SMALL } : null;
  if (footer) y += SMALL * LINE;
  return { width, height: Math.ceil(y + PAD - 4), title, caption, chart, legend, eventsHeading, events, footer };
}

function mark(item: LegendItem, x: number, y: number, palette: FramePalette): string {
  const c = escapeMarkup(item.color);
  const mid = y + TEXT * 0.62;
  switch (item.mark) {
    case 'line':
      return `<line x1="${x}" x2="${x + 16}" y1="${mid}" y2="${mid}" stroke="${c}" stroke-width="2.2"/>`;
    case 'dashed':
      return `<line x1="${x}" x2="${x + 16}" y1="${mid}" y2="${mid}" stroke="${c}" stroke-width="1.5" stroke-dasharray="4 3"/>`;
    case 'band':
      return `<rect x="${x}" y="${mid - 5}" width="16" height="10" fill="${c}" fill-opacity="0.18"/>`;
    case 'point':
      return `<circle cx="${x + 8}" cy="${mid}" r="4.5" fill="${c}"/>`;
    case 'hollow':
      return `<circle cx="${x + 8}" cy="${mid}" r="4.5" fill="${escapeMarkup(palette.paper)}" stroke="${c}" stroke-width="2"/>`;
    case 'diamond':
      return `<rect x="${x + 4}" y="${mid - 4}" width="8" height="8" fill="${c}" transform="rotate(45 ${x + 8} ${mid})"/>`;
    case 'up':
      return `<path d="M${x + 2},${mid + 5} h12 l-6,-10 z" fill="${c}"/>`;
    case 'down':
      return `<path d="M${x + 2},${mid - 5} h12 l-6,10 z" fill="${c}"/>`;
    default:
      return `<rect x="${x + 2}" y="${mid - 6}" width="12" height="12" rx="2" fill="${c}"/>`;
  }
}

function text(t: PlacedText, fill: string, weight = 400): string {
  return `<text x="${t.x}" y="${t.y}" font-size="${t.size}" font-weight="${weight}" fill="${escapeMarkup(fill)}">${escapeMarkup(t.text)}</text>`;
}

/** The framed chart as one standalone SVG document. */
export function chartFrame(input: ChartFrameInput): ChartPicture {
  const layout = chartFrameLayout(input);
  const { palette } = input;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}"${input.fontFamily ? ` font-family="${escapeMarkup(input.fontFamily)}"` : ''}>`,
    `<title>${escapeMarkup(input.title)}</title>`,
    // Numbers, not 100%: every viewer fills the whole picture, and the PNG is never transparent.
    `<rect x="0" y="0" width="${layout.width}" height="${layout.height}" fill="${escapeMarkup(palette.paper)}"/>`,
    ...layout.title.map((t) => text(t, palette.ink, 700)),
    ...layout.caption.map((t) => text(t, palette.muted)),
    `<g transform="translate(${layout.chart.x},${layout.chart.y})">${input.chart.markup}</g>`,
    ...layout.legend.map((l) => mark(l.item, l.x, l.y, palette) + text(l.text, palette.ink)),
    ...(layout.eventsHeading?.text ? [text(layout.eventsHeading, palette.muted, 600)] : []),
    ...layout.events.map((e) => mark({ label: '', color: palette.event, mark: 'diamond' }, e.x - 2, e.y, palette) + text(e.text, palette.ink)),
    ...(layout.footer ? [text(layout.footer, palette.muted)] : []),
    '</svg>',
  ];
  return { markup: parts.join('\n'), width: layout.width, height: layout.height };
}
