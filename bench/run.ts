import { startRuntime } from '#infra/local/runtime';
import { intakeLatency, writeCapacity } from './intake.ts';
import { writeFigures } from './results-file.ts';

/** `npm run bench`: measures the figures of ARCHITECTURE §7 into bench/results.json. */
const runtime = await startRuntime({ port: 0, inMemory: true, tablePrefix: 'bench' });
try {
  console.log('bench: intake latency through the local API (20 concurrent clients)…');
  const latency = await intakeLatency(runtime.url);
  console.log('bench: DynamoDB write capacity per intake and per state change…');
  const capacity = await writeCapacity();
  const figures = { ...latency, ...capacity };
  await writeFigures(figures);
  for (const [name, f] of Object.entries(figures)) {
    const vs = f.comparedWith
      ? `  (×${f.comparedWith.ratio} vs ${f.comparedWith.name} = ${f.comparedWith.value})`
      : '';
    console.log(`${name.padEnd(44)} ${String(f.value).padStart(8)} ${f.unit}${vs}`);
  }
  console.log('bench: written to bench/results.json');
} finally {
  await runtime.stop();
}
