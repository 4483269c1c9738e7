CREATE TABLE "rate_limit_windows" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "actor_participant" text;--> statement-breakpoint
ALTER TABLE "wall_events" ADD COLUMN "post_id" uuid;--> statement-breakpoint
CREATE INDEX "wall_events_post_idx" ON "wall_events" USING btree ("wall_id","post_id");