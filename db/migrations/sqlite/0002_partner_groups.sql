ALTER TABLE `enrollments` ADD `partner_group` text;--> statement-breakpoint
CREATE INDEX `enrollments_group_idx` ON `enrollments` (`partner_group`);--> statement-breakpoint
CREATE INDEX `enrollments_created_idx` ON `enrollments` (`created_at`);