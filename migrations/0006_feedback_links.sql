ALTER TABLE "feedback_invitations" ADD COLUMN "previous_token_hash" text;--> statement-breakpoint
ALTER TABLE "feedback_invitations" ADD COLUMN "mail_pending" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "feedback_invitations" ADD CONSTRAINT "feedback_invitations_previous_token_hash_unique" UNIQUE("previous_token_hash");