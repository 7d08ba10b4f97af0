import type { TillBridge } from '../../../shared/contract/till-bridge';

export { bridgeKey, type BridgeKey, type TillBridge } from '../../../shared/contract/till-bridge';

declare global {
  // Declaration merging onto the DOM's Window needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    /** Present in Electron (from the preload); absent in browser mode. */
    till?: TillBridge;
  }
}
