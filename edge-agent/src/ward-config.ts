import * as z from 'zod';
import { fields as seedFields } from '#domain/catalogue/fields';
import { QueueConfig } from './queue/config.ts';

/** A clerk who may log in at a counter; the PIN is stored as a scrypt hash `scrypt$<salt>$<hash>`. */
export const StaffMember = z.object({
  id: z.string().min(1).max(128),
  name: z.string().min(1).max(200),
  pinHash: z.string().regex(/^scrypt\$[0-9a-f]{32}\$[0-9a-f]{64}$/, 'must be scrypt$<salt hex>$<hash hex>'),
});
export type StaffMember = z.infer<typeof StaffMember>;

/**
 * What the cloud publishes (retained) on `motcua/<district>/<ward>/config`: counters and their
 * fields, staff on duty, display texts. The agent keeps the last one it received.
 */
export const WardConfig = z.object({
  version: z.number().int().min(0),
  queue: QueueConfig,
  staff: z.array(StaffMember).max(200),
  display: z
    .object({ title: z.string().max(200).optional(), notice: z.string().max(500).optional() })
    .default({}),
});
export type WardConfig = z.infer<typeof WardConfig>;

const PREFIXES = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * The seed layout (appendix 1): counter 1 clerical, 2–3 certification and civil status,
 * 4 construction/housing/land, 5 labour-social affairs, 6 tax, 7 other fields, 8 advice.
 * Used until the cloud's configuration arrives, so a new agent works on its first start.
 */
export function seedWardConfig(staff: StaffMember[] = []): WardConfig {
  const counters = new Map<number, string[]>();
  for (const field of seedFields) {
    for (const c of field.counters) counters.set(c, [...(counters.get(c) ?? []), field.id]);
  }
  return WardConfig.parse({
    version: 0,
    queue: {
      fields: seedFields.map((f, i) => ({ id: f.id, name: f.name, prefix: PREFIXES[i] })),
      counters: [...counters.entries()]
        .sort(([a], [b]) => a - b)
        .map(([number, fieldIds]) => ({ number, fields: fieldIds })),
    },
    staff,
  });
}
