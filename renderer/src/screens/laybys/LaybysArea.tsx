import type { SessionInfo } from '../../../../shared/contract/till-api';
import { useLaybyScreen } from '../../state/laybys-nav-store';
import { LaybyDetailScreen } from './LaybyDetailScreen';
import { LaybyListScreen } from './LaybyListScreen';
import { NewLaybyScreen } from './NewLaybyScreen';
import '../../styles/laybys.css';

// Laybys, in place of home (or of the customer profile it was opened from) while open.
export function LaybysArea({ session }: { session: SessionInfo }) {
  const current = useLaybyScreen();
  switch (current?.screen) {
    case 'detail':
      return <LaybyDetailScreen key={current.id} id={current.id} session={session} />;
    case 'new':
      return <NewLaybyScreen customerId={current.customerId} />;
    default:
      return <LaybyListScreen />;
  }
}
