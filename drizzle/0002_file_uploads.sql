CREATE TABLE "file_uploads" (
	"id" uuid PRIMARY KEY NOT NULL,
	"scope" text NOT NULL,
	"scope_id" uuid NOT NULL,
	"uploader" text NOT NULL,
	"kind" text NOT NULL,
	"mime_type" text NOT NULL,
	"name" text NOT NULL,
	"width" integer,
	"height" integer,
	"used" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "file_uploads" ADD CONSTRAINT "file_uploads_id_stored_files_id_fk" FOREIGN KEY ("id") REFERENCES "public"."stored_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "file_uploads_scope_idx" ON "file_uploads" USING btree ("scope","scope_id");