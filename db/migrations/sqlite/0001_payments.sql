ALTER TABLE `enrollments` ADD `amount_refunded` integer;--> statement-breakpoint
ALTER TABLE `enrollments` ADD `promotion_code` text;--> statement-breakpoint
ALTER TABLE `enrollments` ADD `disputed_at` integer;--> statement-breakpoint
ALTER TABLE `stripe_events` ADD `payment_intent_id` text;--> statement-breakpoint
ALTER TABLE `stripe_events` ADD `detail` text;--> statement-breakpoint
CREATE INDEX `stripe_events_payment_intent_idx` ON `stripe_events` (`payment_intent_id`);