/** The pending approvals of a device, live, for as long as the component is on screen. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApprovalFeed, type FeedState, initialFeedState, startApprovalFeed } from '../approval-feed.ts';
import type { StoredDevice } from '../device-store.ts';

export function useApprovalFeed(device: StoredDevice): FeedState & { dismiss: (paymentId: string) => void } {
  const [state, setState] = useState<FeedState>(initialFeedState);
  const feed = useRef<ApprovalFeed | null>(null);

  useEffect(() => {
    const started = startApprovalFeed(device, setState);
    feed.current = started;
    return () => {
      started.stop();
      feed.current = null;
    };
  }, [device]);

  const dismiss = useCallback((paymentId: string) => feed.current?.dismiss(paymentId), []);
  return { ...state, dismiss };
}
