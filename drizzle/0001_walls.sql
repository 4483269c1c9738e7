CREATE TYPE "public"."attachment_kind" AS ENUM('image', 'file', 'link');--> statement-breakpoint
CREATE TYPE "public"."post_kind" AS ENUM('comment', 'question', 'remark');--> statement-breakpoint
CREATE TYPE "public"."post_status" AS ENUM('visible', 'pending', 'hidden');--> statement-breakpoint
CREATE TYPE "public"."reaction_kind" AS ENUM('like', 'upvote');--> statement-breakpoint
CREATE TYPE "public"."wall_access" AS ENUM('link', 'join_code', 'members');--> statement-breakpoint
CREATE TYPE "public"."wall_layout" AS ENUM('masonry', 'columns', 'stream');--> statement-breakpoint
CREATE TYPE "public"."wall_moderation" AS ENUM('open', 'pre');--> statement-breakpoint
CREATE TYPE "public"."wall_owner_type" AS ENUM('standalone', 'event', 'group');--> statement-breakpoint
CREATE TABLE "stored_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mime_type" text NOT NULL,
	"name" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wall_events" (
	"wall_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"type" text NOT NULL,
	"public_payload" jsonb,
	"moderator_payload" jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "wall_events_wall_id_seq_pk" PRIMARY KEY("wall_id","seq")
);
--> statement-breakpoint
CREATE TABLE "wall_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"wall_id" uuid NOT NULL,
	"section_id" uuid,
	"parent_id" uuid,
	"kind" "post_kind" DEFAULT 'comment' NOT NULL,
	"title" text,
	"body" text NOT NULL,
	"author_name" text,
	"author_user_id" text,
	"participant_hash" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"status" "post_status" DEFAULT 'visible' NOT NULL,
	"pinned" boolean DEFAULT false NOT NULL,
	"attachment_kind" "attachment_kind",
	"attachment_file_id" uuid,
	"attachment_url" text,
	"attachment_name" text,
	"attachment_alt" text,
	"attachment_width" integer,
	"attachment_height" integer,
	"like_count" integer DEFAULT 0 NOT NULL,
	"vote_count" integer DEFAULT 0 NOT NULL,
	"report_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "wall_reactions" (
	"post_id" uuid NOT NULL,
	"participant_hash" text NOT NULL,
	"kind" "reaction_kind" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "wall_reactions_post_id_participant_hash_kind_pk" PRIMARY KEY("post_id","participant_hash","kind")
);
--> statement-breakpoint
CREATE TABLE "wall_reports" (
	"post_id" uuid NOT NULL,
	"participant_hash" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "wall_reports_post_id_participant_hash_pk" PRIMARY KEY("post_id","participant_hash")
);
--> statement-breakpoint
CREATE TABLE "wall_sections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"wall_id" uuid NOT NULL,
	"title" text NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "walls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_type" "wall_owner_type" DEFAULT 'standalone' NOT NULL,
	"owner_id" uuid,
	"access" "wall_access" DEFAULT 'link' NOT NULL,
	"join_code" text,
	"anonymous_allowed" boolean DEFAULT true NOT NULL,
	"moderation" "wall_moderation" DEFAULT 'open' NOT NULL,
	"layout" "wall_layout" DEFAULT 'masonry' NOT NULL,
	"closed" boolean DEFAULT false NOT NULL,
	"last_seq" bigint DEFAULT 0 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "walls_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "wall_events" ADD CONSTRAINT "wall_events_wall_id_walls_id_fk" FOREIGN KEY ("wall_id") REFERENCES "public"."walls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wall_posts" ADD CONSTRAINT "wall_posts_wall_id_walls_id_fk" FOREIGN KEY ("wall_id") REFERENCES "public"."walls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wall_posts" ADD CONSTRAINT "wall_posts_section_id_wall_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."wall_sections"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wall_posts" ADD CONSTRAINT "wall_posts_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wall_posts" ADD CONSTRAINT "wall_posts_attachment_file_id_stored_files_id_fk" FOREIGN KEY ("attachment_file_id") REFERENCES "public"."stored_files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wall_reactions" ADD CONSTRAINT "wall_reactions_post_id_wall_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."wall_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wall_reports" ADD CONSTRAINT "wall_reports_post_id_wall_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."wall_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wall_sections" ADD CONSTRAINT "wall_sections_wall_id_walls_id_fk" FOREIGN KEY ("wall_id") REFERENCES "public"."walls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "walls" ADD CONSTRAINT "walls_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "wall_posts_wall_idx" ON "wall_posts" USING btree ("wall_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "wall_posts_idempotency_idx" ON "wall_posts" USING btree ("wall_id","participant_hash","idempotency_key");--> statement-breakpoint
CREATE INDEX "wall_sections_wall_idx" ON "wall_sections" USING btree ("wall_id","position");