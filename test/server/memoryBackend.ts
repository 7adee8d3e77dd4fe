import { randomUUID } from 'node:crypto';
import { ReachoutError } from 'reachout/core';
import type { ReachoutEvent } from 'reachout/core';
import { createMemoryProvider } from 'reachout/testing';
import type { MemoryProvider, MemoryProviderOptions } from 'reachout/testing';
import type { ReachoutBackend, StoredEvent, StoredMedia } from '../../server/src/backend';

export interface MemoryBackendOptions {
  /** Passed to `createMemoryProvider` (seed data, `verifyAfterMs`, clock...). */
  provider?: MemoryProviderOptions;
  /**
   * How many events are kept for `events.since`; older ones are forgotten (a replay from before
   * them answers `reset`).
   * @default 10000
   */
  maxStoredEvents?: number;
  /**
   * Whether the `/api/v1/simulator/*` routes work.
   * @default true
   */
  simulator?: boolean;
}

export type MemoryBackend = ReachoutBackend & {
  /** The provider underneath, with its `control` (fault injection, snapshots). */
  memory: MemoryProvider;
};

/**
 * A `ReachoutBackend` over the memory provider, for the HTTP tests: the routes run against it
 * without a database (the reference server itself always has one).
 *
 * WhatsApp statuses and replies map onto the memory provider's controls: an inbound message from
 * a contact's phone is `receiveReply`; a status whose `messageId` is a ticket id ends that
 * ticket's verification (`failed` fails it, any other status succeeds). The memory provider
 * keeps no WhatsApp message ids, so other statuses are ignored.
 */
export function createMemoryBackend(options: MemoryBackendOptions = {}): MemoryBackend {
  const memory = createMemoryProvider(options.provider);
  const maxStoredEvents = options.maxStoredEvents ?? 10_000;
  const storedEvents: StoredEvent[] = [];
  const listeners = new Set<(stored: StoredEvent) => void>();
  const media = new Map<string, StoredMedia>();
  const receivedMessageIds = new Set<string>();
  let lastEventNumber = 0;

  const record = (event: ReachoutEvent) => {
    lastEventNumber += 1;
    const stored: StoredEvent = { id: String(lastEventNumber), event };
    storedEvents.push(stored);
    if (storedEvents.length > maxStoredEvents) storedEvents.shift();
    for (const listener of [...listeners]) {
      try {
        listener(stored);
      } catch (error) {
        console.error('reachout: an event listener failed', error);
      }
    }
  };
  const stopRecording = memory.subscribe(record);

  const findContactIdByPhone = async (phone: string): Promise<string | null> => {
    const e164 = phone.startsWith('+') ? phone : `+${phone}`;
    const contact = memory.control.snapshot().contacts.find((candidate) => candidate.phone === e164);
    return contact?.id ?? null;
  };

  const receiveReply = async (contactId: string, text: string) => {
    await memory.getContact({ id: contactId });
    memory.control.receiveReply(contactId, text);
  };

  const completeVerification = async (ticketId: string, result: 'success' | 'failed') => {
    const ticket = await memory.getTicket({ id: ticketId });
    if (ticket.status !== 'verifying') {
      throw new ReachoutError('CONFLICT', `Ticket ${ticketId} is ${ticket.status}, not verifying`);
    }
    memory.control.completeVerification(ticketId, result);
  };

  const { subscribe: _subscribe, uploadMedia: _uploadMedia, control: _control, ...provider } = memory;

  return {
    memory,
    provider,
    events: {
      async since(lastEventId, { limit }) {
        if (!/^\d+$/.test(lastEventId)) {
          throw new ReachoutError('VALIDATION', 'Last-Event-ID must be a decimal event id', {
            fieldErrors: { 'Last-Event-ID': 'Not an event id' },
          });
        }
        const after = BigInt(lastEventId);
        const newest = BigInt(lastEventNumber);
        const oldestKept = storedEvents[0] === undefined ? newest + 1n : BigInt(storedEvents[0].id);
        const missed = storedEvents.filter((stored) => BigInt(stored.id) > after);
        if (after > newest || after < oldestKept - 1n || missed.length > limit) {
          return { kind: 'reset', lastEventId: String(lastEventNumber) };
        }
        return { kind: 'events', events: missed };
      },
      subscribe(listener) {
        listeners.add(listener);
        return () => {
          listeners.delete(listener);
        };
      },
    },
    media: {
      async put(stored) {
        const id = randomUUID();
        media.set(id, { ...stored, bytes: new Uint8Array(stored.bytes) });
        return { id };
      },
      async get(id) {
        return media.get(id) ?? null;
      },
    },
    whatsapp: {
      async recordStatus(update) {
        const ticket = memory.control.snapshot().tickets.find((candidate) => candidate.id === update.messageId);
        if (!ticket || ticket.status !== 'verifying') return;
        memory.control.completeVerification(ticket.id, update.status === 'failed' ? 'failed' : 'success');
      },
      async recordInbound(message) {
        // A webhook delivered again: recorded once per WhatsApp message id, as the database does.
        if (message.messageId !== undefined) {
          if (receivedMessageIds.has(message.messageId)) return;
          receivedMessageIds.add(message.messageId);
        }
        const contactId = await findContactIdByPhone(message.from);
        if (contactId) memory.control.receiveReply(contactId, message.text);
      },
    },
    ...(options.simulator === false ? {} : { simulator: { receiveReply, completeVerification } }),
    async close() {
      stopRecording();
      listeners.clear();
      memory.control.dispose();
    },
  };
}
