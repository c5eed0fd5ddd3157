/**
 * Saving a chart as SVG or PNG, framed so that it explains itself (chart-frame.ts: title, what it
 * shows, legend, events, on a solid background). The chart's look comes from scoped CSS, which a
 * standalone file does not have: the computed styles are copied onto a clone of the SVG first.
 */
import { downloadBlob } from '../components/download';
import { chartFrame, type ChartPicture, type LegendItem } from './chart-frame';

/** What a saved chart says around the chart itself. */
export interface ChartContext {
  title: string;
  caption: readonly string[];
  legend: readonly LegendItem[];
  events: ReadonlyArray<{ date: string; label: string }>;
  eventsHeading: string;
  footer: string;
}

const STYLED = ['fill', 'fill-opacity', 'stroke', 'stroke-opacity', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-size', 'font-family', 'font-weight', 'text-anchor', 'dominant-baseline', 'paint-order'];

function standalone(svg: SVGSVGElement): ChartPicture {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const source = [svg, ...svg.querySelectorAll('*')];
  const target = [clone, ...clone.querySelectorAll('*')];
  // Each element gets what differs from its parent (SVG inherits all of these but opacity): the
  // same font written on every one of a thousand marks made files ten times their size.
  const computed = new Map<Element, CSSStyleDeclaration>();
  source.forEach((element, i) => {
    const style = getComputedStyle(element);
    computed.set(element, style);
    const parent = element === svg ? null : computed.get(element.parentElement!);
    const declarations = STYLED.filter((p) => !parent || (p === 'opacity' ? style.opacity !== '1' : style.getPropertyValue(p) !== parent.getPropertyValue(p))).map((p) => `${p}:${style.getPropertyValue(p)}`);
    if (declarations.length) target[i].setAttribute('style', declarations.join(';'));
    else target[i].removeAttribute('style');
  });
  const box = svg.viewBox.baseVal;
  const width = box?.width || svg.clientWidth;
  const height = box?.height || svg.clientHeight;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  return { markup: new XMLSerializer().serializeToString(clone), width, height };
}

/** A colour of the theme (`var(--promoter)`) as the chart shows it now. */
function resolve(color: string, style: CSSStyleDeclaration): string {
  const variable = /^var\((--[\w-]+)\)$/.exec(color.trim());
  return variable ? style.getPropertyValue(variable[1]).trim() || '#000000' : color;
}

let canvas: CanvasRenderingContext2D | null | undefined;
function measurer(fontFamily: string): ((text: string, size: number) => number) | undefined {
  canvas ??= document.createElement('canvas').getContext('2d');
  const context = canvas;
  if (!context) return undefined;
  return (text, size) => {
    context.font = `${size}px ${fontFamily}`;
    return context.measureText(text).width;
  };
}

/** The chart in its frame, in the theme's colours (dark in the dark theme, as on screen). */
export function framedChart(svg: SVGSVGElement, context: ChartContext): ChartPicture {
  const style = getComputedStyle(svg);
  const fontFamily = getComputedStyle(document.documentElement).fontFamily;
  const palette = {
    paper: resolve('var(--paper)', style) || '#ffffff',
    ink: resolve('var(--ink)', style),
    muted: resolve('var(--muted)', style),
    event: resolve('var(--event)', style),
  };
  return chartFrame({
    ...context,
    chart: standalone(svg),
    legend: context.legend.map((item) => ({ ...item, color: resolve(item.color, style) })),
    palette,
    fontFamily,
    measure: measurer(fontFamily),
  });
}

export function saveSvg(svg: SVGSVGElement, fileName: string, context: ChartContext): void {
  downloadBlob(`${fileName}.svg`, new Blob([framedChart(svg, context).markup], { type: 'image/svg+xml' }));
}

export async function savePng(svg: SVGSVGElement, fileName: string, context: ChartContext, scale = 2): Promise<void> {
  const { markup, width, height } = framedChart(svg, context);
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the chart could not be drawn'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context2d = canvas.getContext('2d')!;
    // The paper first, whatever the picture does: a PNG is never transparent in a slide.
    context2d.fillStyle = resolve('var(--paper)', getComputedStyle(svg)) || '#ffffff';
    context2d.fillRect(0, 0, canvas.width, canvas.height);
    context2d.scale(scale, scale);
    context2d.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the chart could not be encoded');
    downloadBlob(`${fileName}.png`, blob);
  } finally {
    URL.revokeObjectURL(url);
  }
}
