import { buildTemplateMessage } from '../../core/template';
import { ticketSchema } from '../../core/schemas';
import type { SendNotificationInput } from '../../core/types';
import { assert, assertEqual, assertJsonEqual, assertRejectsWith, assertShape } from './assertions';
import { contractIds } from './contractFixtures';
import { contactById, idempotencyKey, idsOf, orderTemplate, sendInput, world, type ContractSuite } from './contractHelpers';

/** The contract cases of `sendNotification` and of the verification that follows a send. */
export function describeSendingContract({ describe, it, writing }: ContractSuite): void {
  describe('sendNotification', () => {
    it('creates a verifying ticket with the rendered body, listed first for the contact', async () => {
      await writing(async ({ provider }) => {
        const ticket = await provider.sendNotification({ input: sendInput(contractIds.oscar) });
        assertShape(ticketSchema, ticket, 'sendNotification');
        assertEqual(ticket.status, 'verifying', 'status');
        assertEqual(ticket.notification.delivery, 'pending', 'delivery');
        assertEqual(ticket.contactId, contractIds.oscar, 'contactId');
        assertEqual(ticket.priority, 'high', 'priority');
        assertEqual(ticket.assignee?.id, contractIds.grace, 'assignee');
        assertEqual(ticket.notification.to, '+447400123456', 'notification.to');
        assertEqual(ticket.notification.senderId, contractIds.supportSender, 'notification.senderId');
        assertEqual(ticket.notification.templateName, 'contract_order_update', 'notification.templateName');
        assertEqual(ticket.notification.body, 'Hi Oscar, your order #1001 has shipped.', 'notification.body');
        assertEqual((await provider.getTicket({ id: ticket.id })).id, ticket.id, 'getTicket of the new ticket');
        const tickets = await provider.listTickets({ contactId: contractIds.oscar });
        assertJsonEqual(idsOf(tickets.items), [ticket.id], 'Oscar Wilde’s tickets');
        const timeline = await provider.listTimeline({ contactId: contractIds.oscar });
        assert(
          timeline.items.some((event) => event.type === 'notification.sent' && event.ticketId === ticket.id),
          'the timeline has a notification.sent event for the ticket',
        );
      });
    });

    it('answers the same ticket for a repeated idempotency key, and creates only one', async () => {
      await writing(async ({ provider }) => {
        const input = sendInput(contractIds.oscar);
        const first = await provider.sendNotification({ input });
        const again = await provider.sendNotification({ input: structuredClone(input) });
        assertEqual(again.id, first.id, 'ticket id of the repeated send');
        const concurrent = await Promise.all([1, 2, 3].map(() => provider.sendNotification({ input })));
        assertJsonEqual(idsOf(concurrent), [first.id, first.id, first.id], 'ticket ids of concurrent repeats');
        const tickets = await provider.listTickets({ contactId: contractIds.oscar });
        assertEqual(tickets.items.length, 1, 'Oscar Wilde’s tickets after four repeats');
      });
    });

    it('creates one ticket when the first sends with a new key race each other', async () => {
      await writing(async ({ provider }) => {
        const input = sendInput(contractIds.oscar);
        const tickets = await Promise.all([1, 2, 3, 4, 5].map(() => provider.sendNotification({ input })));
        assertEqual(new Set(idsOf(tickets)).size, 1, 'distinct ticket ids among five racing sends');
      });
    });

    it('rejects a reused idempotency key with a different notification with CONFLICT', async () => {
      await writing(async ({ provider }) => {
        const input = sendInput(contractIds.oscar);
        await provider.sendNotification({ input });
        const error = await assertRejectsWith(
          provider.sendNotification({ input: { ...input, ticket: { ...input.ticket, description: 'Something else' } } }),
          'CONFLICT',
          'sendNotification reusing a key',
        );
        assert(
          typeof error.fieldErrors?.idempotencyKey === 'string' && error.fieldErrors.idempotencyKey.length > 0,
          `CONFLICT names the idempotencyKey field, got ${JSON.stringify(error.fieldErrors)}`,
        );
        assert(/idempotency key/i.test(error.message), `the refusal says the idempotency key was reused: "${error.message}"`);
      });
    });

    it('refuses a `to` other than the contact’s phone with VALIDATION on the to field, and sends to it however it is typed', async () => {
      await writing(async ({ provider }) => {
        const paulaPhone = contactById(contractIds.paula).phone;
        const input = sendInput(contractIds.oscar);
        const elsewhere: SendNotificationInput = {
          ...input,
          to: paulaPhone,
          message: { ...input.message, to: paulaPhone },
        };
        const error = await assertRejectsWith(
          provider.sendNotification({ input: elsewhere }),
          'VALIDATION',
          'a send to Oscar Wilde addressed to Paula’s number',
        );
        assert(
          typeof error.fieldErrors?.to === 'string' && error.fieldErrors.to.length > 0,
          `VALIDATION names the to field, got ${JSON.stringify(error.fieldErrors)}`,
        );
        assertEqual((await provider.listTickets({ contactId: contractIds.oscar })).items.length, 0, 'tickets after the refused send');
        const ticket = await provider.sendNotification({ input: { ...input, to: '+44 7400 123456' } });
        assertEqual(ticket.notification.to, contactById(contractIds.oscar).phone, 'notification.to of a send with the number spaced');
      });
    });

    it('refuses a message payload other than the one built from the template and parameters with VALIDATION naming where it differs', async () => {
      await writing(async ({ provider }) => {
        const input = sendInput(contractIds.oscar);
        const pending = world.templates.find((template) => template.id === contractIds.pendingTemplate);
        if (!pending) throw new Error('contractFixtures lost its pending template');
        const tampered: [string, string, SendNotificationInput['message']][] = [
          ['another template', 'message.template.name', { ...input.message, template: { ...input.message.template, name: pending.name } }],
          [
            'other text',
            'message.template.components[0].parameters[1].text',
            buildTemplateMessage({
              to: contactById(contractIds.oscar).phone,
              template: orderTemplate ?? pending,
              parameters: { body: { '1': 'Oscar', '2': 'free money, click here' } },
            }),
          ],
          ['another number', 'message.to', { ...input.message, to: contactById(contractIds.paula).phone }],
        ];
        for (const [what, path, message] of tampered) {
          const error = await assertRejectsWith(
            provider.sendNotification({ input: { ...input, idempotencyKey: idempotencyKey(), message } }),
            'VALIDATION',
            `a send whose message has ${what}`,
          );
          assert(error.message.includes(path), `the refusal of a message with ${what} names ${path}: "${error.message}"`);
        }
        assertEqual((await provider.listTickets({ contactId: contractIds.oscar })).items.length, 0, 'tickets after tampered sends');
        const ticket = await provider.sendNotification({ input });
        assertEqual(ticket.notification.body, 'Hi Oscar, your order #1001 has shipped.', 'the untampered send’s body');
      });
    });

    it('refuses sends to a contact whose notification is still verifying with ACTIVE_CHAT, even when they race', async () => {
      await writing(async ({ provider }) => {
        const settled = await Promise.allSettled(
          Array.from({ length: 30 }, () => provider.sendNotification({ input: sendInput(contractIds.oscar) })),
        );
        const sent = settled.filter((outcome) => outcome.status === 'fulfilled');
        assertEqual(sent.length, 1, 'sends answered with a ticket among 30 racing sends with different keys');
        for (const outcome of settled) {
          if (outcome.status === 'fulfilled') continue;
          const error = await assertRejectsWith(Promise.reject(outcome.reason), 'ACTIVE_CHAT', 'a racing send');
          assert(/being verified/.test(error.message), `the refusal says a notification is being verified: "${error.message}"`);
        }
        assertEqual((await provider.listTickets({ contactId: contractIds.oscar })).items.length, 1, 'Oscar Wilde’s tickets');
      });
    });

    it('refuses a contact with an active chat with ACTIVE_CHAT', async () => {
      await writing(async ({ provider }) => {
        await assertRejectsWith(provider.sendNotification({ input: sendInput(contractIds.hugo) }), 'ACTIVE_CHAT', 'send to Hugo Martin');
        assertEqual((await provider.listTickets({ contactId: contractIds.hugo })).items.length, 0, 'Hugo Martin’s tickets');
      });
    });

    it('refuses an opted-out contact with OPTED_OUT', async () => {
      await writing(async ({ provider }) => {
        await assertRejectsWith(provider.sendNotification({ input: sendInput(contractIds.elena) }), 'OPTED_OUT', 'send to Elena Petrova');
      });
    });

    it('refuses an unknown contact with NOT_FOUND', async () => {
      await writing(async ({ provider }) => {
        const input = { ...sendInput(contractIds.oscar), contactId: 'contract-no-such-contact' };
        await assertRejectsWith(provider.sendNotification({ input }), 'NOT_FOUND', 'send to an unknown contact');
      });
    });

    it('refuses a template that is not approved, and missing variables, with VALIDATION', async () => {
      await writing(async ({ provider }) => {
        await assertRejectsWith(
          provider.sendNotification({ input: sendInput(contractIds.oscar, { templateId: contractIds.pendingTemplate, parameters: {} }) }),
          'VALIDATION',
          'send with a PENDING template',
        );
        await assertRejectsWith(
          provider.sendNotification({ input: sendInput(contractIds.oscar, { parameters: { body: { '1': 'Oscar' } } }) }),
          'VALIDATION',
          'send without variable {{2}}',
        );
        assertEqual((await provider.listTickets({ contactId: contractIds.oscar })).items.length, 0, 'tickets after refused sends');
      });
    });

    it('sends templates with named parameters', async () => {
      await writing(async ({ provider }) => {
        const input = sendInput(contractIds.oscar, {
          templateId: contractIds.reminderTemplate,
          parameters: { body: { first_name: 'Oscar', date: '3 June' } },
        });
        const ticket = await provider.sendNotification({ input });
        assertEqual(ticket.notification.body, 'Hello Oscar, see you on 3 June.', 'notification.body');
      });
    });
  });

  describe('verification (run when the subject has completeVerification)', () => {
    it('turns a verified ticket assigned, with delivery sent and an active chat for the contact', async () => {
      await writing(async (subject) => {
        if (!subject.completeVerification) return;
        const { provider } = subject;
        const ticket = await provider.sendNotification({ input: sendInput(contractIds.oscar) });
        await subject.completeVerification(ticket.id, 'success');
        const verified = await provider.getTicket({ id: ticket.id });
        assertEqual(verified.status, 'assigned', 'status after verification');
        assertEqual(verified.notification.delivery, 'sent', 'delivery after verification');
        const chat = await provider.getActiveChat({ contactId: contractIds.oscar });
        assert(chat !== null, 'the contact has an active chat after verification');
        assertEqual(verified.chatId, chat.id, 'the ticket’s chatId is the active chat');
        await assertRejectsWith(
          provider.sendNotification({ input: sendInput(contractIds.oscar) }),
          'ACTIVE_CHAT',
          'a second send while the chat is active',
        );
      });
    });

    it('turns an unverified ticket failed, with a reason in plain words', async () => {
      await writing(async (subject) => {
        if (!subject.completeVerification) return;
        const { provider } = subject;
        const ticket = await provider.sendNotification({ input: sendInput(contractIds.paula) });
        await subject.completeVerification(ticket.id, 'failed');
        const failed = await provider.getTicket({ id: ticket.id });
        assertEqual(failed.status, 'failed', 'status');
        assertEqual(failed.notification.delivery, 'failed', 'delivery');
        assert((failed.notification.failureReason ?? '').length > 0, 'failureReason is set');
        assertEqual(await provider.getActiveChat({ contactId: contractIds.paula }), null, 'active chat after a failure');
        const again = await provider.sendNotification({ input: sendInput(contractIds.paula) });
        assertEqual(again.status, 'verifying', 'a new send after the failed one');
      });
    });
  });
}
