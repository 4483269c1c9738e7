CREATE TYPE "public"."funding_source" AS ENUM('base_grant', 'ict_grant', 'own_funding', 'project_funding', 'other');--> statement-breakpoint
CREATE TYPE "public"."grant_cost_category" AS ENUM('personnel', 'services', 'ict_development', 'premises', 'travel', 'archiving', 'reporting', 'other');--> statement-breakpoint
CREATE TYPE "public"."grant_cut_off_kind" AS ENUM('commitments', 'spending', 'report');--> statement-breakpoint
CREATE TYPE "public"."grant_eligibility_rule" AS ENUM('outside_period', 'after_spending_cut_off', 'ict_for_other_public_body', 'commitment_after_cut_off', 'essential_for_ending', 'eligible');--> statement-breakpoint
CREATE TYPE "public"."rampdown_checklist_key" AS ENUM('staff_return', 'schedule', 'who_stays', 'what_continues', 'contracts_to_finish', 'data_saved', 'final_report_form', 'special_projects_home', 'next_government_programme');--> statement-breakpoint
CREATE TYPE "public"."rampdown_checklist_status" AS ENUM('open', 'in_progress', 'done');--> statement-breakpoint
CREATE TYPE "public"."rampdown_commitment_kind" AS ENUM('contract', 'secondment', 'grant', 'other');--> statement-breakpoint
CREATE TYPE "public"."rampdown_decision" AS ENUM('continue', 'end', 'transfer', 'already_ended');--> statement-breakpoint
CREATE TYPE "public"."secondment_legal_form" AS ENUM('leave_fixed_term', 'staff_loan', 'purchased_service', 'own_fixed_term');--> statement-breakpoint
CREATE TABLE "grant_cost_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"grant_id" uuid NOT NULL,
	"category" "grant_cost_category" NOT NULL,
	"description" text NOT NULL,
	"cost_date" date NOT NULL,
	"commitment_date" date,
	"amount_cents" bigint NOT NULL,
	"essential_for_ending" boolean DEFAULT false NOT NULL,
	"for_other_public_body" boolean DEFAULT false NOT NULL,
	"eligible" boolean NOT NULL,
	"rule" "grant_eligibility_rule" NOT NULL,
	"contract_id" uuid,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grant_cost_entries_amount_check" CHECK ("grant_cost_entries"."amount_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "grant_cut_offs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"grant_id" uuid NOT NULL,
	"kind" "grant_cut_off_kind" NOT NULL,
	"date" date NOT NULL,
	"label" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"decision_number" text DEFAULT '' NOT NULL,
	"funding_source" "funding_source" NOT NULL,
	"amount_cents" bigint NOT NULL,
	"paid_cents" bigint NOT NULL,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"own_share_hundredths" integer NOT NULL,
	"eligible_from" date NOT NULL,
	"eligible_to" date NOT NULL,
	"contract_id" uuid,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grants_period_check" CHECK ("grants"."eligible_to" >= "grants"."eligible_from"),
	CONSTRAINT "grants_share_check" CHECK ("grants"."own_share_hundredths" between 0 and 9999),
	CONSTRAINT "grants_amounts_check" CHECK ("grants"."amount_cents" >= 0 and "grants"."paid_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "rampdown_checklist" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" "rampdown_checklist_key",
	"title" text DEFAULT '' NOT NULL,
	"owner" text DEFAULT '' NOT NULL,
	"status" "rampdown_checklist_status" DEFAULT 'open' NOT NULL,
	"due_date" date,
	"note" text DEFAULT '' NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rampdown_checklist_title_check" CHECK ("rampdown_checklist"."key" is not null or "rampdown_checklist"."title" <> '')
);
--> statement-breakpoint
CREATE TABLE "rampdown_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "rampdown_commitment_kind" NOT NULL,
	"contract_id" uuid,
	"secondment_id" uuid,
	"grant_id" uuid,
	"title" text DEFAULT '' NOT NULL,
	"decision" "rampdown_decision" NOT NULL,
	"transfer_to" text,
	"decided_on" date NOT NULL,
	"decided_by" text NOT NULL,
	"exit_cost_cents" bigint NOT NULL,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"earliest_exit_date" date,
	"note" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rampdown_decisions_target_check" CHECK (("rampdown_decisions"."kind" = 'contract') = ("rampdown_decisions"."contract_id" is not null) and ("rampdown_decisions"."kind" = 'secondment') = ("rampdown_decisions"."secondment_id" is not null) and ("rampdown_decisions"."kind" = 'grant') = ("rampdown_decisions"."grant_id" is not null)),
	CONSTRAINT "rampdown_decisions_transfer_check" CHECK (("rampdown_decisions"."decision" = 'transfer') = ("rampdown_decisions"."transfer_to" is not null)),
	CONSTRAINT "rampdown_decisions_cost_check" CHECK ("rampdown_decisions"."exit_cost_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "secondment_substitutes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"secondment_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"post" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "secondments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_name" text NOT NULL,
	"person_id" text,
	"title" text DEFAULT '' NOT NULL,
	"home_organisation_name" text NOT NULL,
	"home_organisation_id" uuid,
	"legal_form" "secondment_legal_form" NOT NULL,
	"share_percent" integer NOT NULL,
	"fte_hundredths" integer NOT NULL,
	"start_date" date NOT NULL,
	"agreed_end_date" date NOT NULL,
	"planned_return_date" date,
	"salary_cents" bigint NOT NULL,
	"side_costs_cents" bigint NOT NULL,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"funding_source" "funding_source" NOT NULL,
	"grant_eligible" boolean NOT NULL,
	"contract_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "secondments_end_after_start_check" CHECK ("secondments"."agreed_end_date" >= "secondments"."start_date"),
	CONSTRAINT "secondments_return_after_start_check" CHECK ("secondments"."planned_return_date" is null or "secondments"."planned_return_date" >= "secondments"."start_date"),
	CONSTRAINT "secondments_share_check" CHECK ("secondments"."share_percent" between 1 and 100),
	CONSTRAINT "secondments_fte_check" CHECK ("secondments"."fte_hundredths" between 1 and 100),
	CONSTRAINT "secondments_costs_check" CHECK ("secondments"."salary_cents" >= 0 and "secondments"."side_costs_cents" >= 0)
);
--> statement-breakpoint
ALTER TABLE "grant_cost_entries" ADD CONSTRAINT "grant_cost_entries_grant_id_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."grants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_cost_entries" ADD CONSTRAINT "grant_cost_entries_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_cost_entries" ADD CONSTRAINT "grant_cost_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_cut_offs" ADD CONSTRAINT "grant_cut_offs_grant_id_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."grants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rampdown_decisions" ADD CONSTRAINT "rampdown_decisions_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rampdown_decisions" ADD CONSTRAINT "rampdown_decisions_secondment_id_secondments_id_fk" FOREIGN KEY ("secondment_id") REFERENCES "public"."secondments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rampdown_decisions" ADD CONSTRAINT "rampdown_decisions_grant_id_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."grants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rampdown_decisions" ADD CONSTRAINT "rampdown_decisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secondment_substitutes" ADD CONSTRAINT "secondment_substitutes_secondment_id_secondments_id_fk" FOREIGN KEY ("secondment_id") REFERENCES "public"."secondments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secondments" ADD CONSTRAINT "secondments_person_id_users_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secondments" ADD CONSTRAINT "secondments_home_organisation_id_organisations_id_fk" FOREIGN KEY ("home_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secondments" ADD CONSTRAINT "secondments_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secondments" ADD CONSTRAINT "secondments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "grant_cost_entries_grant_idx" ON "grant_cost_entries" USING btree ("grant_id","cost_date","id");--> statement-breakpoint
CREATE UNIQUE INDEX "grant_cut_offs_kind_idx" ON "grant_cut_offs" USING btree ("grant_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "grants_name_idx" ON "grants" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "rampdown_checklist_key_idx" ON "rampdown_checklist" USING btree ("key");--> statement-breakpoint
CREATE INDEX "rampdown_checklist_position_idx" ON "rampdown_checklist" USING btree ("position","id");--> statement-breakpoint
CREATE UNIQUE INDEX "rampdown_decisions_contract_idx" ON "rampdown_decisions" USING btree ("contract_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rampdown_decisions_secondment_idx" ON "rampdown_decisions" USING btree ("secondment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rampdown_decisions_grant_idx" ON "rampdown_decisions" USING btree ("grant_id");--> statement-breakpoint
CREATE INDEX "rampdown_decisions_created_idx" ON "rampdown_decisions" USING btree ("created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "secondment_substitutes_position_idx" ON "secondment_substitutes" USING btree ("secondment_id","position");--> statement-breakpoint
CREATE INDEX "secondments_name_idx" ON "secondments" USING btree ("person_name","id");--> statement-breakpoint
CREATE INDEX "secondments_person_idx" ON "secondments" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "secondments_return_idx" ON "secondments" USING btree ("planned_return_date");