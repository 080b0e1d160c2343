/** Failures specific to devices, each with its stable code (statuses are mapped by the error handler). */
import { AppError, ForbiddenError, UnauthorizedError } from '../../core/errors.ts';

/** Wrong, expired and already used codes get this same answer, so a guesser learns nothing. */
export class PairingCodeInvalidError extends AppError {
  readonly status = 404;
  readonly code = 'PAIRING_CODE_INVALID';
  constructor() {
    super('This pairing code is not valid (wrong, expired or already used); create a new one', [
      { field: 'code', message: 'is not valid' },
    ]);
  }
}

export class DecisionSignatureInvalidError extends AppError {
  readonly status = 422;
  readonly code = 'DECISION_SIGNATURE_INVALID';
  constructor() {
    super('The decision signature does not verify for this payment', [
      { field: 'signature', message: 'does not verify over this payment\'s digest and decision' },
    ]);
  }
}

export const reauthRequired = () =>
  new ForbiddenError(
    'REAUTH_REQUIRED',
    'Prove it is you again, then retry: your password (POST /api/auth/reauthenticate), or, for accounts of the identity provider, GET /api/auth/oidc/login?reauth=1',
  );

export const sessionRequired = () =>
  new ForbiddenError('SESSION_REQUIRED', 'Pairing a device is done from the signed-in page, not with a bearer token');

export type DeviceAuthFailure =
  | 'DEVICE_HEADERS_INVALID'
  | 'DEVICE_UNKNOWN'
  | 'DEVICE_REVOKED'
  | 'DEVICE_CLOCK_SKEW'
  | 'DEVICE_REPLAY'
  | 'DEVICE_SIGNATURE_INVALID';

export const deviceAuthFailed = (code: DeviceAuthFailure, message: string) => new UnauthorizedError(code, message);
