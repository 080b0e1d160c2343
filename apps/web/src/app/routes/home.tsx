/** The Kudos page: search GitHub and keep the repositories you like. Loaded on demand. */
import { KudosHome } from '../../features/kudos/components/kudos-home.tsx';

export default function HomeRoute() {
  return <KudosHome />;
}
