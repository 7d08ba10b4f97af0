import { useEffect, type ReactNode } from 'react';
import { StatusBar } from './components/StatusBar';
import { Toasts } from './components/Toasts';
import { EnrollmentScreen } from './screens/EnrollmentScreen';
import { CustomersArea } from './screens/customers/CustomersArea';
import { HomeScreen } from './screens/HomeScreen';
import { LaybysArea } from './screens/laybys/LaybysArea';
import { PrintingScreens, usePrintingOpen } from './screens/printing/PrintingScreens';
import { SignInScreen } from './screens/SignInScreen';
import { StartingScreen } from './screens/StartingScreen';
import { useCustomerNav } from './state/customers-nav-store';
import { useLaybyNav } from './state/laybys-nav-store';
import { startPolling } from './state/polling';
import { useSessionStore } from './state/session-store';
import { useTillStore } from './state/till-store';

// No router: which screen shows follows from what the till core says (enrolled? who is
// signed in?), so the UI cannot drift from the till's real state.
export function App() {
  const status = useTillStore((s) => s.status);
  const phase = useSessionStore((s) => s.phase);
  const session = useSessionStore((s) => s.session);
  const checkSession = useSessionStore((s) => s.check);
  const inCustomers = useCustomerNav((s) => s.current !== null);
  const inLaybys = useLaybyNav((s) => s.stack.length > 0);
  const enrolled = status?.enrolled ?? false;
  const printingOpen = usePrintingOpen();

  useEffect(() => startPolling(), []);
  // Straight after enrollment, ask who is signed in now rather than wait for the next beat.
  useEffect(() => {
    if (enrolled && phase === 'unknown') void checkSession();
  }, [enrolled, phase, checkSession]);

  let screen: ReactNode;
  if (status === null) screen = <StartingScreen />;
  else if (!status.enrolled) screen = <EnrollmentScreen />;
  else if (phase === 'signedIn' && session !== null && printingOpen)
    screen = <PrintingScreens session={session} />;
  else if (phase === 'signedIn' && session !== null && inLaybys)
    screen = <LaybysArea session={session} />;
  else if (phase === 'signedIn' && session !== null)
    screen = inCustomers ? (
      <CustomersArea status={status} session={session} />
    ) : (
      <HomeScreen status={status} session={session} />
    );
  else if (phase === 'signedOut') screen = <SignInScreen status={status} />;
  else screen = <StartingScreen />;

  return (
    <div className="app">
      <main className="app-main">{screen}</main>
      <Toasts />
      <StatusBar />
    </div>
  );
}
