// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  /** True in the one-file build (`npm run build:single`), which has no service worker. */
  const __NPS_SINGLE_FILE__: boolean;
  namespace App {}
}
export {};
