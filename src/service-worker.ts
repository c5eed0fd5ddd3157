/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * The hosted app, offline: after the first visit every file of this version is in a cache, so
 * the app opens and works with no network at all (a consultant's laptop on a client's site).
 *
 * Only the app's own files are cached — never an answer, a comment or anything a person
 * imported: those live in IndexedDB. A new version installs beside the old one and waits; the
 * page offers to switch (state/app-update.svelte.ts) and this worker takes over only when asked,
 * so nobody's page reloads in the middle of an import or an edit.
 */
import { base, build, files, version } from '$service-worker';

const worker = self as unknown as ServiceWorkerGlobalScope;
// One user's GitHub Pages projects share an origin: the cache names carry this site's path, so
// one deployment never deletes another's offline copy.
const PREFIX = `nps-lines-app:${base}/:`;
const CACHE = `${PREFIX}${version}`;
/** The page itself: the hash router serves every view from this one document. */
const SHELL = `${base}/`;
const PRECACHE = [SHELL, ...build, ...files];
const IMMUTABLE = `${base}/_app/immutable/`;

worker.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const first = !(await caches.keys()).some((k) => k.startsWith(PREFIX));
      // `reload`: straight from the server. Through the HTTP cache (GitHub Pages says max-age=600)
      // a new version could keep the old page beside its new scripts: a blank page later.
      const cache = await caches.open(CACHE);
      await cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'reload' })));
      // The very first version has nobody to wait for: it takes the open page at once, so that the
      // views not yet opened work offline in this same tab.
      if (first) await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // The version before this one stays: another tab may still run it and load its lazy views.
      // Older ones go.
      const mine = (await caches.keys()).filter((k) => k.startsWith(PREFIX) && k !== CACHE);
      const previous = newestOf(mine);
      await Promise.all(mine.filter((k) => k !== previous).map((k) => caches.delete(k)));
      await worker.clients.claim();
    })(),
  );
});

/** The newest of these caches: Kit names a version by its build time in milliseconds. */
function newestOf(names: string[]): string | null {
  const when = (name: string) => Number(name.slice(PREFIX.length)) || 0;
  return names.reduce<string | null>((newest, name) => (newest === null || when(name) > when(newest) ? name : newest), null);
}

worker.addEventListener('message', (event) => {
  if (event.data?.type === 'skip-waiting') worker.skipWaiting();
});

worker.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== location.origin) return;
  // Navigations to the app are the shell (its views are in the hash); another page of the same
  // site — the one-file build beside it, say — goes to the network as it is.
  const isShell = request.mode === 'navigate' && (url.pathname === SHELL || url.pathname === `${SHELL}index.html`);
  if (isShell) {
    event.respondWith(caches.open(CACHE).then(async (cache) => (await cache.match(SHELL)) ?? fetch(request)));
  } else if (url.pathname.startsWith(IMMUTABLE)) {
    // Content-hashed: the same name is the same file in any version's cache, so a tab still
    // running the previous version finds its lazy views after this one took over.
    event.respondWith(caches.match(url.pathname).then((hit) => hit ?? fetch(request)));
  } else if (PRECACHE.includes(url.pathname)) {
    event.respondWith(caches.open(CACHE).then(async (cache) => (await cache.match(url.pathname)) ?? fetch(request)));
  }
});
