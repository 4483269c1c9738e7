ALTER TYPE "public"."wall_owner_type" ADD VALUE 'strategy_goal';--> statement-breakpoint
ALTER TABLE "strategies" ADD COLUMN "consultation_deadline" date;--> statement-breakpoint
ALTER TABLE "strategies" ADD COLUMN "consultation_opened_by" text;--> statement-breakpoint
ALTER TABLE "strategies" ADD COLUMN "environment_deliverable_id" uuid;--> statement-breakpoint
ALTER TABLE "strategy_goals" ADD COLUMN "wall_id" uuid;--> statement-breakpoint
ALTER TABLE "strategies" ADD CONSTRAINT "strategies_consultation_opened_by_users_id_fk" FOREIGN KEY ("consultation_opened_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategies" ADD CONSTRAINT "strategies_environment_deliverable_id_deliverables_id_fk" FOREIGN KEY ("environment_deliverable_id") REFERENCES "public"."deliverables"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_goals" ADD CONSTRAINT "strategy_goals_wall_id_walls_id_fk" FOREIGN KEY ("wall_id") REFERENCES "public"."walls"("id") ON DELETE set null ON UPDATE no action;