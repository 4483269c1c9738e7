CREATE TYPE "public"."contract_confidentiality" AS ENUM('public', 'confidential');--> statement-breakpoint
CREATE TYPE "public"."contract_document_kind" AS ENUM('signed', 'annex');--> statement-breakpoint
CREATE TYPE "public"."contract_notice_unit" AS ENUM('months', 'days');--> statement-breakpoint
CREATE TYPE "public"."contract_party_role" AS ENUM('buyer', 'supplier', 'partner', 'funder', 'lessor', 'lessee', 'licensor', 'licensee', 'other');--> statement-breakpoint
CREATE TYPE "public"."contract_reminder_kind" AS ENUM('start', 'end', 'option_end', 'notice_deadline');--> statement-breakpoint
CREATE TYPE "public"."contract_status" AS ENUM('draft', 'active', 'ending', 'ended');--> statement-breakpoint
CREATE TYPE "public"."contract_type" AS ENUM('contract', 'framework_agreement', 'secondment_agreement', 'cooperation_agreement', 'procurement', 'lease', 'licence');--> statement-breakpoint
ALTER TYPE "public"."role" ADD VALUE 'auditor';--> statement-breakpoint
CREATE TABLE "contract_deputies" (
	"contract_id" uuid NOT NULL,
	"person_id" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "contract_deputies_contract_id_person_id_pk" PRIMARY KEY("contract_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "contract_document_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"file_id" uuid NOT NULL,
	"name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"uploaded_by" text,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contract_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"kind" "contract_document_kind" NOT NULL,
	"title" text NOT NULL,
	"latest_version" integer DEFAULT 0 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contract_folders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contract_option_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"exercised" boolean DEFAULT false NOT NULL,
	CONSTRAINT "contract_option_periods_end_after_start_check" CHECK ("contract_option_periods"."end_date" >= "contract_option_periods"."start_date")
);
--> statement-breakpoint
CREATE TABLE "contract_parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"name" text NOT NULL,
	"business_id" text,
	"organisation_id" uuid,
	"role" "contract_party_role" NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contract_reminder_settings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"folder_id" uuid,
	"contract_id" uuid,
	"start_days" integer,
	"end_days" integer,
	"option_end_days" integer,
	"notice_days" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contract_reminder_settings_one_owner_check" CHECK (("contract_reminder_settings"."folder_id" is null) <> ("contract_reminder_settings"."contract_id" is null))
);
--> statement-breakpoint
CREATE TABLE "contract_sent_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"kind" "contract_reminder_kind" NOT NULL,
	"event_date" date NOT NULL,
	"due_date" date NOT NULL,
	"recipient_id" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"folder_id" uuid NOT NULL,
	"type" "contract_type" NOT NULL,
	"number" text NOT NULL,
	"diary_number" text DEFAULT '' NOT NULL,
	"name" text NOT NULL,
	"responsible_id" text,
	"start_date" date NOT NULL,
	"end_date" date,
	"open_ended" boolean DEFAULT false NOT NULL,
	"notice_period" integer,
	"notice_unit" "contract_notice_unit",
	"notice_deadline" date,
	"auto_renewal" boolean DEFAULT false NOT NULL,
	"value_cents" bigint,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"status" "contract_status" DEFAULT 'draft' NOT NULL,
	"confidentiality" "contract_confidentiality" DEFAULT 'public' NOT NULL,
	"confidentiality_ground" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"master_id" uuid,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contracts_end_after_start_check" CHECK ("contracts"."end_date" is null or "contracts"."end_date" >= "contracts"."start_date"),
	CONSTRAINT "contracts_open_ended_check" CHECK (("contracts"."open_ended" and "contracts"."end_date" is null) or (not "contracts"."open_ended" and "contracts"."end_date" is not null)),
	CONSTRAINT "contracts_notice_check" CHECK (("contracts"."notice_period" is null) = ("contracts"."notice_unit" is null)),
	CONSTRAINT "contracts_notice_positive_check" CHECK ("contracts"."notice_period" is null or "contracts"."notice_period" > 0),
	CONSTRAINT "contracts_confidential_ground_check" CHECK ("contracts"."confidentiality" = 'public' or "contracts"."confidentiality_ground" is not null),
	CONSTRAINT "contracts_not_own_master_check" CHECK ("contracts"."master_id" is null or "contracts"."master_id" <> "contracts"."id")
);
--> statement-breakpoint
ALTER TABLE "contract_deputies" ADD CONSTRAINT "contract_deputies_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_deputies" ADD CONSTRAINT "contract_deputies_person_id_users_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_document_versions" ADD CONSTRAINT "contract_document_versions_document_id_contract_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."contract_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_document_versions" ADD CONSTRAINT "contract_document_versions_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_document_versions" ADD CONSTRAINT "contract_document_versions_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_documents" ADD CONSTRAINT "contract_documents_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_documents" ADD CONSTRAINT "contract_documents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_folders" ADD CONSTRAINT "contract_folders_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_option_periods" ADD CONSTRAINT "contract_option_periods_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_parties" ADD CONSTRAINT "contract_parties_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_parties" ADD CONSTRAINT "contract_parties_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_reminder_settings" ADD CONSTRAINT "contract_reminder_settings_folder_id_contract_folders_id_fk" FOREIGN KEY ("folder_id") REFERENCES "public"."contract_folders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_reminder_settings" ADD CONSTRAINT "contract_reminder_settings_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_sent_reminders" ADD CONSTRAINT "contract_sent_reminders_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_sent_reminders" ADD CONSTRAINT "contract_sent_reminders_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_folder_id_contract_folders_id_fk" FOREIGN KEY ("folder_id") REFERENCES "public"."contract_folders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_responsible_id_users_id_fk" FOREIGN KEY ("responsible_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_master_id_contracts_id_fk" FOREIGN KEY ("master_id") REFERENCES "public"."contracts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contract_deputies_person_idx" ON "contract_deputies" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contract_document_versions_document_version_idx" ON "contract_document_versions" USING btree ("document_id","version");--> statement-breakpoint
CREATE INDEX "contract_documents_contract_idx" ON "contract_documents" USING btree ("contract_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "contract_folders_name_idx" ON "contract_folders" USING btree ("name");--> statement-breakpoint
CREATE INDEX "contract_option_periods_contract_idx" ON "contract_option_periods" USING btree ("contract_id","position");--> statement-breakpoint
CREATE INDEX "contract_parties_contract_idx" ON "contract_parties" USING btree ("contract_id","position");--> statement-breakpoint
CREATE INDEX "contract_parties_organisation_idx" ON "contract_parties" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contract_reminder_settings_folder_idx" ON "contract_reminder_settings" USING btree ("folder_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contract_reminder_settings_contract_idx" ON "contract_reminder_settings" USING btree ("contract_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contract_sent_reminders_key" ON "contract_sent_reminders" USING btree ("contract_id","kind","event_date","recipient_id");--> statement-breakpoint
CREATE INDEX "contract_sent_reminders_recipient_idx" ON "contract_sent_reminders" USING btree ("recipient_id","event_date","id");--> statement-breakpoint
CREATE UNIQUE INDEX "contracts_folder_number_idx" ON "contracts" USING btree ("folder_id","number");--> statement-breakpoint
CREATE INDEX "contracts_folder_name_idx" ON "contracts" USING btree ("folder_id","name","id");--> statement-breakpoint
CREATE INDEX "contracts_name_idx" ON "contracts" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "contracts_master_idx" ON "contracts" USING btree ("master_id");