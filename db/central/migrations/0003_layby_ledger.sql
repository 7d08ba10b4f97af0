CREATE TYPE "public"."layby_fee_kind" AS ENUM('SERVICE', 'ADMINISTRATION', 'LATE', 'CANCELLATION');--> statement-breakpoint
CREATE TABLE "customer_layby_fees" (
	"id" uuid PRIMARY KEY NOT NULL,
	"layby_id" uuid NOT NULL,
	"business_id" uuid NOT NULL,
	"kind" "layby_fee_kind" NOT NULL,
	"amount_cents" bigint NOT NULL,
	"currency" text NOT NULL,
	"instalment_due_date" date,
	"charged_at" timestamp with time zone DEFAULT now() NOT NULL,
	"charged_by" uuid,
	"server_seq" bigint,
	"origin_till_id" uuid,
	CONSTRAINT "customer_layby_fees_amount_check" CHECK ("customer_layby_fees"."amount_cents" >= 0),
	CONSTRAINT "customer_layby_fees_currency_check" CHECK ("customer_layby_fees"."currency" in ('USD', 'ZWG'))
);
--> statement-breakpoint
CREATE TABLE "layby_job_runs" (
	"day" date PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"laybys_checked" integer DEFAULT 0 NOT NULL,
	"fees_charged" integer DEFAULT 0 NOT NULL,
	"defaulted" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "layby_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"business_id" uuid NOT NULL,
	"rules" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"server_seq" bigint,
	"origin_till_id" uuid,
	CONSTRAINT "layby_rules_business_id_unique" UNIQUE("business_id")
);
--> statement-breakpoint
ALTER TABLE "customer_layby_payments" ADD COLUMN "tendered_amount_cents" bigint;--> statement-breakpoint
ALTER TABLE "customer_layby_payments" ADD COLUMN "tendered_currency" text;--> statement-breakpoint
ALTER TABLE "customer_layby_payments" ADD COLUMN "exchange_rate_micros" bigint;--> statement-breakpoint
ALTER TABLE "customer_laybys" ADD COLUMN "schedule" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "customer_laybys" ADD COLUMN "terms" jsonb;--> statement-breakpoint
ALTER TABLE "customer_layby_fees" ADD CONSTRAINT "customer_layby_fees_layby_id_customer_laybys_id_fk" FOREIGN KEY ("layby_id") REFERENCES "public"."customer_laybys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_layby_fees" ADD CONSTRAINT "customer_layby_fees_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_layby_fees" ADD CONSTRAINT "customer_layby_fees_charged_by_users_id_fk" FOREIGN KEY ("charged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_layby_fees" ADD CONSTRAINT "customer_layby_fees_origin_till_id_tills_id_fk" FOREIGN KEY ("origin_till_id") REFERENCES "public"."tills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "layby_rules" ADD CONSTRAINT "layby_rules_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "layby_rules" ADD CONSTRAINT "layby_rules_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "layby_rules" ADD CONSTRAINT "layby_rules_origin_till_id_tills_id_fk" FOREIGN KEY ("origin_till_id") REFERENCES "public"."tills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_layby_fees_layby_idx" ON "customer_layby_fees" USING btree ("layby_id");--> statement-breakpoint
CREATE INDEX "customer_layby_fees_business_seq_idx" ON "customer_layby_fees" USING btree ("business_id","server_seq");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_layby_fees_late_once" ON "customer_layby_fees" USING btree ("layby_id","instalment_due_date") WHERE "customer_layby_fees"."kind" = 'LATE';--> statement-breakpoint
CREATE INDEX "layby_rules_business_seq_idx" ON "layby_rules" USING btree ("business_id","server_seq");