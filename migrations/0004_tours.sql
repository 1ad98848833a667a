CREATE TABLE "tour_milestones" (
	"id" text PRIMARY KEY NOT NULL,
	"tour_id" text NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text NOT NULL,
	"done_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tour_milestones_status" CHECK ("tour_milestones"."status" in ('planned', 'in_progress', 'done', 'missed')),
	CONSTRAINT "tour_milestones_done_date" CHECK (("tour_milestones"."status" = 'done') = ("tour_milestones"."done_on" is not null))
);
--> statement-breakpoint
CREATE TABLE "tours" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"mission" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"renegotiate_on" date,
	"lanes" jsonb NOT NULL,
	"experiences" jsonb NOT NULL,
	"ended_on" date,
	"end_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tours_dates_in_order" CHECK ("tours"."ends_on" > "tours"."starts_on"),
	CONSTRAINT "tours_renegotiate_within" CHECK ("tours"."renegotiate_on" is null or "tours"."renegotiate_on" between "tours"."starts_on" and "tours"."ends_on"),
	CONSTRAINT "tours_ended_within" CHECK (("tours"."ended_on" is null and "tours"."end_reason" is null) or ("tours"."ended_on" between "tours"."starts_on" and "tours"."ends_on" and "tours"."end_reason" is not null))
);
--> statement-breakpoint
ALTER TABLE "tour_milestones" ADD CONSTRAINT "tour_milestones_tour_id_tours_id_fk" FOREIGN KEY ("tour_id") REFERENCES "public"."tours"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tours" ADD CONSTRAINT "tours_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tour_milestones_tour_idx" ON "tour_milestones" USING btree ("tour_id","due_on");--> statement-breakpoint
CREATE INDEX "tours_user_position_idx" ON "tours" USING btree ("user_id","position");