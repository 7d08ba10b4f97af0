-- Name search through trigram indexes (pg_trgm). The extension is optional: a PostgreSQL
-- without the contrib package, or a PGlite opened without the extension, still migrates and
-- the server falls back to plain scans for names (sync-server/customers/search/capabilities.ts).
-- Exact identifiers (numbers, phones, national ids, emails) use the btree indexes of the schema.
-- This index lives here, not in the drizzle schema, because it depends on the extension.
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'pg_trgm is not available (%): name search will scan', SQLERRM;
END
$$;
--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    -- Live customers only, like every search: queries repeat the same two conditions.
    CREATE INDEX IF NOT EXISTS universal_customers_full_name_trgm_idx
      ON universal_customers USING gin (full_name gin_trgm_ops)
      WHERE deleted_at IS NULL AND merged_into_id IS NULL;
  END IF;
END
$$;
