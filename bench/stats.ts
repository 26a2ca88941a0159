import { performance } from 'node:perf_hooks';
import { workingCalendar } from '#adapters/calendar-repository';
import { allWards, districts } from '#domain/catalogue/units';
import type { Dossier } from '#domain/dossier/dossier';
import { daysInMonth } from '#domain/stats/period-cover';
import { localDateOf } from '#domain/time';
import { startRuntime } from '#infra/local/runtime';
import { login } from './intake.ts';
import { type Figure, percentile, ratio } from './results-file.ts';
import { StatsSums, withoutCityStream, writeItems } from './stats-bulk.ts';
import { type ReportCase, type ReportTimes, timeReports } from './stats-report.ts';
import { streamSample } from './stats-stream.ts';
import { generateYear } from './stats-synthetic.ts';
import { checkBulkWriter } from './stats-verify.ts';

/** A year's dossiers for the whole city: the size the cost budget of report II.06a is about. */
const DOSSIERS = 500_000;
/** Dossiers of one ward folded a second time through the stream consumer's writer, to compare. */
const CHECK_SAMPLE = 200;
const WRITE_CONCURRENCY = 16;

const ms = (value: number) => Math.round(value * 10) / 10;

/**
 * The statistics behind report II.06a at a city's scale, against DynamoDB Local (in memory): a
 * synthetic year folded through the real fold and bulk-loaded, a sample through the live API
 * and the stream poller, and the report's latency and items read against reading the same
 * items with the adapter alone and against the fewest items the report could read.
 */
export async function statsFigures(dynamodbEndpoint: string): Promise<Record<string, Figure>> {
  // Tables of its own, so the dossiers of other benchmarks do not reach its streams and reports.
  const runtime = await startRuntime({
    port: 0,
    inMemory: true,
    dynamodbEndpoint,
    tablePrefix: 'benchstats',
    streams: true,
  });
  try {
    const year = Number(localDateOf(new Date()).slice(0, 4)) - 1;
    const calendar = await workingCalendar();

    console.log(`bench: stats: ${DOSSIERS} synthetic dossiers of ${year} through the fold…`);
    const sums = new StatsSums();
    const checkWard = allWards[3]?.id;
    const sample: Dossier[] = [];
    let foldMs = 0;
    const generationStart = performance.now();
    generateYear({ year, dossiers: DOSSIERS, calendar }, (dossier) => {
      if (dossier.wardId === checkWard && sample.length < CHECK_SAMPLE) sample.push(dossier);
      const start = performance.now();
      sums.add(dossier);
      foldMs += performance.now() - start;
    });
    const generationMs = performance.now() - generationStart;

    console.log(`bench: stats: writing ${sums.items.size} stats items with BatchWriteItem…`);
    const writeStart = performance.now();
    const written = await withoutCityStream(dynamodbEndpoint, () =>
      writeItems(sums.items.values(), WRITE_CONCURRENCY),
    );
    const writeMs = performance.now() - writeStart;
    const check = await checkBulkWriter(sample);

    console.log('bench: stats: dossiers through the live API and the stream poller…');
    const stream = await streamSample(runtime, sums);

    console.log('bench: stats: report II.06a through the local API…');
    const token = await login(runtime.url, 'city');
    const wholeYear = { from: `${year}-01-01`, to: `${year}-12-31` };
    const ward = busiestWard(sums, year);
    const month = `${year}-11`;
    const cityYear = await timeReports(
      runtime.url,
      token,
      [{ scope: 'city', by: 'unit', ...wholeYear }],
      sums,
    );
    const byProcedure = await timeReports(
      runtime.url,
      token,
      [{ scope: 'city', by: 'procedure', ...wholeYear }],
      sums,
    );
    const districtCases: ReportCase[] = districts.map((d) => ({
      scope: `district:${d.id}`,
      by: 'unit',
      ...wholeYear,
    }));
    const districtYear = await timeReports(runtime.url, token, districtCases, sums);
    const wardMonth = await timeReports(
      runtime.url,
      token,
      [
        {
          scope: `ward:${ward}`,
          by: 'procedure',
          from: `${month}-01`,
          to: `${month}-${daysInMonth(year, 11)}`,
        },
      ],
      sums,
    );

    const grains = { D: 0, M: 0, Y: 0 };
    for (const item of sums.items.values()) grains[item.grain] += 1;
    return {
      'stats.generate.dossiers': {
        value: sums.dossiers,
        unit: 'dossiers',
        note: `a synthetic ${year} for all ${allWards.length} wards: end states built with the real due-date rules, folded with dossierDelta(undefined, dossier)`,
      },
      'stats.generate.items': {
        value: written,
        unit: 'items',
        comparedWith: {
          name: 'stats.generate.dossiers',
          value: sums.dossiers,
          ratio: ratio(written, sums.dossiers),
        },
        note: `${grains.D} day, ${grains.M} month and ${grains.Y} year items, as stats-repository.ts writes them`,
      },
      'stats.generate.fold_us_per_dossier': {
        value: Math.round((foldMs * 1000) / sums.dossiers),
        unit: 'µs',
        comparedWith: {
          name: 'building the dossier end state',
          value: Math.round(((generationMs - foldMs) * 1000) / sums.dossiers),
          ratio: ratio(foldMs, generationMs - foldMs),
        },
        note: `dossierDelta and the day/month/year roll-up in memory; ${ms(generationMs / 1000)} s for the whole synthetic year`,
      },
      'stats.generate.write_s': {
        value: ms(writeMs / 1000),
        unit: 's',
        note: `BatchWriteItem, ${WRITE_CONCURRENCY} batches of 25 in flight: ${Math.round(written / (writeMs / 1000))} items/s into DynamoDB Local (city table stream off while loading)`,
      },
      'stats.generate.bulk_items_differing': {
        value: check.differing,
        unit: 'items',
        comparedWith: {
          name: 'items compared',
          value: check.items,
          ratio: ratio(check.differing, check.items),
        },
        note: `${check.dossiers} dossiers of one ward written by the bulk loader and by applyDossierChange, compared attribute by attribute`,
      },
      'stats.stream.items_written': {
        value: stream.itemsMatching,
        unit: 'items',
        comparedWith: {
          name: 'items the final states fold into',
          value: stream.itemsExpected,
          ratio: ratio(stream.itemsMatching, stream.itemsExpected),
        },
        note: `${stream.dossiers} dossiers, ${stream.changes} intakes and actions through the local API; items whose counters equal the bulk load plus the fold of the final states`,
      },
      'stats.stream.ms_per_dossier': {
        value: ms((stream.pushMs + stream.drainMs) / stream.dossiers),
        unit: 'ms',
        comparedWith: {
          name: 'the API calls alone',
          value: ms(stream.pushMs / stream.dossiers),
          ratio: ratio(stream.pushMs + stream.drainMs, stream.pushMs),
        },
        note: `wall time per dossier until its counters are in, the poller following live; ${Math.round(stream.drainMs)} ms after the last write to drain`,
      },
      ...reportFigures('stats.report.city-year', cityYear, 'scope=city&by=unit, one calendar year'),
      ...reportFigures(
        'stats.report.city-year-by-procedure',
        byProcedure,
        'scope=city&by=procedure, one calendar year',
      ),
      ...reportFigures(
        'stats.report.district-year',
        districtYear,
        `scope=district:<id>&by=unit for each of the ${districts.length} districts, one calendar year (items summed over them)`,
      ),
      ...reportFigures('stats.report.ward-month', wardMonth, `scope=ward:${ward}&by=procedure, ${month}`),
    };
  } finally {
    await runtime.stop();
  }
}

/** The ward with the most dossiers received in the year. */
function busiestWard(sums: StatsSums, year: number): string {
  const received = new Map<string, number>();
  for (const item of sums.items.values()) {
    if (item.grain !== 'Y' || item.period !== String(year)) continue;
    const n = (item.counts.receivedOnline ?? 0) + (item.counts.receivedInPerson ?? 0);
    received.set(item.wardId, (received.get(item.wardId) ?? 0) + n);
  }
  return [...received.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] as string;
}

function reportFigures(prefix: string, t: ReportTimes, what: string): Record<string, Figure> {
  const latency = (p: number): Figure => ({
    value: ms(percentile(t.report, p)),
    unit: 'ms',
    comparedWith: {
      name: `the same reads with stats-reader.ts alone (p${p})`,
      value: ms(percentile(t.adapter, p)),
      ratio: ratio(percentile(t.report, p), percentile(t.adapter, p)),
    },
    note: `${what}, JSON through the local API as the city official, ${t.report.length} requests`,
  });
  return {
    [`${prefix}.p50`]: latency(50),
    [`${prefix}.p95`]: latency(95),
    [`${prefix}.items_read`]: {
      value: t.itemsRead,
      unit: 'items',
      comparedWith: {
        name: 'stats items holding data for the periods its cover needs',
        value: t.minimum,
        ratio: ratio(t.itemsRead, t.minimum),
      },
      note: `${what}: itemsRead of the response`,
    },
  };
}
