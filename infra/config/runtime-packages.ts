import { join } from 'node:path';
import { REPO_ROOT } from './paths.ts';

/**
 * A package a Lambda reads from `node_modules` at run time (data files, not code), so it is
 * installed beside the bundle (`bundling.nodeModules`) instead of bundled into it.
 */
export interface RuntimePackage {
  readonly name: string;
  /** Route modules that need it: `forms/` (ending in a slash) is every module under forms/, else one module. */
  readonly modules: readonly string[];
  readonly why: string;
}

/** The small explicit list; a route not named here ships its bundle alone. */
export const runtimePackages: readonly RuntimePackage[] = [
  {
    name: 'dejavu-fonts-ttf',
    // documents/* (scan upload and download) draws nothing and stays out: the package is 12 MB.
    modules: ['forms/'],
    why: 'the forms of Circular 01/2018 are PDFs with Vietnamese text, drawn in DejaVu fonts read from the package',
  },
];

/**
 * The lock file the bundler installs runtime packages from. It lists only those packages, so
 * `npm ci` beside the bundle is in sync and needs nothing but the npm cache that the project's
 * own `npm ci` filled (no registry call); a test keeps its versions equal to the root lock file.
 */
export const RUNTIME_PACKAGES_LOCK = join(
  REPO_ROOT,
  'infra',
  'config',
  'runtime-packages',
  'package-lock.json',
);

/** The runtime packages of a route module, by name. */
export function runtimePackagesFor(module: string): string[] {
  return runtimePackages
    .filter((p) => p.modules.some((m) => (m.endsWith('/') ? module.startsWith(m) : module === m)))
    .map((p) => p.name);
}
