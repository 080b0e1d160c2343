/**
 * One error class per kind of failure, each with a stable code. The HTTP error
 * handler maps them to statuses in one place (plugins/error-handler.ts).
 */
export interface FieldProblem {
  field: string;
  message: string;
}

export abstract class AppError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  readonly fields: FieldProblem[] | undefined;
  readonly headers: Record<string, string> = {};

  constructor(message: string, fields?: FieldProblem[]) {
    super(message);
    this.name = new.target.name;
    this.fields = fields;
  }
}

export class ValidationError extends AppError {
  readonly status = 422;
  readonly code = 'VALIDATION_FAILED';
  static forField(field: string, message: string): ValidationError {
    return new ValidationError(`${field}: ${message}`, [{ field, message }]);
  }
}

/**
 * Checks several fields and reports every one that fails, so a form can mark
 * them all at once instead of one per attempt.
 */
export class FieldChecks {
  private readonly problems: FieldProblem[] = [];

  /** The check's result, or undefined when it threw a ValidationError (kept for later). */
  check<T>(run: () => T): T | undefined {
    try {
      return run();
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      this.problems.push(...(error.fields ?? [{ field: '(root)', message: error.message }]));
      return undefined;
    }
  }

  /** Throws one ValidationError naming every failed field, if any failed. */
  throwIfAny(): void {
    if (this.problems.length === 0) return;
    const message = this.problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ');
    throw new ValidationError(message, this.problems);
  }
}

export class BadRequestError extends AppError {
  readonly status = 400;
  constructor(readonly code: string, message: string, fields?: FieldProblem[]) {
    super(message, fields);
  }
}

export class UnauthorizedError extends AppError {
  readonly status = 401;
  constructor(readonly code = 'UNAUTHORIZED', message = 'Authentication required') {
    super(message);
  }
}

export class ForbiddenError extends AppError {
  readonly status = 403;
  constructor(readonly code = 'FORBIDDEN', message = 'Not allowed') {
    super(message);
  }
}

export class NotFoundError extends AppError {
  readonly status = 404;
  readonly code = 'NOT_FOUND';
}

export class ConflictError extends AppError {
  readonly status = 409;
  constructor(readonly code: string, message: string, fields?: FieldProblem[]) {
    super(message, fields);
  }
}

export class RateLimitedError extends AppError {
  readonly status = 429;
  constructor(readonly code: string, message: string, readonly retryAfterSeconds: number) {
    super(message);
    this.headers['retry-after'] = String(Math.max(1, Math.ceil(retryAfterSeconds)));
  }
}

export class UpstreamError extends AppError {
  readonly status = 502;
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

/** A service we depend on does not answer (an identity provider, say); worth retrying soon. */
export class ServiceUnavailableError extends AppError {
  readonly status = 503;
  constructor(readonly code: string, message: string, retryAfterSeconds = 10) {
    super(message);
    this.headers['retry-after'] = String(retryAfterSeconds);
  }
}
