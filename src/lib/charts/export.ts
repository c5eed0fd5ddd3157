/**
 * Saving a chart as SVG or PNG. The chart's look comes from scoped CSS, which a standalone file
 * does not have: the computed styles are copied onto a clone of the SVG first.
 */
import { downloadText } from '../components/download';

const STYLED = ['fill', 'fill-opacity', 'stroke', 'stroke-opacity', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-size', 'font-family', 'font-weight', 'text-anchor', 'dominant-baseline'];

function standalone(svg: SVGSVGElement): { markup: string; width: number; height: number } {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const source = [svg, ...svg.querySelectorAll('*')];
  const target = [clone, ...clone.querySelectorAll('*')];
  source.forEach((element, i) => {
    const style = getComputedStyle(element);
    const declarations = STYLED.map((p) => `${p}:${style.getPropertyValue(p)}`).join(';');
    target[i].setAttribute('style', declarations);
  });
  const box = svg.viewBox.baseVal;
  const width = box?.width || svg.clientWidth;
  const height = box?.height || svg.clientHeight;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  // The card's own colour behind the chart, as on screen (dark in the dark theme, where the text
  // is light): transparent PNGs look broken in slides.
  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', getComputedStyle(svg).getPropertyValue('--paper').trim() || '#ffffff');
  clone.insertBefore(background, clone.firstChild);
  return { markup: new XMLSerializer().serializeToString(clone), width, height };
}

export function saveSvg(svg: SVGSVGElement, fileName: string): void {
  downloadText(`${fileName}.svg`, standalone(svg).markup, 'image/svg+xml');
}

export async function savePng(svg: SVGSVGElement, fileName: string, scale = 2): Promise<void> {
  const { markup, width, height } = standalone(svg);
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the chart could not be drawn'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = width * scale;
    canvas.height = height * scale;
    const context = canvas.getContext('2d')!;
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the chart could not be encoded');
    const pngUrl = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = pngUrl;
    a.download = `${fileName}.png`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(pngUrl), 10_000);
  } finally {
    URL.revokeObjectURL(url);
  }
}
