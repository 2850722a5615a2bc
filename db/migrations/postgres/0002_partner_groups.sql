ALTER TABLE "enrollments" ADD COLUMN "partner_group" text;--> statement-breakpoint
CREATE INDEX "enrollments_group_idx" ON "enrollments" USING btree ("partner_group");--> statement-breakpoint
CREATE INDEX "enrollments_created_idx" ON "enrollments" USING btree ("created_at");