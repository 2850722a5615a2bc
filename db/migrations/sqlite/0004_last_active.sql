ALTER TABLE `enrollments` ADD `last_active_at` integer;--> statement-breakpoint
CREATE INDEX `enrollments_course_active_idx` ON `enrollments` (`course_slug`,`last_active_at`);--> statement-breakpoint
-- Existing learners: their latest lesson view so far, from one pass over the progress rows in
-- key order (a correlated subquery per enrollment would scan a course's views for each learner).
UPDATE `enrollments` SET `last_active_at` = `latest`.`at` FROM (SELECT `user_id`, `course_slug`, max(`last_viewed_at`) AS `at` FROM `lesson_progress` GROUP BY `user_id`, `course_slug`) AS `latest` WHERE `latest`.`user_id` = `enrollments`.`user_id` AND `latest`.`course_slug` = `enrollments`.`course_slug`;
