import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { type Route, routes } from '#api/routes';
import { esbuildOptions } from '#infra/config/bundling';
import { handlerEntry, REPO_ROOT } from '#infra/config/paths';
import { type Figure, ratio } from './results-file.ts';

const run = promisify(execFile);

/** Fresh processes per bundle; the median of these is reported. */
const IMPORT_RUNS = 5;

/** Architecture budget (ARCHITECTURE §7): bundle size, and cold import against the bare handler. */
const BUDGET = { bundleKB: 300, importRatio: 2 };

/**
 * Inside the repository so a bundle resolves its runtime packages (the font) from node_modules,
 * as it does beside the deployed bundle.
 */
const OUT_DIR = join(REPO_ROOT, 'node_modules', '.cache', 'motcua-bench-lambdas');

type Clients = 'none' | 'dynamodb' | 's3' | 'dynamodb+s3';

/** The SDK clients a route's Lambda creates: a document client for either table, S3 for scans. */
function clientsOf(route: Route): Clients {
  const dynamodb = route.needs.dossiers !== undefined || route.needs.city !== undefined;
  const s3 = route.needs.scans !== undefined;
  if (dynamodb && s3) return 'dynamodb+s3';
  if (dynamodb) return 'dynamodb';
  return s3 ? 's3' : 'none';
}

/** A handler that only creates those clients: the floor any handler using them pays. */
function bareSource(clients: Clients): string {
  const lines: string[] = [];
  const made: string[] = [];
  if (clients.includes('dynamodb')) {
    lines.push(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
    );
    made.push('DynamoDBDocumentClient.from(new DynamoDBClient({}))');
  }
  if (clients.includes('s3')) {
    lines.push("import { S3Client } from '@aws-sdk/client-s3';");
    made.push('new S3Client({})');
  }
  lines.push(`const clients = [${made.join(', ')}];`);
  lines.push('export const handler = async () => ({ statusCode: 200, body: String(clients.length) });');
  return `${lines.join('\n')}\n`;
}

/** Bundles with the stacks' own esbuild settings; answers the bundle's path and size in bytes. */
async function bundle(module: string, entry: string, name: string): Promise<{ file: string; bytes: number }> {
  const file = join(OUT_DIR, name, 'index.mjs');
  await build(esbuildOptions(module, entry, file));
  return { file, bytes: statSync(file).size };
}

/** Milliseconds to import the bundle in a new Node process, measured inside it (median of runs). */
async function coldImport(file: string): Promise<number> {
  const script =
    'const t = performance.now(); await import(process.argv[1]); process.stdout.write(String(performance.now() - t));';
  const times: number[] = [];
  for (let i = 0; i < IMPORT_RUNS; i++) {
    const { stdout } = await run(
      process.execPath,
      ['--input-type=module', '-e', script, pathToFileURL(file).href],
      {
        env: {
          PATH: process.env.PATH,
          AWS_REGION: 'ap-southeast-1',
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
          POWERTOOLS_LOG_LEVEL: 'SILENT',
        },
      },
    );
    times.push(Number(stdout));
  }
  times.sort((a, b) => a - b);
  return Math.round((times[Math.floor(times.length / 2)] as number) * 10) / 10;
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
const key = (module: string) => module.replaceAll('/', '_');

/**
 * Per route Lambda: bundle size (minified, SDK inside) and cold import time in a fresh Node
 * process, each against a bare handler that only creates the same SDK clients.
 */
export async function lambdaFigures(): Promise<Record<string, Figure>> {
  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(OUT_DIR, { recursive: true });
  const bare = new Map<Clients, { bytes: number; importMs: number }>();
  const figures: Record<string, Figure> = {};
  try {
    for (const route of routes) {
      const clients = clientsOf(route);
      if (!bare.has(clients)) {
        const entry = join(OUT_DIR, `bare-${clients}.mjs`);
        writeFileSync(entry, bareSource(clients));
        const bundled = await bundle(`bare/${clients}`, entry, `bare-${clients}`);
        bare.set(clients, { bytes: bundled.bytes, importMs: await coldImport(bundled.file) });
      }
      const baseline = bare.get(clients) as { bytes: number; importMs: number };
      const real = await bundle(route.module, handlerEntry(route.module), route.module);
      const importMs = await coldImport(real.file);
      // With no client the bare handler is empty: the ratio then only shows what middy, zod, jose and the logger cost.
      const bareNote =
        clients === 'none' ? '; the route creates no SDK client, so the bare handler is empty' : '';
      const sizeOk = kb(real.bytes) <= BUDGET.bundleKB;
      const importOk = ratio(importMs, baseline.importMs) <= BUDGET.importRatio;
      figures[`lambda.${key(route.module)}.bundle`] = {
        value: kb(real.bytes),
        unit: 'KB',
        comparedWith: {
          name: `lambda.bare_${clients}.bundle`,
          value: kb(baseline.bytes),
          ratio: ratio(real.bytes, baseline.bytes),
        },
        note: `${route.method} ${route.path}; budget ${BUDGET.bundleKB} KB: ${sizeOk ? 'met' : 'missed'}${bareNote}`,
      };
      figures[`lambda.${key(route.module)}.cold_import`] = {
        value: importMs,
        unit: 'ms',
        comparedWith: {
          name: `lambda.bare_${clients}.cold_import`,
          value: baseline.importMs,
          ratio: ratio(importMs, baseline.importMs),
        },
        note: `median of ${IMPORT_RUNS} fresh processes; budget ${BUDGET.importRatio}x bare: ${importOk ? 'met' : 'missed'}${bareNote}`,
      };
    }
  } finally {
    rmSync(OUT_DIR, { recursive: true, force: true });
  }
  return figures;
}
