import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { type BundlingOptions, LogLevel, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';
import { runtimePackagesFor } from './runtime-packages.ts';

/** Every Lambda runs Node 22 on Graviton (cheaper per ms, and the SDK has no native parts). */
export const LAMBDA_RUNTIME = Runtime.NODEJS_22_X;
export const LAMBDA_ARCHITECTURE = Architecture.ARM_64;

/**
 * The esbuild settings of every Lambda bundle, in one place: the stacks turn them into
 * NodejsFunction options and bench/lambdas.ts passes them to esbuild itself, so the bundle the
 * benchmark measures is the bundle that is deployed.
 */
export const ESBUILD = {
  platform: 'node',
  target: 'node22',
  // ESM so the SDK's ESM builds tree-shake; `module` first picks them.
  format: 'esm',
  mainFields: ['module', 'main'],
  minify: true,
  sourcemap: false,
  // Bundled CommonJS dependencies call require() for Node built-ins, which ESM lacks.
  banner:
    "import{createRequire as __motcuaRequire}from'node:module';const require=__motcuaRequire(import.meta.url);",
} as const;

/**
 * npm settings for installing runtime packages beside a bundle: from the cache the project's
 * `npm ci` filled, so synth makes no registry call, and without audit or funding requests.
 */
const INSTALL_ENVIRONMENT = {
  npm_config_prefer_offline: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
};

/** NodejsFunction bundling of a route module: ESBUILD, the SDK bundled, its runtime packages installed. */
export function lambdaBundling(module: string): BundlingOptions {
  const nodeModules = runtimePackagesFor(module);
  return {
    target: ESBUILD.target,
    format: OutputFormat.ESM,
    mainFields: [...ESBUILD.mainFields],
    minify: ESBUILD.minify,
    sourceMap: ESBUILD.sourcemap,
    banner: ESBUILD.banner,
    // Nothing external: the SDK ships in the bundle, pinned to the version the tests ran.
    externalModules: [],
    // npm receives the same level and knows no `warning`; esbuild's warnings show in the benchmark.
    logLevel: nodeModules.length > 0 ? LogLevel.ERROR : LogLevel.WARNING,
    ...(nodeModules.length > 0 ? { nodeModules, environment: INSTALL_ENVIRONMENT } : {}),
  };
}

/** The same bundle through esbuild's API (for the benchmark): `outfile` should end in `.mjs`. */
export function esbuildOptions(module: string, entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: ESBUILD.platform,
    target: ESBUILD.target,
    format: ESBUILD.format,
    mainFields: [...ESBUILD.mainFields],
    minify: ESBUILD.minify,
    sourcemap: ESBUILD.sourcemap,
    banner: { js: ESBUILD.banner },
    external: runtimePackagesFor(module),
    logLevel: 'warning',
  };
}
