// The till's SQLite schema. drizzle-kit reads this file; openTillDb() passes it to drizzle.
//
// No foreign keys between synced tables, on purpose: the till fills them from pull pages in
// server-sequence order, where a child row can arrive before its parent (the parent was
// edited later, so its sequence is higher) and a row may point at a user or customer of
// another division that this till never receives. The server, the system of record, enforces
// the references; the till enforces the unique keys it needs to number and look up offline.
export * from './org';
export * from './customers';
export * from './accounts';
export * from './laybys';
export * from './payments';
export * from './credit';
export * from './communications';
export * from './catalogue';
export * from './orders';
export * from './audit';
export * from './rates';
export * from './sync';
export * from './printing';
export * from './relations';
