import * as z from 'zod';

/** A queue field (lĩnh vực) with the letter its ticket numbers start with. */
export const QueueField = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  prefix: z.string().regex(/^[A-Z]$/, 'must be one capital letter'),
});
export type QueueField = z.infer<typeof QueueField>;

/** A counter (quầy) and the fields it serves, oldest ticket first across them. */
export const QueueCounter = z.object({
  number: z.number().int().min(1).max(99),
  fields: z.array(z.string()).min(1),
});
export type QueueCounter = z.infer<typeof QueueCounter>;

/** How a ward runs its queue; part of the config the cloud publishes (retained). */
export const QueueConfig = z
  .object({
    fields: z.array(QueueField).min(1),
    counters: z.array(QueueCounter).min(1),
    /** A called ticket recalled this many times becomes a no-show on the next recall. */
    noShowAfterRecalls: z.number().int().min(0).max(10).default(2),
    /** Minutes after a no-show during which the citizen may rejoin with the same number. */
    rejoinWindowMinutes: z.number().int().min(0).max(240).default(30),
    /** At most this many priority tickets in a row at a counter while normal ones wait. */
    priorityBurst: z.number().int().min(1).max(10).default(2),
    /** Seconds after service during which the rating pad accepts a rating. */
    ratingWindowSeconds: z.number().int().min(5).max(600).default(60),
  })
  .superRefine((config, ctx) => {
    const ids = new Set<string>();
    const prefixes = new Set<string>();
    config.fields.forEach((f, i) => {
      if (ids.has(f.id))
        ctx.addIssue({ code: 'custom', path: ['fields', i, 'id'], message: `duplicate field ${f.id}` });
      if (prefixes.has(f.prefix)) {
        ctx.addIssue({
          code: 'custom',
          path: ['fields', i, 'prefix'],
          message: `prefix ${f.prefix} is used twice`,
        });
      }
      ids.add(f.id);
      prefixes.add(f.prefix);
    });
    const numbers = new Set<number>();
    config.counters.forEach((c, i) => {
      if (numbers.has(c.number)) {
        ctx.addIssue({
          code: 'custom',
          path: ['counters', i, 'number'],
          message: `duplicate counter ${c.number}`,
        });
      }
      numbers.add(c.number);
      c.fields.forEach((f, j) => {
        if (!ids.has(f))
          ctx.addIssue({ code: 'custom', path: ['counters', i, 'fields', j], message: `unknown field ${f}` });
      });
    });
  });
export type QueueConfig = z.infer<typeof QueueConfig>;
