import * as z from 'zod';
import { PriorityKind } from '../queue/events.ts';
import { type FieldError, validationError } from './http.ts';

/** The reason zod gives for a wrong or missing value: "is required" reads better than "received undefined". */
const need = (what: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? 'is required' : `must be ${what}`;

const COUNTER = 'a counter number from 1 to 99';

/** A counter number in a URL: digits only (no "0x3", "3e0" or blanks sneaking through coercion). */
const CounterParam = z
  .string()
  .regex(/^\d{1,2}$/, { error: `must be ${COUNTER}` })
  .transform(Number)
  .pipe(z.number().min(1, { error: `must be ${COUNTER}` }));

/** A ticket number as the engine issues it: the field's capital letter and its digits. */
const TicketNumber = z.string().regex(/^[A-Z]\d{3,5}$/, { error: 'must be a ticket number such as A012' });

const FieldId = z
  .string({ error: need('a field id') })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(64, { error: 'must be at most 64 characters' });

export const IssueTicketBody = z.strictObject({
  field: FieldId,
  priority: z
    .enum(PriorityKind.options, { error: `must be one of ${PriorityKind.options.join(', ')}` })
    .nullable()
    .optional(),
});

export const LoginBody = z.strictObject({
  clerk: z
    .string({ error: need('the clerk code, as text') })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(64, { error: 'must be at most 64 characters' }),
  pin: z
    .string({ error: need('the PIN, as text') })
    .min(1, { error: 'must not be empty' })
    .max(32, { error: 'must be at most 32 characters' }),
});

export const TransferBody = z.strictObject({ field: FieldId });

export const RatingBody = z.strictObject({
  counter: z
    .number({ error: need(COUNTER) })
    .int({ error: `must be ${COUNTER}` })
    .min(1, { error: `must be ${COUNTER}` })
    .max(99, { error: `must be ${COUNTER}` }),
  score: z
    .number({ error: need('a score from 1 to 4') })
    .int({ error: 'must be a whole number from 1 to 4' })
    .min(1, { error: 'must be from 1 to 4' })
    .max(4, { error: 'must be from 1 to 4' }),
});

export const CounterPath = z.object({ counter: CounterParam });
export const TicketPath = z.object({ number: TicketNumber });
export const AnnouncementPath = z.object({ number: TicketNumber, counter: CounterParam });

/** Parses `input`, or throws the 400 that names every bad field (prefixed `path.` for URL parts). */
export function parse<S extends z.ZodType>(schema: S, input: unknown, prefix?: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw validationError(fieldErrors(parsed.error, prefix));
}

function fieldErrors(error: z.ZodError, prefix?: string): FieldError[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String);
    const field = [prefix, ...path].filter(Boolean).join('.') || '(body)';
    if (issue.code === 'unrecognized_keys') {
      return { field, reason: `has unknown field(s): ${issue.keys.join(', ')}` };
    }
    if (path.length === 0) return { field, reason: 'must be a JSON object' };
    return { field, reason: issue.message };
  });
}
