CREATE TYPE "public"."alliance_contribution_kind" AS ENUM('money', 'staff', 'competence', 'premises', 'services');--> statement-breakpoint
CREATE TYPE "public"."alliance_cost_category" AS ENUM('reimbursable', 'overhead', 'subcontract', 'fee', 'ownerOutside');--> statement-breakpoint
CREATE TYPE "public"."alliance_invoice_kind" AS ENUM('monthly', 'incentive');--> statement-breakpoint
CREATE TYPE "public"."alliance_invoice_status" AS ENUM('unpaid', 'paid');--> statement-breakpoint
CREATE TYPE "public"."alliance_kind" AS ENUM('service', 'project');--> statement-breakpoint
CREATE TYPE "public"."alliance_party_side" AS ENUM('owner', 'provider');--> statement-breakpoint
CREATE TYPE "public"."alliance_settlement_status" AS ENUM('draft', 'approved');--> statement-breakpoint
CREATE TABLE "alliance_budget_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"alliance_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"category" "alliance_cost_category" NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"amount_cents" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alliance_budget_lines_amount_check" CHECK ("alliance_budget_lines"."amount_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "alliance_contributions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"alliance_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"kind" "alliance_contribution_kind" NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"amount_cents" bigint,
	"fte" text,
	"people" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alliance_contributions_amount_check" CHECK ("alliance_contributions"."amount_cents" is null or "alliance_contributions"."amount_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "alliance_cost_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"alliance_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"booked_on" date NOT NULL,
	"category" "alliance_cost_category" NOT NULL,
	"counts_toward_target" boolean NOT NULL,
	"amount_cents" bigint NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"audit_reference" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alliance_cost_entries_amount_check" CHECK ("alliance_cost_entries"."amount_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "alliance_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"alliance_id" uuid NOT NULL,
	"proposal" text NOT NULL,
	"decided_on" date NOT NULL,
	"requires_unanimity" boolean NOT NULL,
	"positions" jsonb NOT NULL,
	"made" boolean NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alliance_invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"alliance_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"kind" "alliance_invoice_kind" NOT NULL,
	"period" text NOT NULL,
	"cost_cents" bigint NOT NULL,
	"fee_cents" bigint NOT NULL,
	"amount_cents" bigint NOT NULL,
	"settlement_id" uuid,
	"status" "alliance_invoice_status" DEFAULT 'unpaid' NOT NULL,
	"paid_on" date,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alliance_invoices_paid_check" CHECK (("alliance_invoices"."status" = 'paid') = ("alliance_invoices"."paid_on" is not null))
);
--> statement-breakpoint
CREATE TABLE "alliance_members" (
	"alliance_id" uuid NOT NULL,
	"person_id" text NOT NULL,
	"party_id" uuid,
	"manager" boolean DEFAULT false NOT NULL,
	"board" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alliance_members_alliance_id_person_id_pk" PRIMARY KEY("alliance_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "alliance_models" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"alliance_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"valid_from" date NOT NULL,
	"model" jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alliance_parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"alliance_id" uuid NOT NULL,
	"name" text NOT NULL,
	"business_id" text NOT NULL,
	"organisation_id" uuid,
	"side" "alliance_party_side" NOT NULL,
	"role" text DEFAULT '' NOT NULL,
	"share_basis_points" integer NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alliance_parties_share_check" CHECK ("alliance_parties"."share_basis_points" between 0 and 10000)
);
--> statement-breakpoint
CREATE TABLE "alliance_settlements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"alliance_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"version" integer NOT NULL,
	"final" boolean NOT NULL,
	"model_id" uuid NOT NULL,
	"status" "alliance_settlement_status" DEFAULT 'draft' NOT NULL,
	"kra_results" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"approved_at" timestamp with time zone,
	"approved_by" text,
	"decision_id" uuid,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alliance_settlements_approved_check" CHECK (("alliance_settlements"."status" = 'approved') = ("alliance_settlements"."approved_at" is not null and "alliance_settlements"."decision_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "alliances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" "alliance_kind" NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"goals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"segments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"phases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alliances_end_after_start_check" CHECK ("alliances"."end_date" >= "alliances"."start_date")
);
--> statement-breakpoint
ALTER TABLE "alliance_budget_lines" ADD CONSTRAINT "alliance_budget_lines_alliance_id_alliances_id_fk" FOREIGN KEY ("alliance_id") REFERENCES "public"."alliances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_budget_lines" ADD CONSTRAINT "alliance_budget_lines_party_id_alliance_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."alliance_parties"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_contributions" ADD CONSTRAINT "alliance_contributions_alliance_id_alliances_id_fk" FOREIGN KEY ("alliance_id") REFERENCES "public"."alliances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_contributions" ADD CONSTRAINT "alliance_contributions_party_id_alliance_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."alliance_parties"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_cost_entries" ADD CONSTRAINT "alliance_cost_entries_alliance_id_alliances_id_fk" FOREIGN KEY ("alliance_id") REFERENCES "public"."alliances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_cost_entries" ADD CONSTRAINT "alliance_cost_entries_party_id_alliance_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."alliance_parties"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_cost_entries" ADD CONSTRAINT "alliance_cost_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_decisions" ADD CONSTRAINT "alliance_decisions_alliance_id_alliances_id_fk" FOREIGN KEY ("alliance_id") REFERENCES "public"."alliances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_decisions" ADD CONSTRAINT "alliance_decisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_invoices" ADD CONSTRAINT "alliance_invoices_alliance_id_alliances_id_fk" FOREIGN KEY ("alliance_id") REFERENCES "public"."alliances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_invoices" ADD CONSTRAINT "alliance_invoices_party_id_alliance_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."alliance_parties"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_invoices" ADD CONSTRAINT "alliance_invoices_settlement_id_alliance_settlements_id_fk" FOREIGN KEY ("settlement_id") REFERENCES "public"."alliance_settlements"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_invoices" ADD CONSTRAINT "alliance_invoices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_members" ADD CONSTRAINT "alliance_members_alliance_id_alliances_id_fk" FOREIGN KEY ("alliance_id") REFERENCES "public"."alliances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_members" ADD CONSTRAINT "alliance_members_person_id_users_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_members" ADD CONSTRAINT "alliance_members_party_id_alliance_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."alliance_parties"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_models" ADD CONSTRAINT "alliance_models_alliance_id_alliances_id_fk" FOREIGN KEY ("alliance_id") REFERENCES "public"."alliances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_models" ADD CONSTRAINT "alliance_models_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_parties" ADD CONSTRAINT "alliance_parties_alliance_id_alliances_id_fk" FOREIGN KEY ("alliance_id") REFERENCES "public"."alliances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_parties" ADD CONSTRAINT "alliance_parties_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_settlements" ADD CONSTRAINT "alliance_settlements_alliance_id_alliances_id_fk" FOREIGN KEY ("alliance_id") REFERENCES "public"."alliances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_settlements" ADD CONSTRAINT "alliance_settlements_model_id_alliance_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."alliance_models"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_settlements" ADD CONSTRAINT "alliance_settlements_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_settlements" ADD CONSTRAINT "alliance_settlements_decision_id_alliance_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."alliance_decisions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_settlements" ADD CONSTRAINT "alliance_settlements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliances" ADD CONSTRAINT "alliances_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alliance_budget_lines_alliance_idx" ON "alliance_budget_lines" USING btree ("alliance_id","year","party_id");--> statement-breakpoint
CREATE INDEX "alliance_contributions_alliance_idx" ON "alliance_contributions" USING btree ("alliance_id","year","party_id");--> statement-breakpoint
CREATE INDEX "alliance_cost_entries_alliance_idx" ON "alliance_cost_entries" USING btree ("alliance_id","booked_on","id");--> statement-breakpoint
CREATE INDEX "alliance_decisions_alliance_idx" ON "alliance_decisions" USING btree ("alliance_id","decided_on","id");--> statement-breakpoint
CREATE UNIQUE INDEX "alliance_invoices_period_idx" ON "alliance_invoices" USING btree ("alliance_id","party_id","kind","period");--> statement-breakpoint
CREATE INDEX "alliance_members_person_idx" ON "alliance_members" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "alliance_models_version_idx" ON "alliance_models" USING btree ("alliance_id","version");--> statement-breakpoint
CREATE INDEX "alliance_parties_alliance_idx" ON "alliance_parties" USING btree ("alliance_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "alliance_parties_business_id_idx" ON "alliance_parties" USING btree ("alliance_id","business_id");--> statement-breakpoint
CREATE UNIQUE INDEX "alliance_settlements_version_idx" ON "alliance_settlements" USING btree ("alliance_id","year","version");--> statement-breakpoint
CREATE INDEX "alliances_name_idx" ON "alliances" USING btree ("name","id");