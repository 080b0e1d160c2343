import type { Kudo, KudoInput } from '#contracts/kudos.ts';
import { api } from '../../../lib/api-client.ts';

/** Idempotent: giving kudos twice answers with the existing kudo. */
export function giveKudo(input: KudoInput): Promise<Kudo> {
  return api.post<Kudo>('/api/kudos', input);
}
