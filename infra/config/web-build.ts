import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The web build the stacks would upload is missing; the message says how to make one. */
export class MissingWebBuildError extends Error {
  constructor(readonly dir: string) {
    super(
      `the web app is not built: ${join(dir, 'index.html')} or ${join(dir, 'assets')} is missing. ` +
        'Run `npm run build` first, or point MOTCUA_WEB_DIST (or -c webDist=) at a build.',
    );
    this.name = 'MissingWebBuildError';
  }
}

/**
 * Checks that `dir` holds a Vite build (`index.html` and its hashed `assets/`) and returns it,
 * so a deploy without a build fails before it can replace the site with nothing.
 */
export function checkWebBuild(dir: string): string {
  if (!existsSync(join(dir, 'index.html')) || !existsSync(join(dir, 'assets'))) {
    throw new MissingWebBuildError(dir);
  }
  return dir;
}
