import { access } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Where `npm run build` puts the web app, and where the local server serves it from. */
export const WEB_DIST = join(repoRoot, 'web', 'dist');

/** Builds the web app with Vite (what `npm run build` does); `outDir` defaults to web/dist. */
export async function buildWeb(outDir: string = WEB_DIST): Promise<string> {
  const { build } = await import('vite');
  // Under a test runner NODE_ENV is 'test', which would make React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: join(repoRoot, 'web', 'vite.config.ts'),
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

/** The built app, building it first when there is none (a fresh clone's first `npm start`). */
export async function ensureWebBuild(onBuild?: () => void): Promise<string> {
  try {
    await access(join(WEB_DIST, 'index.html'));
    return WEB_DIST;
  } catch {
    onBuild?.();
    return buildWeb();
  }
}
