CREATE TABLE `businesses` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`parent_id` text,
	`address` text,
	`phone` text,
	`tax_number` text,
	`default_currency` text DEFAULT 'USD' NOT NULL,
	`is_active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `businesses_code_unique` ON `businesses` (`code`);--> statement-breakpoint
CREATE TABLE `sign_in_attempts` (
	`username` text PRIMARY KEY NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	`last_failure_at` text
);
--> statement-breakpoint
CREATE TABLE `till_identity` (
	`id` integer PRIMARY KEY NOT NULL,
	`till_id` text NOT NULL,
	`till_name` text NOT NULL,
	`business_id` text NOT NULL,
	`server_url` text NOT NULL,
	`device_token` text NOT NULL,
	`enrolled_at` text NOT NULL,
	`last_sync_at` text
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`full_name` text NOT NULL,
	`role` text NOT NULL,
	`business_id` text,
	`pin_hash` text NOT NULL,
	`is_active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);--> statement-breakpoint
CREATE TABLE `universal_customers` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_number` text NOT NULL,
	`type` text DEFAULT 'INDIVIDUAL' NOT NULL,
	`first_name` text,
	`last_name` text,
	`full_name` text NOT NULL,
	`company_name` text,
	`date_of_birth` text,
	`gender` text,
	`primary_email` text,
	`primary_phone` text NOT NULL,
	`alternate_phone` text,
	`address` text,
	`city` text,
	`state` text,
	`country` text DEFAULT 'Zimbabwe' NOT NULL,
	`postal_code` text,
	`national_id` text,
	`passport_number` text,
	`tax_number` text,
	`linked_user_id` text,
	`linked_employee_id` text,
	`source` text,
	`referred_by` text,
	`tags` text DEFAULT '[]' NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	`is_blacklisted` integer DEFAULT false NOT NULL,
	`blacklist_reason` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`created_by` text,
	`server_seq` integer,
	`origin_till_id` text,
	`deleted_at` text,
	`merged_into_id` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `universal_customers_customer_number_key` ON `universal_customers` (`customer_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `universal_customers_primary_email_key` ON `universal_customers` (`primary_email`) WHERE "universal_customers"."deleted_at" is null and "universal_customers"."merged_into_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX `universal_customers_national_id_key` ON `universal_customers` (`national_id`) WHERE "universal_customers"."deleted_at" is null and "universal_customers"."merged_into_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX `universal_customers_linked_user_id_key` ON `universal_customers` (`linked_user_id`) WHERE "universal_customers"."deleted_at" is null and "universal_customers"."merged_into_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX `universal_customers_linked_employee_id_key` ON `universal_customers` (`linked_employee_id`) WHERE "universal_customers"."deleted_at" is null and "universal_customers"."merged_into_id" is null;--> statement-breakpoint
CREATE INDEX `universal_customers_primary_phone_idx` ON `universal_customers` (`primary_phone`);--> statement-breakpoint
CREATE INDEX `universal_customers_full_name_idx` ON `universal_customers` ("full_name" collate nocase);--> statement-breakpoint
CREATE INDEX `universal_customers_merged_into_id_idx` ON `universal_customers` (`merged_into_id`);--> statement-breakpoint
CREATE INDEX `universal_customers_server_seq_idx` ON `universal_customers` (`server_seq`);--> statement-breakpoint
CREATE TABLE `customer_division_accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`universal_customer_id` text NOT NULL,
	`business_id` text NOT NULL,
	`division_customer_number` text NOT NULL,
	`status` text DEFAULT 'ACTIVE' NOT NULL,
	`account_type` text,
	`segment` text,
	`credit_limit_cents` integer DEFAULT 0 NOT NULL,
	`current_balance_cents` integer DEFAULT 0 NOT NULL,
	`available_credit_cents` integer DEFAULT 0 NOT NULL,
	`total_spent_cents` integer DEFAULT 0 NOT NULL,
	`currency` text NOT NULL,
	`loyalty_points` integer DEFAULT 0 NOT NULL,
	`loyalty_tier` text,
	`payment_terms_days` integer DEFAULT 0 NOT NULL,
	`allow_layby` integer DEFAULT true NOT NULL,
	`allow_credit` integer DEFAULT false NOT NULL,
	`preferred_payment_method` text,
	`preferred_language` text DEFAULT 'en' NOT NULL,
	`marketing_consent` integer DEFAULT false NOT NULL,
	`sms_consent` integer DEFAULT false NOT NULL,
	`email_consent` integer DEFAULT false NOT NULL,
	`preferences` text,
	`custom_fields` text,
	`first_purchase_date` text,
	`last_purchase_date` text,
	`last_contact_date` text,
	`is_active` integer DEFAULT true NOT NULL,
	`inactivated_at` text,
	`inactivated_by` text,
	`inactivation_reason` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`created_by` text,
	`server_seq` integer,
	`origin_till_id` text,
	`deleted_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customer_division_accounts_customer_business_key` ON `customer_division_accounts` (`universal_customer_id`,`business_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `customer_division_accounts_business_number_key` ON `customer_division_accounts` (`business_id`,`division_customer_number`);--> statement-breakpoint
CREATE TABLE `customer_layby_payments` (
	`id` text PRIMARY KEY NOT NULL,
	`layby_id` text NOT NULL,
	`business_id` text NOT NULL,
	`receipt_number` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`currency` text NOT NULL,
	`payment_method` text NOT NULL,
	`payment_reference` text,
	`payment_date` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`processed_by` text NOT NULL,
	`notes` text,
	`is_refund` integer DEFAULT false NOT NULL,
	`refunded_payment_id` text,
	`server_seq` integer,
	`origin_till_id` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customer_layby_payments_receipt_number_unique` ON `customer_layby_payments` (`receipt_number`);--> statement-breakpoint
CREATE INDEX `customer_layby_payments_layby_idx` ON `customer_layby_payments` (`layby_id`);--> statement-breakpoint
CREATE INDEX `customer_layby_payments_refunded_idx` ON `customer_layby_payments` (`refunded_payment_id`);--> statement-breakpoint
CREATE TABLE `customer_laybys` (
	`id` text PRIMARY KEY NOT NULL,
	`layby_number` text NOT NULL,
	`universal_customer_id` text NOT NULL,
	`division_account_id` text NOT NULL,
	`business_id` text NOT NULL,
	`status` text DEFAULT 'ACTIVE' NOT NULL,
	`total_amount_cents` integer NOT NULL,
	`deposit_amount_cents` integer NOT NULL,
	`deposit_percent_bp` integer NOT NULL,
	`balance_remaining_cents` integer NOT NULL,
	`total_paid_cents` integer DEFAULT 0 NOT NULL,
	`currency` text NOT NULL,
	`installment_amount_cents` integer,
	`installment_frequency` text,
	`payment_due_date` text,
	`completion_due_date` text,
	`service_fee_cents` integer DEFAULT 0 NOT NULL,
	`late_fee_cents` integer DEFAULT 0 NOT NULL,
	`administration_fee_cents` integer DEFAULT 0 NOT NULL,
	`total_fees_cents` integer DEFAULT 0 NOT NULL,
	`items` text NOT NULL,
	`items_released` integer DEFAULT false NOT NULL,
	`items_released_at` text,
	`items_released_by` text,
	`notes` text,
	`cancellation_reason` text,
	`cancellation_refund_cents` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`created_by` text NOT NULL,
	`completed_at` text,
	`cancelled_at` text,
	`server_seq` integer,
	`origin_till_id` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customer_laybys_layby_number_unique` ON `customer_laybys` (`layby_number`);--> statement-breakpoint
CREATE INDEX `customer_laybys_customer_idx` ON `customer_laybys` (`universal_customer_id`);--> statement-breakpoint
CREATE INDEX `customer_laybys_account_idx` ON `customer_laybys` (`division_account_id`);--> statement-breakpoint
CREATE INDEX `customer_laybys_status_idx` ON `customer_laybys` (`status`,`payment_due_date`);--> statement-breakpoint
CREATE TABLE `customer_payments` (
	`id` text PRIMARY KEY NOT NULL,
	`receipt_number` text NOT NULL,
	`division_account_id` text NOT NULL,
	`business_id` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`currency` text NOT NULL,
	`payment_method` text NOT NULL,
	`payment_reference` text,
	`applied_to_orders` text,
	`applied_to_laybys` text,
	`applied_to_balance_cents` integer DEFAULT 0 NOT NULL,
	`payment_date` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`processed_by` text NOT NULL,
	`notes` text,
	`is_refund` integer DEFAULT false NOT NULL,
	`server_seq` integer,
	`origin_till_id` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customer_payments_receipt_number_unique` ON `customer_payments` (`receipt_number`);--> statement-breakpoint
CREATE INDEX `customer_payments_account_idx` ON `customer_payments` (`division_account_id`,`payment_date`);--> statement-breakpoint
CREATE TABLE `customer_credits` (
	`id` text PRIMARY KEY NOT NULL,
	`application_number` text NOT NULL,
	`universal_customer_id` text NOT NULL,
	`business_id` text NOT NULL,
	`requested_amount_cents` integer NOT NULL,
	`approved_amount_cents` integer,
	`currency` text NOT NULL,
	`status` text DEFAULT 'PENDING' NOT NULL,
	`payment_terms_days` integer NOT NULL,
	`interest_rate_bp` integer DEFAULT 0 NOT NULL,
	`credit_limit_duration` integer,
	`employer_name` text,
	`employer_contact` text,
	`reference1_name` text,
	`reference1_contact` text,
	`reference2_name` text,
	`reference2_contact` text,
	`monthly_income_cents` integer,
	`other_income_cents` integer,
	`reviewed_by` text,
	`reviewed_at` text,
	`review_notes` text,
	`rejection_reason` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`applied_by` text NOT NULL,
	`server_seq` integer,
	`origin_till_id` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customer_credits_application_number_unique` ON `customer_credits` (`application_number`);--> statement-breakpoint
CREATE INDEX `customer_credits_customer_idx` ON `customer_credits` (`universal_customer_id`);--> statement-breakpoint
CREATE TABLE `customer_communications` (
	`id` text PRIMARY KEY NOT NULL,
	`universal_customer_id` text NOT NULL,
	`division_account_id` text,
	`business_id` text,
	`type` text NOT NULL,
	`channel` text NOT NULL,
	`subject` text,
	`content` text NOT NULL,
	`direction` text NOT NULL,
	`status` text DEFAULT 'SENT' NOT NULL,
	`delivered_at` text,
	`read_at` text,
	`related_order_id` text,
	`related_layby_id` text,
	`created_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`server_seq` integer,
	`origin_till_id` text,
	`deleted_at` text
);
--> statement-breakpoint
CREATE INDEX `customer_communications_customer_idx` ON `customer_communications` (`universal_customer_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `customer_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`universal_customer_id` text NOT NULL,
	`division_account_id` text,
	`business_id` text,
	`note_type` text DEFAULT 'GENERAL' NOT NULL,
	`subject` text,
	`content` text NOT NULL,
	`priority` text DEFAULT 'NORMAL' NOT NULL,
	`is_private` integer DEFAULT false NOT NULL,
	`is_alert` integer DEFAULT false NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`server_seq` integer,
	`origin_till_id` text,
	`deleted_at` text
);
--> statement-breakpoint
CREATE INDEX `customer_notes_customer_idx` ON `customer_notes` (`universal_customer_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `products` (
	`id` text PRIMARY KEY NOT NULL,
	`business_id` text NOT NULL,
	`sku` text NOT NULL,
	`name` text NOT NULL,
	`price_cents` integer NOT NULL,
	`currency` text NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`server_seq` integer,
	`origin_till_id` text,
	`deleted_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `products_business_sku_key` ON `products` (`business_id`,`sku`);--> statement-breakpoint
CREATE TABLE `business_order_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`business_id` text NOT NULL,
	`line_number` integer NOT NULL,
	`product_id` text,
	`sku` text,
	`description` text NOT NULL,
	`quantity_milli` integer NOT NULL,
	`unit_price_cents` integer NOT NULL,
	`discount_cents` integer DEFAULT 0 NOT NULL,
	`line_total_cents` integer NOT NULL,
	`currency` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`server_seq` integer,
	`origin_till_id` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `business_order_lines_order_line_key` ON `business_order_lines` (`order_id`,`line_number`);--> statement-breakpoint
CREATE TABLE `business_orders` (
	`id` text PRIMARY KEY NOT NULL,
	`order_number` text NOT NULL,
	`business_id` text NOT NULL,
	`universal_customer_id` text,
	`division_account_id` text,
	`status` text DEFAULT 'OPEN' NOT NULL,
	`payment_status` text DEFAULT 'UNPAID' NOT NULL,
	`subtotal_cents` integer DEFAULT 0 NOT NULL,
	`discount_cents` integer DEFAULT 0 NOT NULL,
	`tax_cents` integer DEFAULT 0 NOT NULL,
	`total_cents` integer DEFAULT 0 NOT NULL,
	`paid_cents` integer DEFAULT 0 NOT NULL,
	`currency` text NOT NULL,
	`notes` text,
	`created_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`completed_at` text,
	`server_seq` integer,
	`origin_till_id` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `business_orders_order_number_unique` ON `business_orders` (`order_number`);--> statement-breakpoint
CREATE INDEX `business_orders_customer_idx` ON `business_orders` (`universal_customer_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `business_orders_created_idx` ON `business_orders` (`created_at`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`action` text NOT NULL,
	`actor_user_id` text,
	`till_id` text,
	`business_id` text,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`before` text,
	`after` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity_type`,`entity_id`,`at`);--> statement-breakpoint
CREATE TABLE `exchange_rates` (
	`id` text PRIMARY KEY NOT NULL,
	`date` text NOT NULL,
	`from_currency` text NOT NULL,
	`to_currency` text NOT NULL,
	`rate_micros` integer NOT NULL,
	`created_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`server_seq` integer,
	`origin_till_id` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `exchange_rates_day_pair_key` ON `exchange_rates` (`date`,`from_currency`,`to_currency`);--> statement-breakpoint
CREATE TABLE `flagged_events` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`business_id` text,
	`till_id` text,
	`mutation_id` text,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`message` text NOT NULL,
	`details` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`resolved_at` text,
	`resolved_by` text,
	`resolution` text,
	`server_seq` integer,
	`origin_till_id` text
);
--> statement-breakpoint
CREATE INDEX `flagged_events_open_idx` ON `flagged_events` (`created_at`) WHERE "flagged_events"."resolved_at" is null;--> statement-breakpoint
CREATE TABLE `number_blocks` (
	`id` text PRIMARY KEY NOT NULL,
	`series` text NOT NULL,
	`business_id` text,
	`range_start` integer NOT NULL,
	`range_end` integer NOT NULL,
	`next_value` integer NOT NULL,
	`leased_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "number_blocks_next_value_check" CHECK("number_blocks"."range_end" >= "number_blocks"."range_start" and "number_blocks"."next_value" between "number_blocks"."range_start" and "number_blocks"."range_end" + 1)
);
--> statement-breakpoint
CREATE INDEX `number_blocks_series_idx` ON `number_blocks` (`series`,`business_id`,`range_start`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL,
	`name` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`acked_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_seq_unique` ON `outbox` (`seq`);--> statement-breakpoint
CREATE INDEX `outbox_pending_idx` ON `outbox` (`seq`) WHERE "outbox"."acked_at" is null;--> statement-breakpoint
CREATE TABLE `print_queue` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`payload` text NOT NULL,
	`status` text DEFAULT 'PENDING' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`printed_at` text,
	`dismissed_reason` text
);
--> statement-breakpoint
CREATE INDEX `print_queue_status_idx` ON `print_queue` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `sync_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
