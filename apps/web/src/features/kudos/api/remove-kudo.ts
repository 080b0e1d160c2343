import { api, isApiError } from '../../../lib/api-client.ts';

/** A kudo already gone (removed in another tab, say) counts as removed. */
export async function removeKudo(repoId: number): Promise<void> {
  try {
    await api.delete(`/api/kudos/${repoId}`);
  } catch (error) {
    if (isApiError(error) && error.status === 404) return;
    throw error;
  }
}
