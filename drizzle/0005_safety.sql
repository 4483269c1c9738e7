CREATE TABLE "rate_limit_windows" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "actor_participant" text;--> statement-breakpoint
ALTER TABLE "wall_events" ADD COLUMN "post_id" uuid;--> statement-breakpoint
CREATE INDEX "wall_events_post_idx" ON "wall_events" USING btree ("wall_id","post_id");--> statement-breakpoint
-- Data: the change log's entries about a post name it (post_id), read from the payload that carries its id.
UPDATE "wall_events" SET "post_id" = coalesce("moderator_payload" -> 'post' ->> 'id', "moderator_payload" ->> 'id')::uuid
WHERE "post_id" IS NULL AND "moderator_payload" ->> 'type' IN ('post', 'post.removed', 'reactions');--> statement-breakpoint
-- Data: nothing undoes a delete, so a deleted post keeps none of its content (as posts.ts deletion() does).
UPDATE "wall_posts" SET "title" = NULL, "body" = '', "author_name" = NULL, "author_user_id" = NULL,
  "attachment_kind" = NULL, "attachment_file_id" = NULL, "attachment_url" = NULL, "attachment_name" = NULL,
  "attachment_alt" = NULL, "attachment_width" = NULL, "attachment_height" = NULL
WHERE "deleted_at" IS NOT NULL;--> statement-breakpoint
-- Data: scrub the history as events.ts scrubEarlier() does. Public payloads first: only the latest entry about a
-- post that tells the public its state ("post" or "post.removed") keeps what it says; the earlier ones say nothing.
UPDATE "wall_events" AS e SET "public_payload" = NULL
FROM (
  SELECT "wall_id", "post_id", max("seq") AS "latest" FROM "wall_events"
  WHERE "post_id" IS NOT NULL AND "public_payload" IS NOT NULL
    AND "moderator_payload" ->> 'type' IN ('post', 'post.removed')
  GROUP BY "wall_id", "post_id"
) AS l
WHERE e."wall_id" = l."wall_id" AND e."post_id" = l."post_id" AND e."seq" < l."latest"
  AND e."public_payload" IS NOT NULL;--> statement-breakpoint
-- Data: then the moderators': every entry about a post before its latest state ("post", "post.removed") is scrubbed.
UPDATE "wall_events" AS e SET "type" = 'post.scrubbed',
  "moderator_payload" = jsonb_build_object('type', 'post.scrubbed', 'id', e."post_id")
FROM (
  SELECT "wall_id", "post_id", max("seq") AS "latest" FROM "wall_events"
  WHERE "post_id" IS NOT NULL AND "moderator_payload" ->> 'type' IN ('post', 'post.removed')
  GROUP BY "wall_id", "post_id"
) AS l
WHERE e."wall_id" = l."wall_id" AND e."post_id" = l."post_id" AND e."seq" < l."latest"
  AND e."type" <> 'post.scrubbed';
