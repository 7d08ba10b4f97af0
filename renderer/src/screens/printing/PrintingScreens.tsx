import type { SessionInfo } from '../../../../shared/contract/till-api';
import { PrinterSettingsScreen } from './PrinterSettingsScreen';
import { PrintQueueScreen } from './PrintQueueScreen';
import { usePrinting } from './printing-store';
import './printing.css';

/** Whether a printing screen is open (App shows PrintingScreens instead of its own). */
export const usePrintingOpen = (): boolean => usePrinting((s) => s.view !== null);

export function PrintingScreens({ session }: { session: SessionInfo }) {
  const view = usePrinting((s) => s.view);
  return view === 'settings' ? <PrinterSettingsScreen /> : <PrintQueueScreen session={session} />;
}
