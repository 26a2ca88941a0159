import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '#api/routes';
import { type Synthesised, synthMotcua } from './support/synth.ts';

/**
 * Four routes that cover every kind (public, public lookup, staff route writing two tables, staff
 * route publishing to the agents), so the snapshot shows the full shape of a district, agent
 * ingest included, without changing each time a route is added; the assertion tests cover every
 * route.
 */
const SNAPSHOT_MODULES = ['health', 'dossiers/create', 'public/lookup', 'queue/call-next'];

let synth: Synthesised;

beforeAll(async () => {
  synth = await synthMotcua({
    context: { district: 'hai-chau' },
    routes: routes.filter((r) => SNAPSHOT_MODULES.includes(r.module)),
  });
}, 120_000);
afterAll(() => synth?.dispose());

/** Asset hashes and asset metadata change with every code change and say nothing about the infrastructure. */
function scrub(template: unknown): unknown {
  return JSON.parse(
    JSON.stringify(template, (key, value) => (key.startsWith('aws:asset:') ? undefined : value)).replace(
      /[0-9a-f]{64}/g,
      '<asset-hash>',
    ),
  );
}

describe('Snapshot', () => {
  it('of the city stack', () => {
    expect(scrub(synth.template(synth.city).toJSON())).toMatchSnapshot();
  });

  it('of a district stack', () => {
    expect(scrub(synth.template(synth.districts[0] as never).toJSON())).toMatchSnapshot();
  });
});
