/** The payment failures with codes of their own; core/errors.ts maps their statuses to HTTP. */
import { AppError, ConflictError, type FieldProblem, ForbiddenError, NotFoundError } from '../../core/errors.ts';

/** 422 with a specific code, for rule failures a client should tell apart (a wrong code, a reused key). */
export class UnprocessableError extends AppError {
  readonly status = 422;
  constructor(readonly code: string, message: string, fields?: FieldProblem[]) {
    super(message, fields);
  }
}

/** Too many failed authentications in a row: no decisions until `blockedUntil`. */
export class ScaBlockedError extends ForbiddenError {
  constructor(readonly blockedUntil: number, now: number) {
    super('SCA_BLOCKED', `Too many failed authentications; try again after ${new Date(blockedUntil).toISOString()}`);
    this.headers['retry-after'] = String(Math.max(1, Math.ceil((blockedUntil - now) / 1000)));
  }
}

/** Another user's payment is reported exactly like a missing one. */
export function paymentNotFound(): NotFoundError {
  return new NotFoundError('No such payment');
}

export function paymentAlreadyDecided(status: string): ConflictError {
  return new ConflictError('PAYMENT_ALREADY_DECIDED', `The payment is already ${status}`);
}

export function paymentExpired(): ConflictError {
  return new ConflictError('PAYMENT_EXPIRED', 'The payment expired before it was authorised');
}
