import type { CentralDb } from '../../../db/central/connect';
import type { ApiDocs } from '../../openapi/api-route';

/** What the customer routes need from the app. */
export type CustomerRouteDeps = { db: CentralDb; clock: () => Date; docs: ApiDocs };

export const TAG = 'Customers';
