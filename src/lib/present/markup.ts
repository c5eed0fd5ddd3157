/**
 * Text written into HTML or SVG markup that is made as a string (a saved chart, the HTML
 * report): everything that came from a file — a dataset's name, a segment value, an event, a
 * comment — is data, never markup, so every one of the five characters that could end a text or
 * an attribute is written as its entity.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeMarkup(value: string | number): string {
  // Characters XML 1.0 forbids even as entities (a stray control byte in a comment) are dropped:
  // one of them would make the saved SVG unreadable.
  return String(value)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[&<>"']/g, (ch) => ENTITIES[ch]);
}
