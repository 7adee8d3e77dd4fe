import { eq, min, ne } from 'drizzle-orm';
import { isReachoutError } from 'reachout/core';
import type { Sender } from 'reachout/core';
import type { CloudApiGateway } from '../whatsapp/createCloudApiGateway';
import type { Database } from './openDatabase';
import { senderOf, senderRowOf } from './rows';
import { senders } from './schema';

/**
 * Stores the Cloud API business number (from the gateway's `describeSender`) as a sender, listed
 * before every other one, since it is the number sends really go from. Safe at every start: the
 * row is inserted once, then its phone, name, status and quality follow what Meta says; a sender
 * already listed first keeps its position, so restarts do not move it.
 *
 * @example
 * await registerCloudApiSender(database, await gateway.describeSender());
 */
export async function registerCloudApiSender(db: Database, sender: Sender): Promise<void> {
  await db.drizzle.transaction(async (transaction) => {
    const [others] = await transaction
      .select({ firstPosition: min(senders.position) })
      .from(senders)
      .where(ne(senders.id, sender.id));
    const [existing] = await transaction
      .select({ position: senders.position })
      .from(senders)
      .where(eq(senders.id, sender.id))
      .limit(1);
    const firstOther = others?.firstPosition ?? null;
    const position =
      firstOther === null
        ? (existing?.position ?? 0)
        : existing !== undefined && existing.position < firstOther
          ? existing.position
          : firstOther - 1;
    const row = senderRowOf(sender, position);
    await transaction
      .insert(senders)
      .values(row)
      .onConflictDoUpdate({
        target: senders.id,
        set: {
          phone: row.phone,
          displayName: row.displayName,
          status: row.status,
          qualityRating: row.qualityRating,
          position: row.position,
        },
      });
  });
}

/**
 * The sender stored under `senderId`, or `null`: lets a start that cannot reach Meta tell "the
 * number was registered by an earlier start" (carry on with it) from "never registered" (no sender).
 */
export async function registeredSender(db: Database, senderId: string): Promise<Sender | null> {
  const [row] = await db.drizzle.select().from(senders).where(eq(senders.id, senderId)).limit(1);
  return row ? senderOf(row) : null;
}

export interface RegisterAtStartOptions {
  /** Where the outcome goes (one line). @default console.log */
  log?: (line: string) => void;
  /** How long to wait for Meta before treating it as unreachable. @default 15_000 */
  timeoutMs?: number;
}

/**
 * The Cloud API start: asks Meta for the business number and registers it as the first sender.
 * A configuration Meta refuses (token, permissions, phone number id) stops the start with a
 * message saying what to check, since no send could succeed. Meta being unreachable or rate
 * limiting is only a warning when an earlier start registered the number: the server keeps
 * serving with the stored sender. Answers the sender sends go from.
 *
 * @throws Error for the operator when the number cannot be described and none is stored.
 * @example
 * await registerCloudApiSenderAtStart(database, gateway, { log });
 */
export async function registerCloudApiSenderAtStart(
  db: Database,
  gateway: Pick<CloudApiGateway, 'describeSender' | 'senderId'>,
  options: RegisterAtStartOptions = {},
): Promise<Sender> {
  const log = options.log ?? ((line: string) => console.log(line));
  let sender: Sender;
  try {
    sender = await gateway.describeSender(AbortSignal.timeout(options.timeoutMs ?? 15_000));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const transient = isReachoutError(error) && (error.code === 'NETWORK' || error.code === 'RATE_LIMITED');
    const stored = transient ? await registeredSender(db, gateway.senderId) : null;
    if (stored === null) {
      throw new Error(
        `WhatsApp Cloud API: could not read the business number (${gateway.senderId}) from Meta: ${reason}. ` +
          (transient
            ? 'Meta could not be reached, and no earlier start registered the number: try again once WHATSAPP_GRAPH_URL is reachable.'
            : 'Check WHATSAPP_TOKEN (a system-user token with whatsapp_business_management and whatsapp_business_messaging) ' +
              "and WHATSAPP_PHONE_NUMBER_ID (the number's id from the WhatsApp Manager, not the number itself)."),
        { cause: error },
      );
    }
    log(
      `Warning: WhatsApp Cloud API: could not refresh the business number from Meta (${reason}); ` +
        `sending as ${stored.displayName} (${stored.phone}) as registered at an earlier start.`,
    );
    return stored;
  }
  await registerCloudApiSender(db, sender);
  const cannotSend = sender.status === 'disconnected' || sender.status === 'restricted';
  log(
    `${cannotSend ? 'Warning: ' : ''}WhatsApp: sending as ${sender.displayName} (${sender.phone}), ${sender.status ?? 'status unknown'}, ` +
      `quality ${sender.qualityRating ?? 'not rated yet'}` +
      (cannotSend ? '; Meta does not let this number send notifications now, so sends are refused until it is connected again' : ''),
  );
  return sender;
}
