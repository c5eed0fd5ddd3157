// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  /** True in the one-file build (`npm run build:single`), which has no service worker. */
  const __NPS_SINGLE_FILE__: boolean;
  /** When this copy of the app was built (ISO date and time). */
  const __NPS_BUILT_AT__: string;
  namespace App {}
}
export {};
