import { OutboxPage } from '../../features/outbox/components/outbox-page.tsx';

export default function OutboxRoute() {
  return <OutboxPage />;
}
