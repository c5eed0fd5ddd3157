/**
 * How wide a label is drawn, where nothing can measure it (tests, a page without a canvas):
 * CJK characters are square, Latin ones about six tenths of the type size.
 */
export function labelWidth(text: string, size = 10.5): number {
  let w = 0;
  for (const ch of text) w += /[\u0000-\u02ff]/.test(ch) ? size * 0.62 : size;
  return w;
}
