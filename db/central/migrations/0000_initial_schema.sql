CREATE TYPE "public"."business_kind" AS ENUM('UMBRELLA', 'DIVISION');--> statement-breakpoint
CREATE TYPE "public"."communication_channel" AS ENUM('EMAIL', 'SMS', 'PHONE', 'IN_STORE', 'WHATSAPP', 'POSTAL', 'SYSTEM');--> statement-breakpoint
CREATE TYPE "public"."communication_direction" AS ENUM('INBOUND', 'OUTBOUND');--> statement-breakpoint
CREATE TYPE "public"."communication_status" AS ENUM('DRAFT', 'SENT', 'DELIVERED', 'READ', 'FAILED', 'BOUNCED');--> statement-breakpoint
CREATE TYPE "public"."communication_type" AS ENUM('EMAIL', 'SMS', 'PHONE_CALL', 'IN_PERSON', 'WHATSAPP', 'LETTER', 'NOTE');--> statement-breakpoint
CREATE TYPE "public"."credit_status" AS ENUM('PENDING', 'UNDER_REVIEW', 'APPROVED', 'REJECTED', 'ACTIVE', 'SUSPENDED', 'CLOSED');--> statement-breakpoint
CREATE TYPE "public"."customer_account_status" AS ENUM('ACTIVE', 'INACTIVE', 'SUSPENDED', 'CLOSED', 'PENDING_APPROVAL', 'BLACKLISTED');--> statement-breakpoint
CREATE TYPE "public"."customer_note_type" AS ENUM('GENERAL', 'COMPLAINT', 'COMPLIMENT', 'CREDIT_CHECK', 'PAYMENT_REMINDER', 'FOLLOW_UP', 'SPECIAL_INSTRUCTIONS', 'WARNING');--> statement-breakpoint
CREATE TYPE "public"."installment_frequency" AS ENUM('WEEKLY', 'FORTNIGHTLY', 'MONTHLY', 'CUSTOM');--> statement-breakpoint
CREATE TYPE "public"."layby_status" AS ENUM('ACTIVE', 'COMPLETED', 'CANCELLED', 'DEFAULTED', 'ON_HOLD');--> statement-breakpoint
CREATE TYPE "public"."note_priority" AS ENUM('LOW', 'NORMAL', 'HIGH', 'URGENT');--> statement-breakpoint
CREATE TYPE "public"."number_series" AS ENUM('CUSTOMER', 'DIVISION_ACCOUNT', 'LAYBY', 'RECEIPT', 'CREDIT_APPLICATION', 'STATEMENT', 'ORDER');--> statement-breakpoint
CREATE TYPE "public"."order_payment_status" AS ENUM('UNPAID', 'PARTIAL', 'PAID', 'REFUNDED');--> statement-breakpoint
CREATE TYPE "public"."order_status" AS ENUM('OPEN', 'COMPLETED', 'VOIDED', 'REFUNDED');--> statement-breakpoint
CREATE TYPE "public"."payment_method" AS ENUM('CASH', 'CARD', 'MOBILE_MONEY', 'BANK_TRANSFER', 'ACCOUNT_CREDIT');--> statement-breakpoint
CREATE TYPE "public"."staff_role" AS ENUM('CASHIER', 'SUPERVISOR', 'DIVISION_MANAGER', 'CREDIT_CONTROLLER', 'HEAD_OFFICE_ADMIN');--> statement-breakpoint
CREATE TYPE "public"."universal_customer_type" AS ENUM('INDIVIDUAL', 'BUSINESS', 'EMPLOYEE', 'USER', 'GOVERNMENT', 'NGO');--> statement-breakpoint
CREATE SEQUENCE "public"."server_change_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "businesses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" "business_kind" NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"parent_id" uuid,
	"address" text,
	"phone" text,
	"tax_number" text,
	"default_currency" text DEFAULT 'USD' NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "businesses_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "employees" (
	"id" uuid PRIMARY KEY NOT NULL,
	"employee_number" text NOT NULL,
	"full_name" text NOT NULL,
	"business_id" uuid,
	"user_id" uuid,
	"job_title" text,
	"phone" text,
	"email" text,
	"discount_basis_points" integer DEFAULT 0 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employees_employee_number_unique" UNIQUE("employee_number"),
	CONSTRAINT "employees_user_id_unique" UNIQUE("user_id")
);
--> statement-breakpoint
CREATE TABLE "enrollment_codes" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"business_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"used_by_till_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_in_attempts" (
	"username" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_failure_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "staff_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_sessions_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "tills" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"business_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"protocol_version" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "tills_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"full_name" text NOT NULL,
	"email" text,
	"role" "staff_role" NOT NULL,
	"business_id" uuid,
	"pin_hash" text NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "universal_customers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"customer_number" text NOT NULL,
	"type" "universal_customer_type" DEFAULT 'INDIVIDUAL' NOT NULL,
	"first_name" text,
	"last_name" text,
	"full_name" text NOT NULL,
	"company_name" text,
	"date_of_birth" date,
	"gender" text,
	"primary_email" text,
	"primary_phone" text NOT NULL,
	"alternate_phone" text,
	"address" text,
	"city" text,
	"state" text,
	"country" text DEFAULT 'Zimbabwe' NOT NULL,
	"postal_code" text,
	"national_id" text,
	"passport_number" text,
	"tax_number" text,
	"linked_user_id" uuid,
	"linked_employee_id" uuid,
	"source" text,
	"referred_by" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"is_blacklisted" boolean DEFAULT false NOT NULL,
	"blacklist_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"server_seq" bigint,
	"origin_till_id" uuid,
	"deleted_at" timestamp with time zone,
	"merged_into_id" uuid
);
--> statement-breakpoint
CREATE TABLE "customer_division_accounts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"universal_customer_id" uuid NOT NULL,
	"business_id" uuid NOT NULL,
	"division_customer_number" text NOT NULL,
	"status" "customer_account_status" DEFAULT 'ACTIVE' NOT NULL,
	"account_type" text,
	"segment" text,
	"credit_limit_cents" bigint DEFAULT 0 NOT NULL,
	"current_balance_cents" bigint DEFAULT 0 NOT NULL,
	"available_credit_cents" bigint DEFAULT 0 NOT NULL,
	"total_spent_cents" bigint DEFAULT 0 NOT NULL,
	"currency" text NOT NULL,
	"loyalty_points" integer DEFAULT 0 NOT NULL,
	"loyalty_tier" text,
	"payment_terms_days" integer DEFAULT 0 NOT NULL,
	"allow_layby" boolean DEFAULT true NOT NULL,
	"allow_credit" boolean DEFAULT false NOT NULL,
	"preferred_payment_method" "payment_method",
	"preferred_language" text DEFAULT 'en' NOT NULL,
	"marketing_consent" boolean DEFAULT false NOT NULL,
	"sms_consent" boolean DEFAULT false NOT NULL,
	"email_consent" boolean DEFAULT false NOT NULL,
	"preferences" jsonb,
	"custom_fields" jsonb,
	"first_purchase_date" timestamp with time zone,
	"last_purchase_date" timestamp with time zone,
	"last_contact_date" timestamp with time zone,
	"is_active" boolean DEFAULT true NOT NULL,
	"inactivated_at" timestamp with time zone,
	"inactivated_by" uuid,
	"inactivation_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"server_seq" bigint,
	"origin_till_id" uuid,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "customer_division_accounts_customer_business_key" UNIQUE("universal_customer_id","business_id"),
	CONSTRAINT "customer_division_accounts_business_number_key" UNIQUE("business_id","division_customer_number"),
	CONSTRAINT "customer_division_accounts_currency_check" CHECK ("customer_division_accounts"."currency" in ('USD', 'ZWG'))
);
--> statement-breakpoint
CREATE TABLE "customer_layby_payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"layby_id" uuid NOT NULL,
	"business_id" uuid NOT NULL,
	"receipt_number" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"currency" text NOT NULL,
	"payment_method" "payment_method" NOT NULL,
	"payment_reference" text,
	"payment_date" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_by" uuid NOT NULL,
	"notes" text,
	"is_refund" boolean DEFAULT false NOT NULL,
	"refunded_payment_id" uuid,
	"server_seq" bigint,
	"origin_till_id" uuid,
	CONSTRAINT "customer_layby_payments_receipt_number_unique" UNIQUE("receipt_number"),
	CONSTRAINT "customer_layby_payments_currency_check" CHECK ("customer_layby_payments"."currency" in ('USD', 'ZWG'))
);
--> statement-breakpoint
CREATE TABLE "customer_laybys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"layby_number" text NOT NULL,
	"universal_customer_id" uuid NOT NULL,
	"division_account_id" uuid NOT NULL,
	"business_id" uuid NOT NULL,
	"status" "layby_status" DEFAULT 'ACTIVE' NOT NULL,
	"total_amount_cents" bigint NOT NULL,
	"deposit_amount_cents" bigint NOT NULL,
	"deposit_percent_bp" integer NOT NULL,
	"balance_remaining_cents" bigint NOT NULL,
	"total_paid_cents" bigint DEFAULT 0 NOT NULL,
	"currency" text NOT NULL,
	"installment_amount_cents" bigint,
	"installment_frequency" "installment_frequency",
	"payment_due_date" timestamp with time zone,
	"completion_due_date" timestamp with time zone,
	"service_fee_cents" bigint DEFAULT 0 NOT NULL,
	"late_fee_cents" bigint DEFAULT 0 NOT NULL,
	"administration_fee_cents" bigint DEFAULT 0 NOT NULL,
	"total_fees_cents" bigint DEFAULT 0 NOT NULL,
	"items" jsonb NOT NULL,
	"items_released" boolean DEFAULT false NOT NULL,
	"items_released_at" timestamp with time zone,
	"items_released_by" uuid,
	"notes" text,
	"cancellation_reason" text,
	"cancellation_refund_cents" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid NOT NULL,
	"completed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"server_seq" bigint,
	"origin_till_id" uuid,
	CONSTRAINT "customer_laybys_layby_number_unique" UNIQUE("layby_number"),
	CONSTRAINT "customer_laybys_deposit_percent_bp_check" CHECK ("customer_laybys"."deposit_percent_bp" between 0 and 10000),
	CONSTRAINT "customer_laybys_currency_check" CHECK ("customer_laybys"."currency" in ('USD', 'ZWG'))
);
--> statement-breakpoint
CREATE TABLE "customer_payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"receipt_number" text NOT NULL,
	"division_account_id" uuid NOT NULL,
	"business_id" uuid NOT NULL,
	"amount_cents" bigint NOT NULL,
	"currency" text NOT NULL,
	"payment_method" "payment_method" NOT NULL,
	"payment_reference" text,
	"applied_to_orders" jsonb,
	"applied_to_laybys" jsonb,
	"applied_to_balance_cents" bigint DEFAULT 0 NOT NULL,
	"payment_date" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_by" uuid NOT NULL,
	"notes" text,
	"is_refund" boolean DEFAULT false NOT NULL,
	"server_seq" bigint,
	"origin_till_id" uuid,
	CONSTRAINT "customer_payments_receipt_number_unique" UNIQUE("receipt_number"),
	CONSTRAINT "customer_payments_currency_check" CHECK ("customer_payments"."currency" in ('USD', 'ZWG'))
);
--> statement-breakpoint
CREATE TABLE "customer_credits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_number" text NOT NULL,
	"universal_customer_id" uuid NOT NULL,
	"business_id" uuid NOT NULL,
	"requested_amount_cents" bigint NOT NULL,
	"approved_amount_cents" bigint,
	"currency" text NOT NULL,
	"status" "credit_status" DEFAULT 'PENDING' NOT NULL,
	"payment_terms_days" integer NOT NULL,
	"interest_rate_bp" integer DEFAULT 0 NOT NULL,
	"credit_limit_duration" integer,
	"employer_name" text,
	"employer_contact" text,
	"reference1_name" text,
	"reference1_contact" text,
	"reference2_name" text,
	"reference2_contact" text,
	"monthly_income_cents" bigint,
	"other_income_cents" bigint,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_notes" text,
	"rejection_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_by" uuid NOT NULL,
	"server_seq" bigint,
	"origin_till_id" uuid,
	CONSTRAINT "customer_credits_application_number_unique" UNIQUE("application_number"),
	CONSTRAINT "customer_credits_currency_check" CHECK ("customer_credits"."currency" in ('USD', 'ZWG'))
);
--> statement-breakpoint
CREATE TABLE "customer_statements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"statement_number" text NOT NULL,
	"division_account_id" uuid NOT NULL,
	"business_id" uuid NOT NULL,
	"statement_date" timestamp with time zone NOT NULL,
	"period_start_date" timestamp with time zone NOT NULL,
	"period_end_date" timestamp with time zone NOT NULL,
	"opening_balance_cents" bigint NOT NULL,
	"closing_balance_cents" bigint NOT NULL,
	"total_charges_cents" bigint NOT NULL,
	"total_payments_cents" bigint NOT NULL,
	"total_interest_cents" bigint DEFAULT 0 NOT NULL,
	"currency" text NOT NULL,
	"transactions" jsonb NOT NULL,
	"due_date" timestamp with time zone,
	"is_paid" boolean DEFAULT false NOT NULL,
	"paid_at" timestamp with time zone,
	"generated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_to_customer" boolean DEFAULT false NOT NULL,
	"sent_at" timestamp with time zone,
	"server_seq" bigint,
	"origin_till_id" uuid,
	CONSTRAINT "customer_statements_statement_number_unique" UNIQUE("statement_number"),
	CONSTRAINT "customer_statements_currency_check" CHECK ("customer_statements"."currency" in ('USD', 'ZWG'))
);
--> statement-breakpoint
CREATE TABLE "customer_communications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"universal_customer_id" uuid NOT NULL,
	"division_account_id" uuid,
	"business_id" uuid,
	"type" "communication_type" NOT NULL,
	"channel" "communication_channel" NOT NULL,
	"subject" text,
	"content" text NOT NULL,
	"direction" "communication_direction" NOT NULL,
	"status" "communication_status" DEFAULT 'SENT' NOT NULL,
	"delivered_at" timestamp with time zone,
	"read_at" timestamp with time zone,
	"related_order_id" uuid,
	"related_layby_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"server_seq" bigint,
	"origin_till_id" uuid,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "customer_notes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"universal_customer_id" uuid NOT NULL,
	"division_account_id" uuid,
	"business_id" uuid,
	"note_type" "customer_note_type" DEFAULT 'GENERAL' NOT NULL,
	"subject" text,
	"content" text NOT NULL,
	"priority" "note_priority" DEFAULT 'NORMAL' NOT NULL,
	"is_private" boolean DEFAULT false NOT NULL,
	"is_alert" boolean DEFAULT false NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"server_seq" bigint,
	"origin_till_id" uuid,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" uuid PRIMARY KEY NOT NULL,
	"business_id" uuid NOT NULL,
	"sku" text NOT NULL,
	"name" text NOT NULL,
	"price_cents" bigint NOT NULL,
	"currency" text NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"server_seq" bigint,
	"origin_till_id" uuid,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "products_business_sku_key" UNIQUE("business_id","sku"),
	CONSTRAINT "products_currency_check" CHECK ("products"."currency" in ('USD', 'ZWG'))
);
--> statement-breakpoint
CREATE TABLE "business_order_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"business_id" uuid NOT NULL,
	"line_number" integer NOT NULL,
	"product_id" uuid,
	"sku" text,
	"description" text NOT NULL,
	"quantity_milli" integer NOT NULL,
	"unit_price_cents" bigint NOT NULL,
	"discount_cents" bigint DEFAULT 0 NOT NULL,
	"line_total_cents" bigint NOT NULL,
	"currency" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"server_seq" bigint,
	"origin_till_id" uuid,
	CONSTRAINT "business_order_lines_order_line_key" UNIQUE("order_id","line_number"),
	CONSTRAINT "business_order_lines_quantity_check" CHECK ("business_order_lines"."quantity_milli" <> 0),
	CONSTRAINT "business_order_lines_currency_check" CHECK ("business_order_lines"."currency" in ('USD', 'ZWG'))
);
--> statement-breakpoint
CREATE TABLE "business_orders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_number" text NOT NULL,
	"business_id" uuid NOT NULL,
	"universal_customer_id" uuid,
	"division_account_id" uuid,
	"status" "order_status" DEFAULT 'OPEN' NOT NULL,
	"payment_status" "order_payment_status" DEFAULT 'UNPAID' NOT NULL,
	"subtotal_cents" bigint DEFAULT 0 NOT NULL,
	"discount_cents" bigint DEFAULT 0 NOT NULL,
	"tax_cents" bigint DEFAULT 0 NOT NULL,
	"total_cents" bigint DEFAULT 0 NOT NULL,
	"paid_cents" bigint DEFAULT 0 NOT NULL,
	"currency" text NOT NULL,
	"notes" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"server_seq" bigint,
	"origin_till_id" uuid,
	CONSTRAINT "business_orders_order_number_unique" UNIQUE("order_number"),
	CONSTRAINT "business_orders_currency_check" CHECK ("business_orders"."currency" in ('USD', 'ZWG'))
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"action" text NOT NULL,
	"actor_user_id" uuid,
	"till_id" uuid,
	"business_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "exchange_rates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"date" date NOT NULL,
	"from_currency" text NOT NULL,
	"to_currency" text NOT NULL,
	"rate_micros" bigint NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"server_seq" bigint,
	"origin_till_id" uuid,
	CONSTRAINT "exchange_rates_day_pair_key" UNIQUE("date","from_currency","to_currency"),
	CONSTRAINT "exchange_rates_rate_check" CHECK ("exchange_rates"."rate_micros" > 0),
	CONSTRAINT "exchange_rates_pair_check" CHECK ("exchange_rates"."from_currency" <> "exchange_rates"."to_currency"),
	CONSTRAINT "exchange_rates_from_currency_check" CHECK ("exchange_rates"."from_currency" in ('USD', 'ZWG')),
	CONSTRAINT "exchange_rates_to_currency_check" CHECK ("exchange_rates"."to_currency" in ('USD', 'ZWG'))
);
--> statement-breakpoint
CREATE TABLE "conflict_log" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"field" text NOT NULL,
	"winning_value" jsonb,
	"losing_value" jsonb,
	"winning_till_id" uuid,
	"losing_till_id" uuid,
	"winning_mutation_id" uuid,
	"losing_mutation_id" uuid,
	"business_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid
);
--> statement-breakpoint
CREATE TABLE "flagged_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"business_id" uuid,
	"till_id" uuid,
	"mutation_id" uuid,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"message" text NOT NULL,
	"details" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"resolution" text,
	"server_seq" bigint,
	"origin_till_id" uuid
);
--> statement-breakpoint
CREATE TABLE "number_blocks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"series" "number_series" NOT NULL,
	"business_id" uuid,
	"till_id" uuid,
	"range_start" bigint NOT NULL,
	"range_end" bigint NOT NULL,
	"leased_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "number_blocks_series_start_key" UNIQUE NULLS NOT DISTINCT("series","business_id","range_start"),
	CONSTRAINT "number_blocks_range_check" CHECK ("number_blocks"."range_start" >= 1 and "number_blocks"."range_end" >= "number_blocks"."range_start")
);
--> statement-breakpoint
CREATE TABLE "processed_mutations" (
	"till_id" uuid NOT NULL,
	"mutation_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"name" text NOT NULL,
	"payload_hash" text NOT NULL,
	"result" jsonb NOT NULL,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processed_mutations_pkey" PRIMARY KEY("till_id","mutation_id")
);
--> statement-breakpoint
CREATE TABLE "till_cursors" (
	"till_id" uuid PRIMARY KEY NOT NULL,
	"last_pushed_seq" bigint DEFAULT 0 NOT NULL,
	"last_pulled_server_seq" bigint DEFAULT 0 NOT NULL,
	"snapshot_position" jsonb,
	"snapshot_completed_at" timestamp with time zone,
	"app_version" text,
	"schema_version" text,
	"last_push_at" timestamp with time zone,
	"last_pull_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "businesses" ADD CONSTRAINT "businesses_parent_id_businesses_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."businesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollment_codes" ADD CONSTRAINT "enrollment_codes_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollment_codes" ADD CONSTRAINT "enrollment_codes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_sessions" ADD CONSTRAINT "staff_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tills" ADD CONSTRAINT "tills_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "universal_customers" ADD CONSTRAINT "universal_customers_linked_user_id_users_id_fk" FOREIGN KEY ("linked_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "universal_customers" ADD CONSTRAINT "universal_customers_linked_employee_id_employees_id_fk" FOREIGN KEY ("linked_employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "universal_customers" ADD CONSTRAINT "universal_customers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "universal_customers" ADD CONSTRAINT "universal_customers_origin_till_id_tills_id_fk" FOREIGN KEY ("origin_till_id") REFERENCES "public"."tills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "universal_customers" ADD CONSTRAINT "universal_customers_merged_into_id_universal_customers_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."universal_customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_division_accounts" ADD CONSTRAINT "customer_division_accounts_universal_customer_id_universal_customers_id_fk" FOREIGN KEY ("universal_customer_id") REFERENCES "public"."universal_customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_division_accounts" ADD CONSTRAINT "customer_division_accounts_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_division_accounts" ADD CONSTRAINT "customer_division_accounts_inactivated_by_users_id_fk" FOREIGN KEY ("inactivated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_division_accounts" ADD CONSTRAINT "customer_division_accounts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_division_accounts" ADD CONSTRAINT "customer_division_accounts_origin_till_id_tills_id_fk" FOREIGN KEY ("origin_till_id") REFERENCES "public"."tills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_layby_payments" ADD CONSTRAINT "customer_layby_payments_layby_id_customer_laybys_id_fk" FOREIGN KEY ("layby_id") REFERENCES "public"."customer_laybys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_layby_payments" ADD CONSTRAINT "customer_layby_payments_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_layby_payments" ADD CONSTRAINT "customer_layby_payments_processed_by_users_id_fk" FOREIGN KEY ("processed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_layby_payments" ADD CONSTRAINT "customer_layby_payments_refunded_payment_id_customer_layby_payments_id_fk" FOREIGN KEY ("refunded_payment_id") REFERENCES "public"."customer_layby_payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_layby_payments" ADD CONSTRAINT "customer_layby_payments_origin_till_id_tills_id_fk" FOREIGN KEY ("origin_till_id") REFERENCES "public"."tills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_laybys" ADD CONSTRAINT "customer_laybys_universal_customer_id_universal_customers_id_fk" FOREIGN KEY ("universal_customer_id") REFERENCES "public"."universal_customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_laybys" ADD CONSTRAINT "customer_laybys_division_account_id_customer_division_accounts_id_fk" FOREIGN KEY ("division_account_id") REFERENCES "public"."customer_division_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_laybys" ADD CONSTRAINT "customer_laybys_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_laybys" ADD CONSTRAINT "customer_laybys_items_released_by_users_id_fk" FOREIGN KEY ("items_released_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_laybys" ADD CONSTRAINT "customer_laybys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_laybys" ADD CONSTRAINT "customer_laybys_origin_till_id_tills_id_fk" FOREIGN KEY ("origin_till_id") REFERENCES "public"."tills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_payments" ADD CONSTRAINT "customer_payments_division_account_id_customer_division_accounts_id_fk" FOREIGN KEY ("division_account_id") REFERENCES "public"."customer_division_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_payments" ADD CONSTRAINT "customer_payments_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_payments" ADD CONSTRAINT "customer_payments_processed_by_users_id_fk" FOREIGN KEY ("processed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_payments" ADD CONSTRAINT "customer_payments_origin_till_id_tills_id_fk" FOREIGN KEY ("origin_till_id") REFERENCES "public"."tills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_credits" ADD CONSTRAINT "customer_credits_universal_customer_id_universal_customers_id_fk" FOREIGN KEY ("universal_customer_id") REFERENCES "public"."universal_customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_credits" ADD CONSTRAINT "customer_credits_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_credits" ADD CONSTRAINT "customer_credits_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_credits" ADD CONSTRAINT "customer_credits_applied_by_users_id_fk" FOREIGN KEY ("applied_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_credits" ADD CONSTRAINT "customer_credits_origin_till_id_tills_id_fk" FOREIGN KEY ("origin_till_id") REFERENCES "public"."tills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_statements" ADD CONSTRAINT "customer_statements_division_account_id_customer_division_accounts_id_fk" FOREIGN KEY ("division_account_id") REFERENCES "public"."customer_division_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_statements" ADD CONSTRAINT "customer_statements_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_statements" ADD CONSTRAINT "customer_statements_origin_till_id_tills_id_fk" FOREIGN KEY ("origin_till_id") REFERENCES "public"."tills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_communications" ADD CONSTRAINT "customer_communications_universal_customer_id_universal_customers_id_fk" FOREIGN KEY ("universal_customer_id") REFERENCES "public"."universal_customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_communications" ADD CONSTRAINT "customer_communications_division_account_id_customer_division_accounts_id_fk" FOREIGN KEY ("division_account_id") REFERENCES "public"."customer_division_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_communications" ADD CONSTRAINT "customer_communications_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_communications" ADD CONSTRAINT "customer_communications_related_order_id_business_orders_id_fk" FOREIGN KEY ("related_order_id") REFERENCES "public"."business_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_communications" ADD CONSTRAINT "customer_communications_related_layby_id_customer_laybys_id_fk" FOREIGN KEY ("related_layby_id") REFERENCES "public"."customer_laybys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_communications" ADD CONSTRAINT "customer_communications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_communications" ADD CONSTRAINT "customer_communications_origin_till_id_tills_id_fk" FOREIGN KEY ("origin_till_id") REFERENCES "public"."tills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_notes" ADD CONSTRAINT "customer_notes_universal_customer_id_universal_customers_id_fk" FOREIGN KEY ("universal_customer_id") REFERENCES "public"."universal_customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_notes" ADD CONSTRAINT "customer_notes_division_account_id_customer_division_accounts_id_fk" FOREIGN KEY ("division_account_id") REFERENCES "public"."customer_division_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_notes" ADD CONSTRAINT "customer_notes_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_notes" ADD CONSTRAINT "customer_notes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_notes" ADD CONSTRAINT "customer_notes_origin_till_id_tills_id_fk" FOREIGN KEY ("origin_till_id") REFERENCES "public"."tills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_origin_till_id_tills_id_fk" FOREIGN KEY ("origin_till_id") REFERENCES "public"."tills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_order_lines" ADD CONSTRAINT "business_order_lines_order_id_business_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."business_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_order_lines" ADD CONSTRAINT "business_order_lines_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_order_lines" ADD CONSTRAINT "business_order_lines_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_order_lines" ADD CONSTRAINT "business_order_lines_origin_till_id_tills_id_fk" FOREIGN KEY ("origin_till_id") REFERENCES "public"."tills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_orders" ADD CONSTRAINT "business_orders_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_orders" ADD CONSTRAINT "business_orders_universal_customer_id_universal_customers_id_fk" FOREIGN KEY ("universal_customer_id") REFERENCES "public"."universal_customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_orders" ADD CONSTRAINT "business_orders_division_account_id_customer_division_accounts_id_fk" FOREIGN KEY ("division_account_id") REFERENCES "public"."customer_division_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_orders" ADD CONSTRAINT "business_orders_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_orders" ADD CONSTRAINT "business_orders_origin_till_id_tills_id_fk" FOREIGN KEY ("origin_till_id") REFERENCES "public"."tills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_rates" ADD CONSTRAINT "exchange_rates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_rates" ADD CONSTRAINT "exchange_rates_origin_till_id_tills_id_fk" FOREIGN KEY ("origin_till_id") REFERENCES "public"."tills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict_log" ADD CONSTRAINT "conflict_log_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flagged_events" ADD CONSTRAINT "flagged_events_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flagged_events" ADD CONSTRAINT "flagged_events_till_id_tills_id_fk" FOREIGN KEY ("till_id") REFERENCES "public"."tills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flagged_events" ADD CONSTRAINT "flagged_events_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flagged_events" ADD CONSTRAINT "flagged_events_origin_till_id_tills_id_fk" FOREIGN KEY ("origin_till_id") REFERENCES "public"."tills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "number_blocks" ADD CONSTRAINT "number_blocks_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "number_blocks" ADD CONSTRAINT "number_blocks_till_id_tills_id_fk" FOREIGN KEY ("till_id") REFERENCES "public"."tills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processed_mutations" ADD CONSTRAINT "processed_mutations_till_id_tills_id_fk" FOREIGN KEY ("till_id") REFERENCES "public"."tills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "till_cursors" ADD CONSTRAINT "till_cursors_till_id_tills_id_fk" FOREIGN KEY ("till_id") REFERENCES "public"."tills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enrollment_codes_unused" ON "enrollment_codes" USING btree ("expires_at") WHERE "enrollment_codes"."used_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "universal_customers_customer_number_key" ON "universal_customers" USING btree ("customer_number");--> statement-breakpoint
CREATE UNIQUE INDEX "universal_customers_primary_email_key" ON "universal_customers" USING btree ("primary_email") WHERE "universal_customers"."deleted_at" is null and "universal_customers"."merged_into_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "universal_customers_national_id_key" ON "universal_customers" USING btree ("national_id") WHERE "universal_customers"."deleted_at" is null and "universal_customers"."merged_into_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "universal_customers_linked_user_id_key" ON "universal_customers" USING btree ("linked_user_id") WHERE "universal_customers"."deleted_at" is null and "universal_customers"."merged_into_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "universal_customers_linked_employee_id_key" ON "universal_customers" USING btree ("linked_employee_id") WHERE "universal_customers"."deleted_at" is null and "universal_customers"."merged_into_id" is null;--> statement-breakpoint
CREATE INDEX "universal_customers_primary_phone_idx" ON "universal_customers" USING btree ("primary_phone");--> statement-breakpoint
CREATE INDEX "universal_customers_full_name_idx" ON "universal_customers" USING btree ("full_name");--> statement-breakpoint
CREATE INDEX "universal_customers_tags_idx" ON "universal_customers" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "universal_customers_merged_into_id_idx" ON "universal_customers" USING btree ("merged_into_id");--> statement-breakpoint
CREATE INDEX "universal_customers_server_seq_idx" ON "universal_customers" USING btree ("server_seq");--> statement-breakpoint
CREATE INDEX "customer_division_accounts_business_seq_idx" ON "customer_division_accounts" USING btree ("business_id","server_seq");--> statement-breakpoint
CREATE INDEX "customer_layby_payments_layby_idx" ON "customer_layby_payments" USING btree ("layby_id");--> statement-breakpoint
CREATE INDEX "customer_layby_payments_refunded_idx" ON "customer_layby_payments" USING btree ("refunded_payment_id");--> statement-breakpoint
CREATE INDEX "customer_layby_payments_business_seq_idx" ON "customer_layby_payments" USING btree ("business_id","server_seq");--> statement-breakpoint
CREATE INDEX "customer_laybys_customer_idx" ON "customer_laybys" USING btree ("universal_customer_id");--> statement-breakpoint
CREATE INDEX "customer_laybys_account_idx" ON "customer_laybys" USING btree ("division_account_id");--> statement-breakpoint
CREATE INDEX "customer_laybys_business_status_idx" ON "customer_laybys" USING btree ("business_id","status");--> statement-breakpoint
CREATE INDEX "customer_laybys_business_seq_idx" ON "customer_laybys" USING btree ("business_id","server_seq");--> statement-breakpoint
CREATE INDEX "customer_payments_account_idx" ON "customer_payments" USING btree ("division_account_id","payment_date");--> statement-breakpoint
CREATE INDEX "customer_payments_business_seq_idx" ON "customer_payments" USING btree ("business_id","server_seq");--> statement-breakpoint
CREATE INDEX "customer_credits_customer_idx" ON "customer_credits" USING btree ("universal_customer_id");--> statement-breakpoint
CREATE INDEX "customer_credits_business_status_idx" ON "customer_credits" USING btree ("business_id","status");--> statement-breakpoint
CREATE INDEX "customer_credits_business_seq_idx" ON "customer_credits" USING btree ("business_id","server_seq");--> statement-breakpoint
CREATE INDEX "customer_statements_account_idx" ON "customer_statements" USING btree ("division_account_id","statement_date");--> statement-breakpoint
CREATE INDEX "customer_statements_business_seq_idx" ON "customer_statements" USING btree ("business_id","server_seq");--> statement-breakpoint
CREATE INDEX "customer_communications_customer_idx" ON "customer_communications" USING btree ("universal_customer_id","created_at");--> statement-breakpoint
CREATE INDEX "customer_communications_business_seq_idx" ON "customer_communications" USING btree ("business_id","server_seq");--> statement-breakpoint
CREATE INDEX "customer_notes_customer_idx" ON "customer_notes" USING btree ("universal_customer_id","created_at");--> statement-breakpoint
CREATE INDEX "customer_notes_business_seq_idx" ON "customer_notes" USING btree ("business_id","server_seq");--> statement-breakpoint
CREATE INDEX "products_business_seq_idx" ON "products" USING btree ("business_id","server_seq");--> statement-breakpoint
CREATE INDEX "business_order_lines_business_seq_idx" ON "business_order_lines" USING btree ("business_id","server_seq");--> statement-breakpoint
CREATE INDEX "business_orders_customer_idx" ON "business_orders" USING btree ("universal_customer_id","created_at");--> statement-breakpoint
CREATE INDEX "business_orders_account_idx" ON "business_orders" USING btree ("division_account_id");--> statement-breakpoint
CREATE INDEX "business_orders_business_seq_idx" ON "business_orders" USING btree ("business_id","server_seq");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_user_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "conflict_log_entity_idx" ON "conflict_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "conflict_log_unreviewed_idx" ON "conflict_log" USING btree ("at") WHERE "conflict_log"."reviewed_at" is null;--> statement-breakpoint
CREATE INDEX "flagged_events_open_idx" ON "flagged_events" USING btree ("business_id","created_at") WHERE "flagged_events"."resolved_at" is null;--> statement-breakpoint
CREATE INDEX "flagged_events_business_seq_idx" ON "flagged_events" USING btree ("business_id","server_seq");--> statement-breakpoint
CREATE INDEX "flagged_events_entity_idx" ON "flagged_events" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "number_blocks_series_end_idx" ON "number_blocks" USING btree ("series","business_id","range_end");--> statement-breakpoint
CREATE INDEX "number_blocks_till_idx" ON "number_blocks" USING btree ("till_id");--> statement-breakpoint
CREATE INDEX "processed_mutations_till_seq_idx" ON "processed_mutations" USING btree ("till_id","seq");