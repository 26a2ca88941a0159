/**
 * The file types the web app's site holds (what Vite emits), with their content types. Shared by
 * the local server (infra/local/web-static.ts) and CloudFront's routing function
 * (infra/constructs/web-hosting.ts): only a path ending in one of these is a file; every other
 * path is a route of the app, since procedure ids and dossier codes have dots.
 */
export const WEB_FILE_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  map: 'application/json; charset=utf-8',
  json: 'application/json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  webmanifest: 'application/manifest+json',
  wasm: 'application/wasm',
  pdf: 'application/pdf',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  ico: 'image/x-icon',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
};

/** The content type of a file of the site by its extension (`.js`), or undefined when it is no file type. */
export function webFileType(extension: string): string | undefined {
  const type = extension.replace(/^\./, '').toLowerCase();
  return Object.hasOwn(WEB_FILE_TYPES, type) ? WEB_FILE_TYPES[type] : undefined;
}
