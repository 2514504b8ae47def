/** Replaced at build time from package.json; the fallback serves tests run from source. */
declare const __PARALLAX_VERSION__: string | undefined;
export const VERSION: string = typeof __PARALLAX_VERSION__ === 'string' ? __PARALLAX_VERSION__ : 'dev';
