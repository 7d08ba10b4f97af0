import { defineConfig } from 'drizzle-kit';

// Paths are relative to the repository root, where `npm run db:generate` runs.
export default defineConfig({
  dialect: 'sqlite',
  schema: './db/till/schema/index.ts',
  out: './db/till/migrations',
  strict: true,
});
