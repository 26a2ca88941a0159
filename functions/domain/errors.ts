/**
 * Domain errors. Handlers map each class to one HTTP status (functions/api/errors.ts);
 * nothing else in the domain knows about HTTP.
 */
export class DomainError extends Error {
  override readonly name: string = 'DomainError';
}

/** Something named by the caller does not exist (or must look as if it does not). */
export class NotFoundError extends DomainError {
  override readonly name = 'NotFoundError';
}

/** The caller may not do this. */
export class ForbiddenError extends DomainError {
  override readonly name = 'ForbiddenError';
}

/** Input is well-formed but refers to something unusable (e.g. an unknown procedure). */
export class UnprocessableError extends DomainError {
  override readonly name = 'UnprocessableError';
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** The action conflicts with the current state or version of a record. */
export class ConflictError extends DomainError {
  override readonly name = 'ConflictError';
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Input that breaks a rule the schema cannot express; answered like a schema violation (400). */
export class InvalidInputError extends DomainError {
  override readonly name = 'InvalidInputError';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

/** No valid credentials (missing, malformed, expired or wrongly signed token). */
export class AuthenticationError extends DomainError {
  override readonly name = 'AuthenticationError';
}
