/**
 * The heart on a card. The kudos list changes at once; if the server refuses,
 * the change is undone and the reason shown. A card sends one request at a time.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Kudo } from '#contracts/kudos.ts';
import { useNotify } from '../../../components/notifications.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { describeError } from '../../../lib/error-message.ts';
import { kudosQueryKey } from '../api/get-kudos.ts';
import { giveKudo } from '../api/give-kudo.ts';
import { removeKudo } from '../api/remove-kudo.ts';
import { optimisticKudo, type RepoView, toKudoInput } from '../repo-view.ts';

const toggleKey = ['kudos', 'toggle'] as const;

interface Undo {
  /** The kudo removed optimistically and where it stood, to put it back. */
  removed?: { kudo: Kudo; index: number };
}

export function useKudoToggle(repo: RepoView) {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const update = (change: (kudos: Kudo[]) => Kudo[]) =>
    queryClient.setQueryData<Kudo[]>(kudosQueryKey, (kudos) => (kudos ? change(kudos) : kudos));
  const without = (kudos: Kudo[]) => kudos.filter((kudo) => kudo.id !== repo.id);

  return useMutation({
    mutationKey: [...toggleKey, repo.id],
    mutationFn: async (give: boolean): Promise<Kudo | null> => {
      if (give) return giveKudo(toKudoInput(repo));
      await removeKudo(repo.id);
      return null;
    },
    onMutate: async (give): Promise<Undo> => {
      await queryClient.cancelQueries({ queryKey: kudosQueryKey });
      const kudos = queryClient.getQueryData<Kudo[]>(kudosQueryKey) ?? [];
      const index = kudos.findIndex((kudo) => kudo.id === repo.id);
      update((list) => (give ? [optimisticKudo(repo), ...without(list)] : without(list)));
      const removed = kudos[index];
      return !give && removed ? { removed: { kudo: removed, index } } : {};
    },
    onSuccess: (kudo) => {
      if (kudo) update((list) => list.map((item) => (item.id === kudo.id ? kudo : item)));
    },
    onError: (error, give, undo) => {
      const removed = undo?.removed;
      update((list) => {
        if (give) return without(list);
        if (!removed) return list;
        const restored = without(list);
        restored.splice(Math.min(removed.index, restored.length), 0, removed.kudo);
        return restored;
      });
      if (isApiError(error) && error.status === 401) return;
      const action = give ? `give kudos to ${repo.fullName}` : `remove kudos from ${repo.fullName}`;
      notify(`Could not ${action}. ${describeError(error)}`);
    },
    onSettled: () => {
      // Refetch once the last of several quick toggles has settled, not in between.
      if (queryClient.isMutating({ mutationKey: toggleKey }) === 1) {
        void queryClient.invalidateQueries({ queryKey: kudosQueryKey });
      }
    },
  });
}
