-- Name search over every live customer identity, so lookup stays instant at a million rows
-- (drizzle-kit cannot express virtual tables or triggers, hence this hand-written migration).
-- Contentless: the names already live in universal_customers, so the index stores only
-- tokens; contentless_delete lets a trigger drop a row by rowid without its old text.
-- unicode61 remove_diacritics folds case and accents (Zoë = zoe) like searchTokens() does.
-- Prefix indexes for 1 to 4 letters: what a cashier types first ("moyo t", "moyo tend").
-- Without them FTS5 merges the doclists of every term with that prefix on each keystroke
-- (110 ms for "moyo t" at a million customers; 0.05 ms with them, for ~40% more index).
-- The FTS rowid is universal_customers' rowid. A later migration that rebuilds that table
-- (drizzle-kit's copy-drop-rename) drops these triggers and renumbers rowids: it must
-- recreate them and rebuild the index (db/till/search-triggers.test.ts fails until it does).
CREATE VIRTUAL TABLE `customer_search` USING fts5(
  name,
  content = '',
  contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3 4'
);
--> statement-breakpoint
CREATE TRIGGER `customer_search_after_insert` AFTER INSERT ON `universal_customers`
WHEN new.deleted_at IS NULL AND new.merged_into_id IS NULL
BEGIN
  INSERT INTO customer_search (rowid, name)
  VALUES (new.rowid, new.full_name || coalesce(' ' || new.company_name, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `customer_search_after_delete` AFTER DELETE ON `universal_customers`
BEGIN
  DELETE FROM customer_search WHERE rowid = old.rowid;
END;
--> statement-breakpoint
-- Only the columns that change what is indexed: a pull stamping server_seq must not rewrite
-- the index.
CREATE TRIGGER `customer_search_after_update`
AFTER UPDATE OF full_name, company_name, deleted_at, merged_into_id ON `universal_customers`
BEGIN
  DELETE FROM customer_search WHERE rowid = old.rowid;
  INSERT INTO customer_search (rowid, name)
  SELECT new.rowid, new.full_name || coalesce(' ' || new.company_name, '')
  WHERE new.deleted_at IS NULL AND new.merged_into_id IS NULL;
END;
--> statement-breakpoint
INSERT INTO customer_search (rowid, name)
SELECT rowid, full_name || coalesce(' ' || company_name, '')
FROM universal_customers
WHERE deleted_at IS NULL AND merged_into_id IS NULL;
