import { getDot, type Raster } from '../../../../edge-agent/src/devices/printer/raster.ts';

/** The centre of a QR finder pattern (the 7×7 dark-light-dark square in three corners). */
export type Finder = { x: number; y: number; module: number; hits: number };

/**
 * Finds QR finder patterns the way a phone's decoder does: runs of dark, light, dark, light, dark
 * in the ratio 1:1:3:1:1 across a row, confirmed down the column through their centre. Each row
 * that crosses a pattern is a hit; text rarely gives more than a few, a finder gives one per dot
 * row of its 3-module core.
 */
export function findFinderPatterns(raster: Raster): Finder[] {
  const found: Finder[] = [];
  for (let y = 0; y < raster.height; y++) {
    const runs = rowRuns(raster, y);
    for (let i = 0; i + 4 < runs.length; i++) {
      const five = runs.slice(i, i + 5);
      if (!five[0]?.dark || !ratioOk(five.map((run) => run.length))) continue;
      const core = five[2];
      if (!core) continue;
      const x = core.start + core.length / 2;
      const column = columnRuns(raster, Math.floor(x), y);
      if (!column || !ratioOk(column.lengths)) continue;
      const module = (sum(five.map((run) => run.length)) + sum(column.lengths)) / 14;
      const near = found.find(
        (f) => Math.abs(f.x - x) < 2 * module && Math.abs(f.y - column.centre) < 2 * module,
      );
      if (near) near.hits++;
      else found.push({ x, y: column.centre, module, hits: 1 });
    }
  }
  return found;
}

type Run = { start: number; length: number; dark: boolean };

function rowRuns(raster: Raster, y: number): Run[] {
  const runs: Run[] = [];
  for (let x = 0; x < raster.width; x++) {
    const dark = getDot(raster, x, y);
    const last = runs.at(-1);
    if (last && last.dark === dark) last.length++;
    else runs.push({ start: x, length: 1, dark });
  }
  return runs;
}

/** Run lengths dark-light-dark-light-dark through (x, y), which lies in the middle dark run. */
function columnRuns(raster: Raster, x: number, y: number): { lengths: number[]; centre: number } | undefined {
  const run = (from: number, step: number, dark: boolean) => {
    let at = from;
    while (at >= 0 && at < raster.height && getDot(raster, x, at) === dark) at += step;
    return at;
  };
  if (!getDot(raster, x, y)) return undefined;
  const coreTop = run(y, -1, true) + 1;
  const coreBottom = run(y, 1, true) - 1;
  const lightTop = run(coreTop - 1, -1, false) + 1;
  const lightBottom = run(coreBottom + 1, 1, false) - 1;
  const outerTop = run(lightTop - 1, -1, true) + 1;
  const outerBottom = run(lightBottom + 1, 1, true) - 1;
  return {
    lengths: [
      lightTop - outerTop,
      coreTop - lightTop,
      coreBottom - coreTop + 1,
      lightBottom - coreBottom,
      outerBottom - lightBottom,
    ],
    centre: (coreTop + coreBottom) / 2,
  };
}

function ratioOk(lengths: number[]): boolean {
  const total = sum(lengths);
  if (lengths.length !== 5 || total < 7) return false;
  const module = total / 7;
  return [1, 1, 3, 1, 1].every((k, i) => Math.abs((lengths[i] ?? 0) - k * module) < (k * module) / 2);
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
