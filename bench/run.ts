import { startRuntime } from '#infra/local/runtime';
import { formsFigures } from './forms.ts';
import { intakeLatency, writeCapacity } from './intake.ts';
import { lambdaFigures } from './lambdas.ts';
import { type Figure, writeFigures } from './results-file.ts';

/**
 * `npm run bench`: measures the figures of ARCHITECTURE §7 into bench/results.json, each against
 * a baseline measured in the same run. `npm run bench -- intake forms` runs only those groups.
 */
const GROUPS = ['intake', 'forms', 'lambdas', 'agent', 'web', 'stats'] as const;
const asked = process.argv.slice(2).filter((a) => (GROUPS as readonly string[]).includes(a));
const wanted = (group: (typeof GROUPS)[number]) => asked.length === 0 || asked.includes(group);

const figures: Record<string, Figure> = {};
const runtime = await startRuntime({ port: 0, inMemory: true, tablePrefix: 'bench' });
try {
  if (wanted('intake')) {
    console.log('bench: intake latency through the local API (20 concurrent clients)…');
    Object.assign(figures, await intakeLatency(runtime.url));
    console.log('bench: DynamoDB transactions and write capacity per intake and per state change…');
    Object.assign(figures, await writeCapacity());
  }
  if (wanted('forms')) {
    console.log('bench: form 01 rendering and scan verification…');
    Object.assign(figures, await formsFigures(runtime.url));
  }
  if (wanted('stats')) {
    console.log('bench: statistics (a synthetic year, the stream, report II.06a latency and items read)…');
    const { statsFigures } = await import('./stats.ts');
    // Same DynamoDB Local: the functions' one SDK client keeps the endpoint it was created with.
    Object.assign(figures, await statsFigures(runtime.dynamodbEndpoint));
  }
  if (wanted('web')) {
    console.log('bench: web app in Chromium (initial JavaScript per page, time to a usable counter desk)…');
    const { webFigures } = await import('./web.ts');
    Object.assign(figures, await webFigures(runtime.dynamodbEndpoint));
  }
} finally {
  await runtime.stop();
}
if (wanted('lambdas')) {
  console.log('bench: Lambda bundles (size, cold import) against bare handlers…');
  Object.assign(figures, await lambdaFigures());
}
if (wanted('agent')) {
  console.log('bench: ward agent (kiosk press → printer, outbox drain, memory)…');
  const { agentFigures } = await import('./agent.ts');
  Object.assign(figures, await agentFigures());
}
await writeFigures(figures);
for (const [name, f] of Object.entries(figures)) {
  const vs = f.comparedWith
    ? `  (×${f.comparedWith.ratio} vs ${f.comparedWith.name} = ${f.comparedWith.value})`
    : '';
  console.log(`${name.padEnd(48)} ${String(f.value).padStart(9)} ${f.unit}${vs}`);
}
console.log('bench: written to bench/results.json');
