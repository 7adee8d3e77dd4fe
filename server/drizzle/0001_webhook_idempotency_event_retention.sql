ALTER TABLE "timeline_events" ADD COLUMN "whatsapp_message_id" text;--> statement-breakpoint
CREATE INDEX "events_created_at" ON "events" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "timeline_events_whatsapp_message_id_unique" ON "timeline_events" USING btree ("whatsapp_message_id");