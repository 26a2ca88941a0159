import * as z from 'zod';
import { workingCalendar } from '#adapters/calendar-repository';
import { readEnv } from '#adapters/env';
import { dossiers } from '#adapters/repositories';
import { inlineDisposition } from '#api/content-disposition';
import { type HttpResult, httpHandler } from '#api/http';
import { canReadWard } from '#domain/auth/access';
import { findProcedure } from '#domain/catalogue/procedures';
import { findWard } from '#domain/catalogue/units';
import { matchesLookupKey, normaliseLookupKey } from '#domain/dossier/lookup-key';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '#domain/errors';
import { checkNewDueAt } from '#domain/forms/apology';
import { formApplies } from '#domain/forms/applicability';
import type { FormInput } from '#domain/forms/common';
import { buildForm } from '#domain/forms/forms';
import { FormId } from '#domain/forms/layout';
import { renderHtml } from '#forms/html';
import { renderPdf } from '#forms/pdf';

const Path = z.object({ code: z.string().min(1).max(64), form: FormId });

const Query = z.object({
  /** `pdf` to print (default), `html` to preview. */
  format: z.enum(['pdf', 'html']).default('pdf'),
  /** Form 01: the lookup key from the intake answer; printed only if it matches the dossier. */
  key: z.string().min(1).max(64).optional(),
  /** Form 04: the new return date, a working day after the current due date. */
  newDueAt: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
    .optional(),
  /** Form 04: why the dossier is late. */
  reason: z.string().trim().min(1).max(1000).optional(),
});

/**
 * `GET /v1/dossiers/{code}/forms/{form}` (anyone who may read the dossier): form 01, 02, 03, 04
 * or 06 filled in from the dossier, as A4 PDF or (`?format=html`) an HTML preview. A form that
 * does not apply to the dossier in its state answers 409.
 */
export const handler = httpHandler(
  { access: 'authenticated', path: Path, query: Query },
  async ({ path, query, principal, now }): Promise<HttpResult> => {
    const found = await dossiers.findWithHistory(path.code);
    if (!found) throw new NotFoundError(`dossier ${path.code} not found`);
    const { dossier, history } = found;
    if (!canReadWard(principal, dossier.wardId))
      throw new ForbiddenError(`dossier ${path.code} belongs to another ward`);
    const ward = findWard(dossier.wardId);
    if (!ward) throw new NotFoundError(`dossier ${path.code} not found`);
    const applies = formApplies(path.form, { dossier, history, now });
    if (!applies.applies)
      throw new ConflictError(applies.reason, { form: path.form, status: dossier.status });

    const input: { -readonly [K in keyof FormInput]: FormInput[K] } = {
      dossier,
      history,
      ward,
      procedure: findProcedure(dossier.procedureId),
      now,
    };
    if (path.form === '01' && query.key) {
      // The caller may read the dossier anyway, so a 404 would hide nothing: 403 says this key
      // may not be printed, and never which one would.
      if (!matchesLookupKey(dossier.code, query.key, dossier.lookupKeyHash))
        throw new ForbiddenError('the key does not match this dossier; print the receipt without it');
      input.lookupKey = normaliseLookupKey(query.key);
      input.webOrigin = readEnv().webUrl;
    }
    if (path.form === '04') {
      if (!query.newDueAt)
        throw new InvalidInputError('query.newDueAt', 'is required for form 04 (YYYY-MM-DD)');
      const newDueAt = checkNewDueAt(query.newDueAt, dossier, await workingCalendar(), 'query.newDueAt');
      input.apology = { newDueAt, reason: query.reason };
    }

    const form = buildForm(path.form, input);
    if (query.format === 'html') {
      return {
        status: 200,
        // The page is self-contained: inline styles and SVG, nothing to fetch, no script to run.
        headers: { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" },
        raw: { contentType: 'text/html; charset=utf-8', data: renderHtml(form) },
      };
    }
    return {
      status: 200,
      headers: { 'content-disposition': inlineDisposition(`${form.fileName}.pdf`) },
      raw: { contentType: 'application/pdf', data: await renderPdf(form) },
    };
  },
);
