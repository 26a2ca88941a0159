import * as z from 'zod';
import { findWard, type Ward } from '#domain/catalogue/units';
import { NotFoundError } from '#domain/errors';

/** Path `{wardId}`; an unknown ward is a 404, not a validation error. */
export const WardPath = z.object({ wardId: z.string().min(1).max(64) });

export function getWard(wardId: string): Ward {
  const ward = findWard(wardId);
  if (!ward) throw new NotFoundError(`unknown ward '${wardId}'`);
  return ward;
}

export const CodePath = z.object({ code: z.string().min(1).max(64) });

/** Path `{code}/documents/{documentId}`; an unknown id is a 404, like an unknown code. */
export const DocumentPath = CodePath.extend({ documentId: z.string().min(1).max(64) });

/** Query flags written `true` / `false`. */
export const BooleanParam = z.enum(['true', 'false']).transform((v) => v === 'true');
