/**
 * Message ids that sort in sending order (UUIDv7 layout, RFC 9562): the outbox
 * lists newest first, and several messages may share one millisecond (always,
 * under a test's frozen clock), so created_at alone cannot order them.
 */
import { randomBytes } from 'node:crypto';

let lastMs = 0;
let counter = 0;

/** A UUIDv7 whose 12-bit rand_a field is a counter within the millisecond, so ids from this process never go backwards. */
export function newMessageId(nowMs: number): string {
  if (nowMs > lastMs) {
    lastMs = nowMs;
    counter = 0;
  } else if (++counter > 0xfff) {
    // 4096 ids in one millisecond: borrow the next one rather than repeat an id.
    lastMs += 1;
    counter = 0;
  }
  const time = lastMs.toString(16).padStart(12, '0').slice(-12);
  const random = randomBytes(8);
  random[0] = (random[0]! & 0x3f) | 0x80; // RFC 9562 variant
  const tail = random.toString('hex');
  const version = `7${counter.toString(16).padStart(3, '0')}`;
  return `${time.slice(0, 8)}-${time.slice(8)}-${version}-${tail.slice(0, 4)}-${tail.slice(4)}`;
}
