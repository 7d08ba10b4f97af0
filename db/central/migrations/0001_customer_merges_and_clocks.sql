CREATE TABLE "customer_account_redirects" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"into_account_id" uuid NOT NULL,
	"merge_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_field_clocks" (
	"customer_id" uuid NOT NULL,
	"field" text NOT NULL,
	"hlc" text NOT NULL,
	"till_id" uuid,
	"mutation_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_field_clocks_pkey" PRIMARY KEY("customer_id","field")
);
--> statement-breakpoint
CREATE TABLE "customer_merges" (
	"id" uuid PRIMARY KEY NOT NULL,
	"survivor_id" uuid NOT NULL,
	"merged_id" uuid NOT NULL,
	"field_choices" jsonb NOT NULL,
	"before" jsonb NOT NULL,
	"merged_by" uuid,
	"merged_at" timestamp with time zone DEFAULT now() NOT NULL,
	"undo_until" timestamp with time zone NOT NULL,
	"undone_at" timestamp with time zone,
	"undone_by" uuid
);
--> statement-breakpoint
ALTER TABLE "customer_account_redirects" ADD CONSTRAINT "customer_account_redirects_into_account_id_customer_division_accounts_id_fk" FOREIGN KEY ("into_account_id") REFERENCES "public"."customer_division_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_account_redirects" ADD CONSTRAINT "customer_account_redirects_merge_id_customer_merges_id_fk" FOREIGN KEY ("merge_id") REFERENCES "public"."customer_merges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_field_clocks" ADD CONSTRAINT "customer_field_clocks_customer_id_universal_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."universal_customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_merges" ADD CONSTRAINT "customer_merges_survivor_id_universal_customers_id_fk" FOREIGN KEY ("survivor_id") REFERENCES "public"."universal_customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_merges" ADD CONSTRAINT "customer_merges_merged_id_universal_customers_id_fk" FOREIGN KEY ("merged_id") REFERENCES "public"."universal_customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_merges" ADD CONSTRAINT "customer_merges_merged_by_users_id_fk" FOREIGN KEY ("merged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_merges" ADD CONSTRAINT "customer_merges_undone_by_users_id_fk" FOREIGN KEY ("undone_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_account_redirects_merge_idx" ON "customer_account_redirects" USING btree ("merge_id");--> statement-breakpoint
CREATE INDEX "customer_merges_survivor_idx" ON "customer_merges" USING btree ("survivor_id");--> statement-breakpoint
CREATE INDEX "customer_merges_merged_idx" ON "customer_merges" USING btree ("merged_id");--> statement-breakpoint
CREATE INDEX "universal_customers_alternate_phone_idx" ON "universal_customers" USING btree ("alternate_phone");--> statement-breakpoint
CREATE INDEX "universal_customers_created_at_idx" ON "universal_customers" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);