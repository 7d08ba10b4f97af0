import type { TillDb } from '../../db/till/connect';

/** A till transaction; money writes take one so they cannot run outside a transaction. */
export type TillTx = Parameters<Parameters<TillDb['transaction']>[0]>[0];
