import type * as z from 'zod';
import { ZodError } from 'zod';
import {
  AuthenticationError,
  ConflictError,
  DomainError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  UnprocessableError,
} from '#domain/errors';

/** An error that already knows its HTTP answer (malformed JSON, body too large…). */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export interface FieldError {
  readonly field: string;
  readonly reason: string;
}

export interface ErrorBody {
  readonly error: { code: string; message: string; fields?: FieldError[]; [key: string]: unknown };
}

/** Maps any thrown value to a status and a JSON body; unknown errors are 500s. */
export function toErrorResponse(error: unknown, requestId: string): { statusCode: number; body: ErrorBody } {
  if (error instanceof HttpError) {
    return {
      statusCode: error.statusCode,
      body: { error: { code: error.code, message: error.message, ...error.details } },
    };
  }
  if (error instanceof ZodError) return invalid(fieldErrors(error));
  if (error instanceof InvalidInputError) return invalid([{ field: error.field, reason: error.reason }]);
  if (error instanceof DomainError) {
    const [statusCode, code] = statusOf(error);
    const body: ErrorBody['error'] = { code, message: error.message };
    if (error instanceof ConflictError) Object.assign(body, error.details);
    if (error instanceof UnprocessableError && error.field)
      body.fields = [{ field: error.field, reason: error.message }];
    return { statusCode, body: { error: body } };
  }
  return { statusCode: 500, body: { error: { code: 'internal', message: 'internal error', requestId } } };
}

function statusOf(error: DomainError): [number, string] {
  if (error instanceof AuthenticationError) return [401, 'unauthenticated'];
  if (error instanceof ForbiddenError) return [403, 'forbidden'];
  if (error instanceof NotFoundError) return [404, 'not_found'];
  if (error instanceof ConflictError) return [409, 'conflict'];
  if (error instanceof UnprocessableError) return [422, 'unprocessable'];
  return [400, 'bad_request'];
}

function invalid(fields: FieldError[]) {
  const error = validationError(fields);
  return { statusCode: 400, body: { error: { code: error.code, message: error.message, ...error.details } } };
}

/** The 400 answer for bad input: every problem, each naming its field and why. */
export function validationError(fields: FieldError[]): HttpError {
  const message = `invalid request: ${fields.map((f) => `${f.field} ${f.reason}`).join('; ')}`;
  return new HttpError(400, 'invalid_request', message, { fields });
}

/** One entry per problem, naming the field by its path (`applicant.fullName`, `documents.0.quantity`). */
export function fieldErrors(error: ZodError, prefix?: string): FieldError[] {
  return error.issues.map((issue: z.core.$ZodIssue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    const missing = issue.code === 'invalid_type' && /received undefined$/.test(issue.message);
    if (issue.code === 'unrecognized_keys') {
      return { field: path || '(body)', reason: `has unknown field(s): ${issue.keys.join(', ')}` };
    }
    return { field: path || '(body)', reason: missing ? 'is required' : issue.message };
  });
}
