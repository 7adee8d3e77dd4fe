import { eq, sql } from 'drizzle-orm';
import type { DrizzleDatabase } from '../db/openDatabase';
import { campaignSendRates } from '../db/schema';
import { lateSlotToleranceMs } from './campaignQueues';

/** The send slots of each sender, kept in its `campaign_send_rates` row and shared by every server. */
export interface SendSlots {
  /** `count` send slots of the sender, one every 1/rate s from the row's next free time. */
  takeSlots(senderId: string, count: number): Promise<number[]>;
  /** After 130429 (the number's throughput): every server waits before the sender's next send. */
  holdSender(senderId: string, until: Date): Promise<unknown>;
}

/** The send slots of `sendRate` messages a second per sender. */
export function createSendSlots(database: DrizzleDatabase, now: () => Date, sendRate: number): SendSlots {
  // A send may go up to `lateSlotToleranceMs` after its slot: spaced this far apart, any one second
  // still holds at most `sendRate` of them (1000 + tolerance over rate − 1; exactly 1000/rate at rate 1).
  const slotMs = sendRate > 1 ? (1000 + lateSlotToleranceMs) / (sendRate - 1) : 1000 / sendRate;

  /** `count` send slots of the sender, one every 1/rate s from the row's next free time. */
  const takeSlots = (senderId: string, count: number) =>
    database.transaction(async (transaction) => {
      await transaction.insert(campaignSendRates).values({ senderId, nextAt: new Date(0) }).onConflictDoNothing();
      const [row] = await transaction.select().from(campaignSendRates).where(eq(campaignSendRates.senderId, senderId)).for('update');
      let next = Math.max(row?.nextAt.getTime() ?? 0, now().getTime());
      const slots: number[] = [];
      for (let index = 0; index < count; index++) {
        slots.push(next);
        next += slotMs;
      }
      // Rounded up: a Date holds whole milliseconds, and truncating would bring each next slot closer.
      await transaction.update(campaignSendRates).set({ nextAt: new Date(Math.ceil(next)) }).where(eq(campaignSendRates.senderId, senderId));
      return slots;
    });

  /** After 130429 (the number's throughput): every server waits before the sender's next send. */
  const holdSender = (senderId: string, until: Date) =>
    database
      .update(campaignSendRates)
      .set({ nextAt: sql`greatest(${campaignSendRates.nextAt}, ${until.toISOString()}::timestamptz)` })
      .where(eq(campaignSendRates.senderId, senderId));

  return { takeSlots, holdSender };
}
