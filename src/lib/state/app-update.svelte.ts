/**
 * The hosted app's service worker (src/service-worker.ts), seen from the page: it is registered
 * here, and when a new version has been deployed and is ready, `ready` turns true and the page
 * offers to update. Nothing reloads until the person says so — an update in the middle of an
 * import or an edit would lose their work.
 *
 * The one-file build (file://) has no service worker: it is the file itself that is carried.
 */
import { base } from '$app/paths';
import { dev } from '$app/environment';

/** How often an open page asks whether a new version was deployed (besides on every visit). */
const CHECK_EVERY_MS = 60 * 60 * 1000;

class AppUpdate {
  /** A new version is installed and waiting for the person's go-ahead. */
  ready = $state(false);
  /** The app's files are cached: it will open with no network. */
  offline = $state(false);
  /**
   * Another tab switched to a new version: this tab still runs the previous one (its files stay
   * cached, so it keeps working) and says so, for a reload when convenient.
   */
  stale = $state(false);
  #waiting: ServiceWorker | null = null;
  #started = false;
  #applying = false;

  start(): void {
    if (this.#started || dev || __NPS_SINGLE_FILE__ || !('serviceWorker' in navigator)) return;
    this.#started = true;
    const container = navigator.serviceWorker;
    let controller = container.controller;
    container.addEventListener('controllerchange', () => {
      // The first version taking an uncontrolled page is no change of version.
      if (controller && !this.#applying) {
        this.stale = true;
        this.ready = false;
      }
      controller = container.controller;
      this.offline = true;
    });
    container
      .register(`${base}/service-worker.js`, { scope: `${base}/` })
      .then((registration) => {
        if (registration.active) this.offline = true;
        // A version found while the page was loading may already be installing (the browser
        // checks on every visit, before this code runs), or already waiting.
        const track = (next: ServiceWorker | null) =>
          next?.addEventListener('statechange', () => {
            if (next.state === 'installed' && container.controller) this.#offer(next);
            if (next.state === 'activated') this.offline = true;
          });
        track(registration.installing);
        if (registration.waiting && container.controller) this.#offer(registration.waiting);
        registration.addEventListener('updatefound', () => track(registration.installing));
        const check = () => registration.update().catch(() => {});
        setInterval(check, CHECK_EVERY_MS);
        document.addEventListener('visibilitychange', () => {
          if (document.visibilityState === 'visible') check();
        });
      })
      // No service worker (a private window, a blocked origin): the app works online as before.
      .catch(() => {});
  }

  /**
   * Switches to the new version: the waiting worker takes over, then the page reloads once. When
   * another tab has already switched, there is nothing to wait for: the page reloads.
   */
  apply(): void {
    const waiting = this.#waiting;
    if (!waiting || waiting.state === 'activated' || waiting.state === 'redundant' || this.stale) {
      location.reload();
      return;
    }
    this.#applying = true;
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    waiting.postMessage({ type: 'skip-waiting' });
  }

  dismiss(): void {
    this.ready = false;
  }

  #offer(worker: ServiceWorker): void {
    this.#waiting = worker;
    this.ready = true;
  }
}

export const appUpdate = new AppUpdate();
