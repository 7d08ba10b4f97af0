// The central PostgreSQL schema: drizzle-kit reads this file, and openCentralDb() passes it
// to drizzle so relational queries know every table.
export * from './enums';
export * from './org';
export * from './customers';
export * from './accounts';
export * from './laybys';
export * from './payments';
export * from './credit';
export * from './statements';
export * from './communications';
export * from './catalogue';
export * from './orders';
export * from './audit';
export * from './rates';
export * from './sync';
export * from './merges';
export * from './relations';
