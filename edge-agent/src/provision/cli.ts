import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseProvisionArgs, USAGE } from './options.ts';
import { ProvisionError, type ProvisionResult, provisionAgent } from './provision.ts';

/** Where main writes: process.stdout and process.stderr, or a test's sink. */
export interface Output {
  write(text: string): unknown;
}

/**
 * `npm run provision -- --ward <wardId> --out <dir>`: registers a ward's agent in AWS IoT and
 * writes its certificate, key, CA and agent.json into <dir>, to be copied to the mini-PC.
 * Exit codes: 0 done, 1 failed (what was created is printed with its clean-up), 2 bad arguments.
 */
export async function main(
  argv: readonly string[],
  out: Output = process.stdout,
  err: Output = process.stderr,
): Promise<number> {
  const parsed = parseProvisionArgs(argv);
  if (parsed.help) {
    out.write(`${USAGE}\n`);
    return 0;
  }
  if ('problems' in parsed) {
    err.write(`${parsed.problems.map((p) => `error: ${p}`).join('\n')}\n\n${USAGE}\n`);
    return 2;
  }
  const options = { ...parsed.options, outDir: resolve(parsed.options.outDir) };
  try {
    out.write(report(await provisionAgent(options)));
    return 0;
  } catch (error) {
    err.write(failure(error, options.wardId));
    return 1;
  }
}

function report(result: ProvisionResult): string {
  return [
    `Registered ${result.thingName}${result.thingCreated ? '' : ' (the thing existed; older certificates stay attached until you retire them: infra/README.md)'}.`,
    `Certificate ${result.certificateId}, endpoint ${result.endpoint}.`,
    'Wrote:',
    ...result.files.map((f) => `  ${f}`),
    'Next: set printer and ledBoards in agent.json, then copy the folder to the ward mini-PC.',
    '',
  ].join('\n');
}

/** Says what failed, what exists because of this run, and how to remove it. */
export function failure(error: unknown, wardId: string): string {
  if (!(error instanceof ProvisionError)) return `Provisioning ${wardId} failed: ${String(error)}\n`;
  const lines = [`Provisioning ${wardId} failed at ${error.message}`];
  if (error.created.length === 0) {
    lines.push('Nothing was created in AWS and no file was written.');
  } else {
    lines.push('Created before the failure (not rolled back):');
    lines.push(...error.created.map((c) => `  - ${c.what}`));
    lines.push('To remove it, run in this order:');
    lines.push(...error.created.map((c) => `  ${c.undo}`));
    lines.push(
      'Or fix the cause and run again: the thing is reused; the certificate above is unused then, remove it all the same.',
    );
  }
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // The SDK's warning only restates the Node version the project chose.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ||= 'true';
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
