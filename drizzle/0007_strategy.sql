CREATE TYPE "public"."indicator_direction" AS ENUM('higher_better', 'lower_better');--> statement-breakpoint
CREATE TYPE "public"."strategy_goal_category" AS ENUM('wellbeing', 'services', 'regional_development', 'ownership', 'personnel', 'participation');--> statement-breakpoint
CREATE TYPE "public"."strategy_status" AS ENUM('draft', 'consultation', 'adopted', 'archived');--> statement-breakpoint
CREATE TABLE "strategies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"start_year" integer NOT NULL,
	"end_year" integer NOT NULL,
	"status" "strategy_status" DEFAULT 'draft' NOT NULL,
	"vision" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "strategies_period_check" CHECK ("strategies"."end_year" >= "strategies"."start_year")
);
--> statement-breakpoint
CREATE TABLE "strategy_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"strategy_id" uuid NOT NULL,
	"category" "strategy_goal_category" NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"position" integer NOT NULL,
	"responsible_group_id" uuid,
	"responsible_person_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "strategy_goals_one_responsible_check" CHECK ("strategy_goals"."responsible_group_id" is null or "strategy_goals"."responsible_person_id" is null)
);
--> statement-breakpoint
CREATE TABLE "strategy_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"goal_id" uuid NOT NULL,
	"name" text NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"direction" "indicator_direction" NOT NULL,
	"baseline_value" numeric NOT NULL,
	"baseline_date" date NOT NULL,
	"target_value" numeric NOT NULL,
	"target_date" date NOT NULL,
	"intermediate_targets" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"data_source" text DEFAULT '' NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "strategy_indicators_target_after_baseline_check" CHECK ("strategy_indicators"."target_date" > "strategy_indicators"."baseline_date")
);
--> statement-breakpoint
CREATE TABLE "strategy_measurements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"measured_on" date NOT NULL,
	"value" numeric NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"entered_by" text,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "strategies" ADD CONSTRAINT "strategies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_goals" ADD CONSTRAINT "strategy_goals_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_goals" ADD CONSTRAINT "strategy_goals_responsible_group_id_working_groups_id_fk" FOREIGN KEY ("responsible_group_id") REFERENCES "public"."working_groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_goals" ADD CONSTRAINT "strategy_goals_responsible_person_id_users_id_fk" FOREIGN KEY ("responsible_person_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_indicators" ADD CONSTRAINT "strategy_indicators_goal_id_strategy_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."strategy_goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_measurements" ADD CONSTRAINT "strategy_measurements_indicator_id_strategy_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."strategy_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_measurements" ADD CONSTRAINT "strategy_measurements_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "strategies_start_year_idx" ON "strategies" USING btree ("start_year","id");--> statement-breakpoint
CREATE INDEX "strategy_goals_strategy_idx" ON "strategy_goals" USING btree ("strategy_id","position");--> statement-breakpoint
CREATE INDEX "strategy_goals_group_idx" ON "strategy_goals" USING btree ("responsible_group_id");--> statement-breakpoint
CREATE INDEX "strategy_indicators_goal_idx" ON "strategy_indicators" USING btree ("goal_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "strategy_measurements_indicator_date_idx" ON "strategy_measurements" USING btree ("indicator_id","measured_on");