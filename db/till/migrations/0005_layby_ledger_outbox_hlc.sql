CREATE TABLE `customer_layby_fees` (
	`id` text PRIMARY KEY NOT NULL,
	`layby_id` text NOT NULL,
	`business_id` text NOT NULL,
	`kind` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`currency` text NOT NULL,
	`instalment_due_date` text,
	`charged_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`charged_by` text,
	`server_seq` integer,
	`origin_till_id` text
);
--> statement-breakpoint
CREATE INDEX `customer_layby_fees_layby_idx` ON `customer_layby_fees` (`layby_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `customer_layby_fees_late_once` ON `customer_layby_fees` (`layby_id`,`instalment_due_date`) WHERE "customer_layby_fees"."kind" = 'LATE';--> statement-breakpoint
CREATE TABLE `layby_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`business_id` text NOT NULL,
	`rules` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_by` text,
	`server_seq` integer,
	`origin_till_id` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `layby_rules_business_id_unique` ON `layby_rules` (`business_id`);--> statement-breakpoint
ALTER TABLE `customer_layby_payments` ADD `tendered_amount_cents` integer;--> statement-breakpoint
ALTER TABLE `customer_layby_payments` ADD `tendered_currency` text;--> statement-breakpoint
ALTER TABLE `customer_layby_payments` ADD `exchange_rate_micros` integer;--> statement-breakpoint
ALTER TABLE `customer_laybys` ADD `schedule` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `customer_laybys` ADD `terms` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `hlc` text;