import { describe, expect, it } from 'vitest';
import { ReachoutError } from '../../../src/core';
import { ticketLimits } from '../../../src/core/schemas';
import { buildWizardSendInput, isWizardStepValid, wizardFieldErrors } from '../../../src/components/send-message-wizard/validateWizard';
import type { WizardValues } from '../../../src/components/send-message-wizard/validateWizard';
import { emptyDraft } from '../../../src/components/send-message-wizard/wizardDraft';
import type { Sender } from '../../../src/core/types';
import { resolveTemplateParameters } from '../../../src/core/template';
import { templatesByName } from '../../../src/testing';

const sender: Sender = { id: 'sender-1', channel: 'whatsapp', phone: '+5511900000000', displayName: 'Acme Support' };
const orderUpdate = templatesByName['order_update'];
if (orderUpdate === undefined) throw new Error('fixture order_update is missing');

function valuesWith(changes: Partial<WizardValues> = {}): WizardValues {
  return { ...emptyDraft('recipient', 'medium').values, senderId: sender.id, to: '+5511987654321', ...changes };
}

describe('wizard checks', () => {
  it('asks for a sender and a number, and refuses a description over the limit counted in UTF-16 units', () => {
    const tooLong = '😀'.repeat(ticketLimits.descriptionMaxLength / 2) + 'a';
    const errors = wizardFieldErrors({ values: valuesWith({ senderId: null, to: null, description: tooLong }), sender: undefined, parameters: {}, sendError: null });
    expect(errors.senderId?.code).toBe('required');
    expect(errors.to?.code).toBe('required');
    expect(errors.description).toEqual(expect.objectContaining({ code: 'too_long', length: ticketLimits.descriptionMaxLength + 1 }));
    const atLimit = wizardFieldErrors({ values: valuesWith({ description: tooLong.slice(0, -1) }), sender, parameters: {}, sendError: null });
    expect(atLimit.description).toBeUndefined();
  });

  it('keeps the provider’s field errors beside their field, ticket fields without their prefix', () => {
    const sendError = new ReachoutError('VALIDATION', 'Invalid', { fieldErrors: { 'ticket.description': 'Too rude.', to: 'Not WhatsApp.' } });
    const errors = wizardFieldErrors({ values: valuesWith(), sender, parameters: {}, sendError });
    expect(errors.description).toEqual({ code: 'provider', message: 'Too rude.' });
    expect(errors.to).toEqual({ code: 'provider', message: 'Not WhatsApp.' });
  });

  it('lets Next leave the recipient step only once loaded, unblocked and complete', () => {
    const ready = { errors: {}, isLoading: false, hasLoadError: false, blocked: null };
    expect(isWizardStepValid('recipient', ready)).toBe(true);
    expect(isWizardStepValid('recipient', { ...ready, isLoading: true })).toBe(false);
    expect(isWizardStepValid('recipient', { ...ready, blocked: { reason: 'opted_out' } })).toBe(false);
    expect(isWizardStepValid('recipient', { ...ready, errors: { senderId: { code: 'required', message: '' } } })).toBe(false);
    expect(isWizardStepValid('ticket', { ...ready, errors: { description: { code: 'too_long', message: '' } } })).toBe(false);
    expect(isWizardStepValid('status', ready)).toBe(false);
  });

  it('builds the send input only with a template, a sender and a number', () => {
    expect(buildWizardSendInput({ contactId: 'contact-1', values: valuesWith(), template: null, parameters: {} })).toBeNull();
    const parameters = resolveTemplateParameters({
      template: orderUpdate,
      values: { 'header.1': '#1', 'body.1': 'Ana', 'body.2': 'DHL', 'body.3': 'Friday' },
      bindings: {},
      contact: null,
    });
    const input = buildWizardSendInput({ contactId: 'contact-1', values: valuesWith({ template: orderUpdate, description: 'Late parcel' }), template: orderUpdate, parameters });
    expect(input).toEqual(
      expect.objectContaining({
        contactId: 'contact-1',
        senderId: sender.id,
        to: '+5511987654321',
        template: { id: orderUpdate.id, name: orderUpdate.name, language: orderUpdate.language },
        parameters,
        ticket: { priority: 'medium', assigneeId: null, description: 'Late parcel' },
      }),
    );
    expect(input?.message).toEqual(expect.objectContaining({ to: '+5511987654321', type: 'template' }));
  });
});
