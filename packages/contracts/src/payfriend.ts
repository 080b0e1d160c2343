/**
 * Payfriend's request and response shapes: phone, SMS outbox, authenticator
 * devices and payments. Amounts travel as decimal strings; the server keeps
 * integer minor units and never uses floating point.
 */
import { type Static, Type } from 'typebox';

// ---- phone and SMS -------------------------------------------------------

export const PhoneInput = Type.Object({ phone: Type.String({ minLength: 1, maxLength: 32 }) });
export type PhoneInput = Static<typeof PhoneInput>;

export const CodeInput = Type.Object({ code: Type.String({ minLength: 1, maxLength: 16 }) });
export type CodeInput = Static<typeof CodeInput>;

export const PhoneStatus = Type.Object({
  /** E.164, or null when none was given. */
  phone: Type.Union([Type.String(), Type.Null()]),
  verified: Type.Boolean(),
  /** Seconds until another code may be sent, when a code was just sent. */
  resend_after: Type.Union([Type.Integer(), Type.Null()]),
  /** The number grouped as its country writes it ("+44 7700 900123"), for display. */
  phone_display: Type.Union([Type.String(), Type.Null()]),
  /** True when texts go to this site's local Outbox page instead of a real phone. */
  sms_outbox: Type.Boolean(),
});
export type PhoneStatus = Static<typeof PhoneStatus>;

export const SmsMessage = Type.Object({
  id: Type.String(),
  /** E.164. */
  to: Type.String(),
  /** The same number grouped as its country writes it, for display. */
  to_display: Type.String(),
  body: Type.String(),
  created_at: Type.String({ description: 'ISO 8601' }),
});
export type SmsMessage = Static<typeof SmsMessage>;

// ---- authenticator devices ----------------------------------------------

export const ReauthInput = Type.Object({ password: Type.String({ minLength: 1, maxLength: 1024 }) });
export type ReauthInput = Static<typeof ReauthInput>;

export const Pairing = Type.Object({
  /** Single-use secret; also inside pairing_url. */
  code: Type.String(),
  /** Open on the phone: <PUBLIC_URL>/authenticator/pair#code=<code> */
  pairing_url: Type.String(),
  expires_at: Type.String(),
});
export type Pairing = Static<typeof Pairing>;

/** An EC P-256 public key as WebCrypto exports it (JWK). */
export const PublicKeyJwk = Type.Object({
  kty: Type.Literal('EC'),
  crv: Type.Literal('P-256'),
  x: Type.String({ minLength: 43, maxLength: 43 }),
  y: Type.String({ minLength: 43, maxLength: 43 }),
});

export const PairDeviceInput = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 128 }),
  name: Type.String({ minLength: 1, maxLength: 60 }),
  public_key: PublicKeyJwk,
});
export type PairDeviceInput = Static<typeof PairDeviceInput>;

export const PairedDevice = Type.Object({ device_id: Type.String(), user_email: Type.String() });
export type PairedDevice = Static<typeof PairedDevice>;

export const Device = Type.Object({
  id: Type.String(),
  name: Type.String(),
  created_at: Type.String(),
  last_used_at: Type.Union([Type.String(), Type.Null()]),
});
export type Device = Static<typeof Device>;

/** What a device shows before its user decides. */
export const PendingApproval = Type.Object({
  payment_id: Type.String(),
  payee: Type.String(),
  amount: Type.String(),
  currency: Type.String(),
  amount_display: Type.String(),
  requested_at: Type.String(),
  requested_from: Type.String({ description: 'IP address and browser of the request' }),
  expires_at: Type.String(),
  /** The challenge digest the device signs together with its decision. */
  digest: Type.String(),
});
export type PendingApproval = Static<typeof PendingApproval>;

export const DeviceDecisionInput = Type.Object({
  decision: Type.Union([Type.Literal('approve'), Type.Literal('deny')]),
  /** base64url ECDSA P-256 SHA-256 signature (IEEE P1363, as WebCrypto makes) over `${digest}.${decision}`. */
  signature: Type.String({ minLength: 1, maxLength: 200 }),
});
export type DeviceDecisionInput = Static<typeof DeviceDecisionInput>;

// ---- payments ---------------------------------------------------------------

export const PaymentInput = Type.Object({
  payee: Type.String({ minLength: 1, maxLength: 254 }),
  /** Decimal string: "19.99", "8.20", "1000". */
  amount: Type.String({ minLength: 1, maxLength: 32 }),
  currency: Type.String({ minLength: 3, maxLength: 3 }),
});
export type PaymentInput = Static<typeof PaymentInput>;

export const PaymentStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('approved'),
  Type.Literal('denied'),
  Type.Literal('expired'),
]);
export type PaymentStatus = Static<typeof PaymentStatus>;

export const Payment = Type.Object({
  id: Type.String(),
  payee: Type.String(),
  amount: Type.String(),
  amount_minor: Type.Integer(),
  currency: Type.String(),
  amount_display: Type.String(),
  status: PaymentStatus,
  created_at: Type.String(),
  expires_at: Type.String(),
  decided_at: Type.Union([Type.String(), Type.Null()]),
  /** device | sms | callback | expiry | attempts */
  decided_by: Type.Union([Type.String(), Type.Null()]),
});
export type Payment = Static<typeof Payment>;

export const PaymentPage = Type.Object({
  items: Type.Array(Payment),
  page: Type.Integer(),
  per_page: Type.Integer(),
  total: Type.Integer(),
});
export type PaymentPage = Static<typeof PaymentPage>;

/** GET /api/payments/settings: the rules the payer's page follows. */
export const PaymentSettings = Type.Object({
  sms_fallback_after_seconds: Type.Integer(),
  challenge_ttl_seconds: Type.Integer(),
});
export type PaymentSettings = Static<typeof PaymentSettings>;

export const SmsCodeSent = Type.Object({
  sent_to: Type.String({ description: 'masked phone number' }),
  expires_at: Type.String(),
  resend_after: Type.Integer(),
});
export type SmsCodeSent = Static<typeof SmsCodeSent>;
