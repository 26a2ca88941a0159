import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as z from 'zod';
import { findWard } from '#domain/catalogue/units';

const HostPort = z.string().regex(/^[A-Za-z0-9.-]+:\d{1,5}$/, 'must be host:port');

/**
 * The agent's own settings, one file per ward mini-PC (see edge-agent/README.md). What the
 * queue looks like (counters, fields, staff) comes from the cloud instead (ward-config.ts).
 */
export const AgentSettings = z
  .object({
    wardId: z.string().min(1),
    /** Checked against the ward; optional because the ward determines it. */
    districtId: z.string().optional(),
    iot: z.object({
      /** IoT Core data endpoint (`xxxx-ats.iot.ap-southeast-1.amazonaws.com:8883`) or the local broker. */
      endpoint: HostPort,
      certPath: z.string().min(1),
      keyPath: z.string().min(1),
      caPath: z.string().min(1),
    }),
    /** Where the event store, the last ward config and the session secret live. */
    dataDir: z.string().min(1),
    lan: z
      .object({ host: z.string().default('0.0.0.0'), port: z.number().int().min(0).max(65535).default(4000) })
      .default({ host: '0.0.0.0', port: 4000 }),
    printer: z
      .discriminatedUnion('kind', [
        z.object({
          kind: z.literal('network'),
          host: z.string().min(1),
          port: z.number().int().default(9100),
        }),
        z.object({ kind: z.literal('simulator'), port: z.number().int().min(0).default(0) }),
        z.object({ kind: z.literal('none') }),
      ])
      .default({ kind: 'none' }),
    ledBoards: z
      .discriminatedUnion('kind', [
        z.object({
          kind: z.literal('serial'),
          path: z.string().min(1),
          baudRate: z.number().int().default(9600),
          protocol: z.enum(['ascii', 'modbus']),
        }),
        z.object({ kind: z.literal('simulator'), protocol: z.enum(['ascii', 'modbus']).default('ascii') }),
        z.object({ kind: z.literal('none') }),
      ])
      .default({ kind: 'none' }),
    /** The page a ticket's QR opens to follow the queue on a phone. */
    followUrl: z.string().url().optional(),
    /** A local staff list `[{ id, name, pinHash }]` used until the cloud sends one. */
    staffFile: z.string().optional(),
  })
  .superRefine((s, ctx) => {
    const ward = findWard(s.wardId);
    if (!ward) ctx.addIssue({ code: 'custom', path: ['wardId'], message: `unknown ward '${s.wardId}'` });
    else if (s.districtId && s.districtId !== ward.districtId) {
      ctx.addIssue({
        code: 'custom',
        path: ['districtId'],
        message: `ward ${s.wardId} belongs to ${ward.districtId}`,
      });
    }
  });
export type AgentSettings = z.infer<typeof AgentSettings>;

/** Thing name of a ward's agent in IoT Core (ARCHITECTURE §4). */
export const thingName = (wardId: string) => `motcua-${wardId}`;

/**
 * Reads and validates a settings file, reporting every problem at once. Relative paths in it
 * are relative to the file.
 */
export function loadSettings(file: string): AgentSettings {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read agent settings ${file}: ${(error as Error).message}`);
  }
  const parsed = AgentSettings.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `  - ${i.path.join('.') || '(file)'}: ${i.message}`)
      .join('\n');
    throw new Error(`invalid agent settings ${file}:\n${problems}`);
  }
  const base = dirname(resolve(file));
  const at = (p: string) => resolve(base, p);
  const s = parsed.data;
  return {
    ...s,
    dataDir: at(s.dataDir),
    iot: { ...s.iot, certPath: at(s.iot.certPath), keyPath: at(s.iot.keyPath), caPath: at(s.iot.caPath) },
    ...(s.staffFile ? { staffFile: at(s.staffFile) } : {}),
  };
}
