import { defineConfig } from 'drizzle-kit';

// Paths are relative to the repository root, where `npm run db:generate` runs.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/central/schema/index.ts',
  out: './db/central/migrations',
  strict: true,
});
