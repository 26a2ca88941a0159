import * as z from 'zod';

/** Path `{year}`: the calendar is computed for 1900–2100. */
export const YearPath = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/, 'must be a four-digit year')
    .transform(Number)
    .refine((y) => y >= 1900 && y <= 2100, 'must be from 1900 to 2100'),
});
