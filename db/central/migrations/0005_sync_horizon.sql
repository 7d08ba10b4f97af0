CREATE TABLE "sync_horizon" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"seq" bigint DEFAULT 0 NOT NULL,
	"purged_before" timestamp with time zone,
	"purged_at" timestamp with time zone,
	"purged_rows" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "sync_horizon_one_row" CHECK ("sync_horizon"."id" = 1)
);
