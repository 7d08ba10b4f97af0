import { customerAppliers } from '../customers/appliers';
import { laybyAppliers } from '../laybys/appliers';
import type { Appliers } from './appliers';

// Every mutation name a till can push, with how the server applies it. One spread per area.
export const appliers: Appliers = {
  ...customerAppliers,
  ...laybyAppliers,
};
