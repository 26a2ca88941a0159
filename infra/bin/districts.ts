import { districtIds, selectDistricts } from '../config/districts.ts';

/**
 * Prints the district ids as a JSON array, for the CI deploy matrix:
 * `tsx infra/bin/districts.ts` (or `all`) lists every district, `tsx infra/bin/districts.ts <id>`
 * just that one, and an unknown id fails with the list of known ones.
 */
const wanted = process.argv[2];
try {
  const ids =
    wanted === undefined || wanted === 'all' ? districtIds : selectDistricts(wanted).map((d) => d.id);
  console.log(JSON.stringify(ids));
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
