CREATE TABLE `printer_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`interface` text NOT NULL,
	`paper_width` integer NOT NULL,
	`character_set` text NOT NULL,
	`cash_drawer` integer NOT NULL,
	`status_checks` integer NOT NULL,
	`fallback_interface` text,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	CONSTRAINT "printer_settings_single_row" CHECK("printer_settings"."id" = 1),
	CONSTRAINT "printer_settings_width_check" CHECK("printer_settings"."paper_width" in (32, 48))
);
--> statement-breakpoint
ALTER TABLE `print_queue` ADD `receipt_number` text;--> statement-breakpoint
ALTER TABLE `print_queue` ADD `customer_id` text;--> statement-breakpoint
ALTER TABLE `print_queue` ADD `customer_number` text;--> statement-breakpoint
ALTER TABLE `print_queue` ADD `reference` text;--> statement-breakpoint
ALTER TABLE `print_queue` ADD `copy_of` text;--> statement-breakpoint
ALTER TABLE `print_queue` ADD `printer` text DEFAULT 'main' NOT NULL;--> statement-breakpoint
ALTER TABLE `print_queue` ADD `created_by` text;--> statement-breakpoint
ALTER TABLE `print_queue` ADD `last_attempt_at` text;--> statement-breakpoint
ALTER TABLE `print_queue` ADD `next_attempt_at` text;--> statement-breakpoint
ALTER TABLE `print_queue` ADD `sent_unconfirmed` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `print_queue` ADD `dismissed_by` text;--> statement-breakpoint
ALTER TABLE `print_queue` ADD `dismissed_at` text;--> statement-breakpoint
CREATE INDEX `print_queue_customer_idx` ON `print_queue` (`customer_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `print_queue_customer_number_idx` ON `print_queue` (`customer_number`,`created_at`);--> statement-breakpoint
CREATE INDEX `print_queue_reference_idx` ON `print_queue` (`reference`,`created_at`);