/**
 * Links between the app's pages. They are hash-only (`#/datasets/ID/trend`), so they resolve
 * against the page the app was opened as, wherever that is. Kit's `resolve()` does not fit
 * here: it prefixes the base path without its trailing slash (`/REPO#/…`, which makes GitHub
 * Pages redirect and reload the whole page), and from file:// it drops the file's name
 * (`/folder/#/…` opens the folder, not `nps-lines.html`).
 */
export type DatasetView = 'overview' | 'trend' | 'segments' | 'transitions' | 'comments' | 'follow-up' | 'outcomes';

export const homeLink = '#/';
export const privacyLink = '#/privacy';

export function datasetLink(id: string, view: DatasetView = 'overview'): string {
  const path = `#/datasets/${encodeURIComponent(id)}`;
  return view === 'overview' ? path : `${path}/${view}`;
}
