import { describe, expect, it } from 'vitest';
import { chartFrame, chartFrameLayout, wrapText, type ChartFrameInput } from './chart-frame';
import { labelWidth } from './geometry/text-width';

const chart = { markup: '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="300"><path d="M0,0"/></svg>', width: 600, height: 300 };
const palette = { paper: '#ffffff', ink: '#1b1f24', muted: '#555d66', event: '#7a5195' };
const input: ChartFrameInput = {
  chart,
  title: 'NPS over time',
  caption: ['Acme <Cloud> & "Partners"', 'Plan: Standard · 2024-04-01 – 2024-09-30'],
  legend: [
    { label: 'NPS', color: '#1f4e79', mark: 'line' },
    { label: '95% interval', color: '#1f4e79', mark: 'band' },
    { label: 'Event', color: '#7a5195', mark: 'diamond' },
  ],
  events: [{ date: '2024-04-01', label: 'Price increase' }, { date: '2024-10-01', label: '<img src=x onerror=alert(1)>' }],
  eventsHeading: 'Events',
  footer: 'NPS Lines · 2025-01-31',
  palette,
};

describe('chartFrame(input) saves a chart that explains itself', () => {
  it('writes the title, the dataset and filter, the legend, the events and the footer as text', () => {
    const { markup, width, height } = chartFrame(input);
    expect(markup.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(markup).toContain('>NPS over time</text>');
    expect(markup).toContain('>Acme &lt;Cloud&gt; &amp; &quot;Partners&quot;</text>');
    expect(markup).toContain('>Plan: Standard · 2024-04-01 – 2024-09-30</text>');
    expect(markup).toContain('>95% interval</text>');
    expect(markup).toContain('>2024-04-01 Price increase</text>');
    expect(markup).toContain('>NPS Lines · 2025-01-31</text>');
    // The chart as drawn, inside; the background a solid rectangle of the whole picture.
    expect(markup).toContain(`<g transform="translate(16,`);
    expect(markup).toContain(chart.markup);
    expect(markup).toContain(`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);
    expect(width).toBe(632);
  });

  it('escapes what came from a file: no markup from an event, a name or a title gets through', () => {
    const { markup } = chartFrame({ ...input, title: '</text><script>alert(1)</script>', palette: { ...palette, paper: '"/><script>' } });
    expect(markup).not.toMatch(/<script|<img/);
    expect(markup).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(markup).toContain('&lt;/text&gt;&lt;script&gt;');
    // What is left as tags is ours: no tag carries an event handler.
    const tags = markup.match(/<[^>]*>/g) ?? [];
    expect(tags.length).toBeGreaterThan(10);
    expect(tags.filter((tag) => /\son\w+\s*=/.test(tag))).toEqual([]);
  });

  it('lays out top to bottom: title, caption, chart, legend, events, footer — inside the picture', () => {
    const layout = chartFrameLayout(input);
    expect(layout.title[0].y).toBeLessThan(layout.caption[0].y);
    expect(layout.caption[1].y).toBeGreaterThan(layout.caption[0].y);
    expect(layout.chart.y).toBeGreaterThan(layout.caption[1].y);
    const chartBottom = layout.chart.y + chart.height;
    expect(Math.min(...layout.legend.map((l) => l.y))).toBeGreaterThanOrEqual(chartBottom);
    // Three legend entries fit one row of a 600-pixel chart, left to right.
    expect(new Set(layout.legend.map((l) => l.y)).size).toBe(1);
    expect(layout.legend.map((l) => l.x)).toEqual([...layout.legend.map((l) => l.x)].sort((a, b) => a - b));
    expect(layout.events[0].y).toBeGreaterThan(layout.legend[0].y);
    expect(layout.footer!.y).toBeGreaterThan(layout.events[0].y);
    expect(layout.height).toBeGreaterThan(layout.footer!.y);
    expect(layout.height).toBeLessThan(layout.footer!.y + 20);
  });

  it('wraps a legend and a caption too wide for a narrow chart onto more rows, never wider than the picture', () => {
    const narrow = { ...chart, width: 320 };
    const legend = Array.from({ length: 8 }, (_, i) => ({ label: `Category number ${i}`, color: '#000', mark: 'swatch' as const }));
    const long = 'Plan: Standard, Enterprise, Professional · Region: Kanto, Kansai, Kyushu · 2024-04-01 – 2024-09-30';
    const layout = chartFrameLayout({ ...input, chart: narrow, legend, caption: [long] });
    expect(new Set(layout.legend.map((l) => l.y)).size).toBeGreaterThan(2);
    for (const l of layout.legend) expect(l.text.x + labelWidth(l.text.text, l.text.size)).toBeLessThanOrEqual(layout.width - 16 + 0.001);
    expect(layout.caption.length).toBeGreaterThan(1);
    expect(layout.caption.map((c) => c.text).join(' ')).toBe(long);
  });

  it('draws no legend, event or footer rows that are not given', () => {
    const layout = chartFrameLayout({ chart, title: 'T', caption: [], palette });
    expect(layout.legend).toEqual([]);
    expect(layout.events).toEqual([]);
    expect(layout.footer).toBeNull();
    expect(layout.height).toBe(Math.ceil(layout.chart.y + chart.height + 10 + 12));
  });
});

describe('wrapText(text, width, size)', () => {
  it('breaks at spaces, and anywhere in Japanese', () => {
    expect(wrapText('one two three four', labelWidth('three four', 10), 10)).toEqual(['one two', 'three four']);
    const ja = wrapText('価格改定のあとに推奨者が減りました', 10 * 6, 10);
    expect(ja).toEqual(['価格改定のあ', 'とに推奨者が', '減りました']);
  });

  it('cuts a word wider than the line where it fills it', () => {
    expect(wrapText('abcdefghij', labelWidth('abcd', 10), 10)).toEqual(['abcd', 'efgh', 'ij']);
  });
});
