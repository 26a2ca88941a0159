import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { webFileType } from '../web-files.ts';

/**
 * Serves the built web app (web/dist) beside the API, as CloudFront does in the cloud: files
 * by path, `index.html` for every other page address (the app routes in the browser), and
 * `/config.json` telling the app to sign in with the local token issuer on this origin.
 */

/** The app's runtime configuration for the local runtime (web/src/shared/config.ts). */
export const LOCAL_WEB_CONFIG = { auth: { kind: 'local' }, apiBase: '', districtApis: {} } as const;

/** Answers a GET/HEAD for the web app; false when `path` is not the app's (the caller answers 404). */
export async function serveWeb(
  webDir: string,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (path === '/config.json') {
    const body = JSON.stringify(LOCAL_WEB_CONFIG);
    res.writeHead(200, { 'content-type': webFileType('.json'), 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return false;
  }
  const file = normalize(join(webDir, decoded));
  if (!file.startsWith(webDir + sep) && file !== webDir) return false;
  const found = await fileAt(file);
  // A page address is the app's (dossier codes have dots, so only known file types count as
  // files); a missing asset is a real 404.
  const isAsset = webFileType(extname(decoded)) !== undefined;
  const target = found ?? (isAsset ? undefined : await fileAt(join(webDir, 'index.html')));
  if (!target) return false;
  const immutable = target.includes(`${sep}assets${sep}`);
  res.writeHead(200, {
    'content-type': webFileType(extname(target)) ?? 'application/octet-stream',
    'content-length': (await stat(target)).size,
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return true;
  }
  await new Promise<void>((resolve, reject) => {
    createReadStream(target).on('error', reject).on('end', resolve).pipe(res);
  });
  return true;
}

async function fileAt(path: string): Promise<string | undefined> {
  try {
    const info = await stat(path);
    if (info.isFile()) return path;
    if (info.isDirectory()) return fileAt(join(path, 'index.html'));
  } catch {
    // Not there.
  }
  return undefined;
}
