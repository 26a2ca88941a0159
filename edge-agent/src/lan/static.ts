import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HttpError, type Route } from './http.ts';

/** edge-agent/pages/, next to the code so a deployed agent carries its own pages. */
export const PAGES_DIR = fileURLToPath(new URL('../../pages/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wav': 'audio/wav',
  '.woff2': 'font/woff2',
};

/** A flat file name: no folders, no dots in front, only the types above. */
const FILE_NAME = /^[a-z0-9][a-z0-9-]*\.(html|js|css|svg|png|wav|woff2)$/;

/**
 * Pages may only load what the agent serves: the ward network may be offline, and no page has
 * any business calling out. `media-src 'self'` covers the announcement WAVs.
 */
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; media-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

/** Serves files of the pages folder, filling the ward's name into HTML. */
export class StaticPages {
  readonly #root: string;
  readonly #wardName: string;

  constructor(root: string, wardName: string) {
    this.#root = resolve(root);
    this.#wardName = escapeHtml(wardName);
  }

  /** Sends `name` (a flat file name) or throws 404; a name that could leave the folder is a 404 too. */
  async send(res: ServerResponse, name: string): Promise<void> {
    const path = resolve(this.#root, name);
    // The pattern already forbids separators and dots in front; the prefix check is the backstop.
    if (!FILE_NAME.test(name) || !path.startsWith(this.#root + sep)) throw notFound(name);
    let data: Buffer;
    try {
      data = await readFile(path);
    } catch {
      throw notFound(name);
    }
    const type = extname(name);
    const body = type === '.html' ? Buffer.from(fillIn(data.toString('utf8'), this.#wardName)) : data;
    res
      .writeHead(200, {
        ...PAGE_HEADERS,
        'content-type': TYPES[type] ?? 'application/octet-stream',
        'content-length': body.length,
        // Revalidate each time: after an agent update the kiosk must not keep yesterday's script.
        'cache-control': 'no-cache',
      })
      .end(body);
  }
}

/** The pages' addresses: `/`, `/kiosk`, `/counter/{n}`, `/display`, `/rating/{n}`, and `/static/{file}`. */
export function pageRoutes(pages: StaticPages): Route[] {
  const page = (path: string, file: string): Route => ({
    method: 'GET',
    path,
    handle: async ({ res, params }) => {
      // A page for counter "abc" does not exist: 404, as for any unknown page.
      if (params.counter !== undefined && !/^[1-9]\d?$/.test(params.counter)) throw notFound(params.counter);
      await pages.send(res, file);
      return undefined;
    },
  });
  return [
    page('/', 'index.html'),
    page('/kiosk', 'kiosk.html'),
    page('/counter/:counter', 'counter.html'),
    page('/display', 'display.html'),
    page('/rating/:counter', 'rating.html'),
    {
      method: 'GET',
      path: '/static/:file',
      handle: async ({ res, params }) => {
        await pages.send(res, params.file as string);
        return undefined;
      },
    },
  ];
}

function fillIn(html: string, wardName: string): string {
  return html.replaceAll('{{wardName}}', wardName);
}

function notFound(name: string): HttpError {
  return new HttpError(404, 'not_found', `no page file ${JSON.stringify(name)}`);
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}
