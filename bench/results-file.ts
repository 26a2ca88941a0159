import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';

/** One measured figure; `comparedWith` names the baseline measured in the same run. */
export interface Figure {
  readonly value: number;
  readonly unit: string;
  readonly comparedWith?: { readonly name: string; readonly value: number; readonly ratio: number };
  readonly note?: string;
}

const FILE = new URL('./results.json', import.meta.url);

/**
 * Merges figures into bench/results.json, keeping figures that other benchmarks wrote, and
 * records the machine they were measured on.
 */
export async function writeFigures(figures: Record<string, Figure>): Promise<void> {
  let existing: { figures?: Record<string, Figure> } = {};
  try {
    existing = JSON.parse(await readFile(FILE, 'utf8'));
  } catch {
    // First run: no file yet.
  }
  const out = {
    generatedAt: new Date().toISOString(),
    machine: {
      node: process.version,
      cpus: os.cpus().length,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    },
    figures: { ...existing.figures, ...figures },
  };
  await writeFile(FILE, `${JSON.stringify(out, null, 2)}\n`);
}

export function ratio(value: number, baseline: number): number {
  return baseline === 0 ? Number.NaN : Math.round((value / baseline) * 100) / 100;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] as number;
}
