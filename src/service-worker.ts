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
const CACHE = `nps-lines-app-${version}`;
/** The page itself: the hash router serves every view from this one document. */
const SHELL = `${base}/`;
const PRECACHE = [SHELL, ...build, ...files];

worker.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

worker.addEventListener('activate', (event) => {
  // The previous versions' files are no longer needed once this version runs the page.
  event.waitUntil(
    caches.keys().then((keys) => Promise.all(keys.filter((k) => k.startsWith('nps-lines-app-') && k !== CACHE).map((k) => caches.delete(k)))),
  );
});

worker.addEventListener('message', (event) => {
  if (event.data?.type === 'skip-waiting') worker.skipWaiting();
});

worker.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== location.origin || !url.pathname.startsWith(SHELL)) return;
  // Every navigation inside the app is the shell (views are in the hash); assets by their path.
  const key = request.mode === 'navigate' ? SHELL : url.pathname;
  if (request.mode !== 'navigate' && !PRECACHE.includes(key)) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => (await cache.match(key)) ?? fetch(request)),
  );
});
