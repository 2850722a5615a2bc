ALTER TABLE "enrollments" ADD COLUMN "amount_refunded" integer;--> statement-breakpoint
ALTER TABLE "enrollments" ADD COLUMN "promotion_code" text;--> statement-breakpoint
ALTER TABLE "enrollments" ADD COLUMN "disputed_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "stripe_events" ADD COLUMN "payment_intent_id" text;--> statement-breakpoint
ALTER TABLE "stripe_events" ADD COLUMN "detail" text;--> statement-breakpoint
CREATE INDEX "stripe_events_payment_intent_idx" ON "stripe_events" USING btree ("payment_intent_id");