import { AppError } from '../../core/errors.ts';

/** A verification code that cannot be accepted; the stable code says why, and the field is always `code`. */
export class CodeRejectedError extends AppError {
  readonly status = 422;
  constructor(readonly code: 'CODE_INCORRECT' | 'CODE_EXPIRED' | 'CODE_ATTEMPTS_EXCEEDED' | 'NO_CODE_PENDING', message: string) {
    super(message, [{ field: 'code', message }]);
  }
}
