CREATE TYPE "public"."alliance_phase_name" AS ENUM('development', 'implementation', 'afterCare');--> statement-breakpoint
CREATE TABLE "alliance_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"alliance_id" uuid NOT NULL,
	"cost_entry_id" uuid,
	"decision_id" uuid,
	"file_id" uuid NOT NULL,
	"name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alliance_attachments_target_check" CHECK (("alliance_attachments"."cost_entry_id" is null) <> ("alliance_attachments"."decision_id" is null))
);
--> statement-breakpoint
CREATE TABLE "alliance_phase_gates" (
	"alliance_id" uuid NOT NULL,
	"phase" "alliance_phase_name" NOT NULL,
	"decision_id" uuid NOT NULL,
	"decided_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alliance_phase_gates_alliance_id_phase_pk" PRIMARY KEY("alliance_id","phase")
);
--> statement-breakpoint
ALTER TABLE "alliance_decisions" ADD COLUMN "subject" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "alliance_attachments" ADD CONSTRAINT "alliance_attachments_alliance_id_alliances_id_fk" FOREIGN KEY ("alliance_id") REFERENCES "public"."alliances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_attachments" ADD CONSTRAINT "alliance_attachments_cost_entry_id_alliance_cost_entries_id_fk" FOREIGN KEY ("cost_entry_id") REFERENCES "public"."alliance_cost_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_attachments" ADD CONSTRAINT "alliance_attachments_decision_id_alliance_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."alliance_decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_attachments" ADD CONSTRAINT "alliance_attachments_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_attachments" ADD CONSTRAINT "alliance_attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_phase_gates" ADD CONSTRAINT "alliance_phase_gates_alliance_id_alliances_id_fk" FOREIGN KEY ("alliance_id") REFERENCES "public"."alliances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_phase_gates" ADD CONSTRAINT "alliance_phase_gates_decision_id_alliance_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."alliance_decisions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_phase_gates" ADD CONSTRAINT "alliance_phase_gates_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alliance_attachments_cost_entry_idx" ON "alliance_attachments" USING btree ("cost_entry_id","created_at","id");--> statement-breakpoint
CREATE INDEX "alliance_attachments_decision_idx" ON "alliance_attachments" USING btree ("decision_id","created_at","id");