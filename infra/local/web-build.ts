import { readdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const WEB_ROOT = join(repoRoot, 'web');

/** Where `npm run build` puts the web app, and where the local server serves it from. */
export const WEB_DIST = join(WEB_ROOT, 'dist');

/** Builds the web app with Vite (what `npm run build` does); `outDir` defaults to web/dist. */
export async function buildWeb(outDir: string = WEB_DIST): Promise<string> {
  const { build } = await import('vite');
  // Under a test runner NODE_ENV is 'test', which would make React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: join(WEB_ROOT, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return outDir;
}

/**
 * The built app, building it first when there is none (a fresh clone's first `npm start`) or
 * when a source is newer than the build (after a pull), so the server never shows a stale app.
 */
export async function ensureWebBuild(onBuild?: (reason: 'missing' | 'stale') => void): Promise<string> {
  const built = await modifiedAt(join(WEB_DIST, 'index.html'));
  if (built !== undefined && (await newestSource()) <= built) return WEB_DIST;
  onBuild?.(built === undefined ? 'missing' : 'stale');
  return buildWeb();
}

async function modifiedAt(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).mtimeMs;
  } catch {
    return undefined;
  }
}

/** The newest change among the app's sources: web/src, index.html and the Vite config. */
async function newestSource(): Promise<number> {
  const files = (await readdir(join(WEB_ROOT, 'src'), { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
  files.push(join(WEB_ROOT, 'index.html'), join(WEB_ROOT, 'vite.config.ts'));
  const times = await Promise.all(files.map(modifiedAt));
  return Math.max(0, ...times.map((t) => t ?? 0));
}
