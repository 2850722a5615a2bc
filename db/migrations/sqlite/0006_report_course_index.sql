DROP INDEX `enrollments_course_idx`;--> statement-breakpoint
CREATE INDEX `enrollments_course_created_idx` ON `enrollments` (`course_slug`,`created_at`,`status`);