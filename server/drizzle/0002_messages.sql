CREATE TABLE "messages" (
	"id" text PRIMARY KEY NOT NULL,
	"chat_id" text NOT NULL,
	"contact_id" text NOT NULL,
	"direction" text NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"author" jsonb,
	"status" text,
	"failure_reason" text,
	"at" timestamp with time zone NOT NULL,
	"ticket_id" text,
	"whatsapp_message_id" text,
	"idempotency_key" text,
	"request_hash" text
);
--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_chat_id_chats_id_fk" FOREIGN KEY ("chat_id") REFERENCES "public"."chats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "messages_chat_newest" ON "messages" USING btree ("chat_id","at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "messages_ticket_id_unique" ON "messages" USING btree ("ticket_id");--> statement-breakpoint
CREATE UNIQUE INDEX "messages_whatsapp_message_id_unique" ON "messages" USING btree ("whatsapp_message_id");--> statement-breakpoint
CREATE UNIQUE INDEX "messages_idempotency_key_unique" ON "messages" USING btree ("idempotency_key");