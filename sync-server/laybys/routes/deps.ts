import type { CentralDb } from '../../../db/central/connect';
import type { ApiDocs } from '../../openapi/api-route';

/** What the layby routes need from the app. */
export type LaybyRouteDeps = { db: CentralDb; clock: () => Date; docs: ApiDocs };

export const TAG = 'Laybys';
