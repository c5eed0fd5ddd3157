/**
 * A worker that runs under this page's Content-Security-Policy. A worker loaded from its own URL
 * gets the policy of that script's response — none on a static host such as GitHub Pages, which
 * sends no CSP header — so a worker could reach other origins the page cannot. A worker made from
 * a blob: URL inherits the page's policy; this tiny blob loads the real script into it
 * (importScripts, same origin), so every byte of worker code runs with `connect-src 'self'`.
 *
 * The hosted build creates the page's workers this way (vite.config.ts rewrites their `?worker`
 * imports); the one-file build inlines them as blobs anyway.
 */
export function blobWorker(url: string): Worker {
  const absolute = new URL(url, location.href).href;
  const boot = URL.createObjectURL(new Blob([`importScripts(${JSON.stringify(absolute)});`], { type: 'text/javascript' }));
  const worker = new Worker(boot);
  // The worker has fetched its boot script once it runs; the URL is not needed after that.
  setTimeout(() => URL.revokeObjectURL(boot), 60_000);
  return worker;
}
