import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file so the app synthesises from any working directory. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The lock file NodejsFunction reads to find the esbuild it runs (and the project root). */
export const ROOT_LOCK_FILE = join(REPO_ROOT, 'package-lock.json');

/** The source file of a route's handler: `functions/handlers/<module>.ts`. */
export function handlerEntry(module: string): string {
  return join(REPO_ROOT, 'functions', 'handlers', `${module}.ts`);
}
