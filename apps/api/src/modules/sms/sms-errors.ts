/** How a failed send reaches the caller: never as a raw 500 with the provider's details. */
import { AppError } from '../../core/errors.ts';

/** The provider is down, refused our credentials, or failed in some way the user cannot fix. */
export class SmsDeliveryError extends AppError {
  readonly status = 502;
  readonly code = 'SMS_DELIVERY_FAILED';
}

/** The provider refused this recipient (not a number it can text); the user can fix it with another number. */
export class SmsRecipientRejectedError extends AppError {
  readonly status = 422;
  readonly code = 'SMS_RECIPIENT_REJECTED';
}
