/** Payments that wait for strong customer authentication. */
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../../config.ts';
import type { Clock } from '../../core/clock.ts';
import type { EventBus } from '../../core/events.ts';
import type { RateLimiter } from '../../core/rate-limiter.ts';
import type { Database } from '../../db/database.ts';
import type { RequireUser } from '../../plugins/auth.ts';
import type { EventStreams } from '../../plugins/event-stream.ts';
import type { PhoneDirectory } from '../phone/index.ts';
import type { SmsSender } from '../sms/index.ts';
import type { PaymentAuthorization } from './authorization.ts';

export interface PaymentsDeps {
  database: Database;
  config: AppConfig;
  clock: Clock;
  events: EventBus;
  streams: EventStreams;
  sms: SmsSender;
  phones: PhoneDirectory;
  limiter: RateLimiter;
  requireUser: RequireUser;
}

export function installPayments(_app: FastifyInstance, _deps: PaymentsDeps): PaymentAuthorization {
  const unavailable = async (): Promise<never> => {
    throw new Error('payments are not available yet');
  };
  return { pendingApprovals: unavailable, challengeDigest: unavailable, decideByDevice: unavailable, recordFailure: unavailable };
}
