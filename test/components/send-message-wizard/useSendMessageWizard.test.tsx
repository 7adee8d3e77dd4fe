import { cleanup, waitFor } from '@testing-library/react';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTemplateMessage, ReachoutError, reachoutErrorCodes } from '../../../src/core';
import type { ReachoutErrorCode } from '../../../src/core';
import type { Sender } from '../../../src/core/types';
import { createMemoryProvider } from '../../../src/testing';
import {
  anaLima,
  callsOf,
  fillToTicketStep,
  hugoMartin,
  olgaIvanova,
  orderUpdate,
  renderWizardHook,
  tomasFerreira,
} from './helpers';

afterEach(cleanup);

describe('useSendMessageWizard', () => {
  it('sends the exact Cloud API payload that buildTemplateMessage builds, with the ticket details', async () => {
    const { result, provider } = renderWizardHook();
    await fillToTicketStep(result);
    act(() => void result.current.next());
    await waitFor(() => expect(result.current.status.state).toBe('verifying'));

    const [call, ...others] = callsOf(provider, 'sendNotification');
    expect(others).toHaveLength(0);
    const parameters = { header: { type: 'text' as const, text: '#10423' }, body: { '1': 'Ana', '2': 'DHL Express', '3': 'Friday' } };
    expect(call?.params.input).toEqual({
      idempotencyKey: expect.any(String),
      contactId: anaLima,
      senderId: 'sender-support',
      to: '+5511987654321',
      template: { id: orderUpdate().id, name: 'order_update', language: 'en_US' },
      parameters,
      message: buildTemplateMessage({ to: '+5511987654321', template: orderUpdate(), parameters }),
      ticket: { priority: 'high', assigneeId: 'agent-chen-wei', description: 'Shipping follow-up' },
    });
    expect(result.current.step).toBe('status');
  });

  it('calls sendNotification once when submit is called three times in one task', async () => {
    const { result, provider } = renderWizardHook({}, { latencyMs: 20 });
    await fillToTicketStep(result);
    act(() => {
      result.current.submit();
      result.current.submit();
      result.current.submit();
    });
    await waitFor(() => expect(result.current.status.state).toBe('verifying'));
    expect(callsOf(provider, 'sendNotification')).toHaveLength(1);
  });

  it('reuses the idempotency key when retrying after a network failure', async () => {
    const { result, provider } = renderWizardHook();
    provider.control.failNext('sendNotification', new ReachoutError('NETWORK', 'offline'));
    await fillToTicketStep(result);
    act(() => void result.current.next());
    await waitFor(() => expect(result.current.status.state).toBe('failed'));
    expect(result.current.status.error?.code).toBe('NETWORK');
    expect(result.current.status.canRetry).toBe(true);

    act(() => result.current.retry());
    await waitFor(() => expect(result.current.status.state).toBe('verifying'));
    const [first, second] = callsOf(provider, 'sendNotification');
    expect(second?.params.input.idempotencyKey).toBe(first?.params.input.idempotencyKey);
    expect(second?.params.input).toEqual(first?.params.input);
  });

  it('makes a new idempotency key when the payload changed after a failure', async () => {
    const { result, provider } = renderWizardHook();
    provider.control.failNext('sendNotification', new ReachoutError('NETWORK', 'offline'));
    await fillToTicketStep(result);
    act(() => void result.current.next());
    await waitFor(() => expect(result.current.status.state).toBe('failed'));
    act(() => result.current.edit());
    expect(result.current.step).toBe('ticket');
    act(() => result.current.setValues({ description: 'Changed' }));
    act(() => void result.current.next());
    await waitFor(() => expect(result.current.status.state).toBe('verifying'));
    const [first, second] = callsOf(provider, 'sendNotification');
    expect(second?.params.input.idempotencyKey).not.toBe(first?.params.input.idempotencyKey);
  });

  it('blocks a contact with an active chat and names the chat', async () => {
    const { result } = renderWizardHook({ contactId: hugoMartin });
    await waitFor(() => expect(result.current.blocked).not.toBeNull());
    expect(result.current.blocked).toMatchObject({ reason: 'active_chat', chat: { contactId: hugoMartin } });
    act(() => result.current.setValues({ senderId: 'sender-support' }));
    expect(result.current.canNext).toBe(false);
    act(() => void result.current.next());
    expect(result.current.step).toBe('recipient');
  });

  it('blocks an opted-out contact', async () => {
    const { result } = renderWizardHook({ contactId: olgaIvanova });
    await waitFor(() => expect(result.current.blocked).toEqual({ reason: 'opted_out' }));
    act(() => result.current.setValues({ senderId: 'sender-support' }));
    expect(result.current.canNext).toBe(false);
  });

  it('preselects the only selectable sender and never a disconnected one', async () => {
    const senders: Sender[] = [
      { id: 'sender-ok', channel: 'whatsapp', phone: '+14155238886', displayName: 'Support', status: 'connected' },
      { id: 'sender-off', channel: 'whatsapp', phone: '+442071838750', displayName: 'Old', status: 'disconnected' },
    ];
    const { result } = renderWizardHook({}, { senders });
    await waitFor(() => expect(result.current.values.senderId).toBe('sender-ok'));
    act(() => result.current.setValues({ senderId: 'sender-off' }));
    expect(result.current.errors.senderId?.code).toBe('required');
    expect(result.current.canNext).toBe(false);
  });

  it('fills To with the contact’s number', async () => {
    const { result } = renderWizardHook();
    await waitFor(() => expect(result.current.values.to).toBe('+5511987654321'));
  });

  it('keeps every value when going back', async () => {
    const { result } = renderWizardHook();
    await fillToTicketStep(result);
    act(() => result.current.back());
    act(() => result.current.back());
    act(() => result.current.back());
    expect(result.current.step).toBe('recipient');
    expect(result.current.values).toMatchObject({
      senderId: 'sender-support',
      template: { name: 'order_update' },
      variables: { 'header.1': '#10423', 'body.2': 'DHL Express', 'body.3': 'Friday' },
      bindings: { 'body.1': 'firstName' },
      priority: 'high',
      assigneeId: 'agent-chen-wei',
      description: 'Shipping follow-up',
    });
  });

  it('blocks Next on content until every variable is valid, with errors keyed by variable path', async () => {
    const { result } = renderWizardHook();
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    act(() => result.current.setValues({ senderId: 'sender-support', template: orderUpdate() }));
    act(() => result.current.goTo('content'));
    expect(result.current.step).toBe('content');
    expect(result.current.errors['body.1']?.code).toBe('required');
    expect(result.current.showAllErrors).toBe(false);
    act(() => void result.current.next());
    expect(result.current.step).toBe('content');
    expect(result.current.showAllErrors).toBe(true);

    act(() => result.current.setVariable('body.2', 'a\tb'));
    expect(result.current.errors['body.2']?.code).toBe('invalid_characters');
    act(() => result.current.setVariable('header.1', 'x'.repeat(80)));
    expect(result.current.errors.header?.code).toBe('too_long');
  });

  it('fills a bound variable from the contact', async () => {
    const { result } = renderWizardHook();
    await waitFor(() => expect(result.current.contact).toBeDefined());
    act(() => result.current.setTemplate(orderUpdate()));
    act(() => result.current.setBinding('body.1', 'name'));
    expect(result.current.parameters.body?.['1']).toBe('Ana Lima');
    act(() => result.current.setBinding('body.1', null));
    expect(result.current.parameters.body?.['1']).toBeUndefined();
  });

  it('restores the draft after unmounting and mounting again for the same contact', async () => {
    const provider = createMemoryProvider();
    const first = renderWizardHook({}, undefined, provider);
    await fillToTicketStep(first.result);
    first.unmount();

    const second = renderWizardHook({}, undefined, provider);
    expect(second.result.current.step).toBe('ticket');
    expect(second.result.current.values.description).toBe('Shipping follow-up');
    second.unmount();

    const other = renderWizardHook({ contactId: tomasFerreira }, undefined, provider);
    expect(other.result.current.step).toBe('recipient');
    expect(other.result.current.values.description).toBe('');
  });

  it('keeps drafts apart between two providers', async () => {
    const first = renderWizardHook();
    await fillToTicketStep(first.result);
    first.unmount();
    const second = renderWizardHook();
    expect(second.result.current.step).toBe('recipient');
  });

  it('forgets the draft once the notification is sent', async () => {
    const provider = createMemoryProvider();
    const first = renderWizardHook({}, undefined, provider);
    await fillToTicketStep(first.result);
    act(() => void first.result.current.next());
    await waitFor(() => expect(first.result.current.status.state).toBe('verifying'));
    first.unmount();
    const second = renderWizardHook({}, undefined, provider);
    expect(second.result.current.step).toBe('recipient');
    expect(second.result.current.values.template).toBeNull();
  });

  it('keeps a draft whose send failed while the wizard was closed, and retries with the same key', async () => {
    const provider = createMemoryProvider({ latencyMs: 30 });
    provider.control.failNext('sendNotification', new ReachoutError('NETWORK', 'offline'));
    const first = renderWizardHook({}, undefined, provider);
    await fillToTicketStep(first.result);
    act(() => void first.result.current.next());
    first.unmount();
    await waitFor(() => expect(callsOf(provider, 'sendNotification')).toHaveLength(1));

    const second = renderWizardHook({}, undefined, provider);
    await waitFor(() => expect(second.result.current.status.error?.code).toBe('NETWORK'));
    expect(second.result.current.step).toBe('status');
    await waitFor(() => expect(second.result.current.status.canRetry).toBe(true));
    act(() => second.result.current.retry());
    await waitFor(() => expect(second.result.current.status.state).toBe('verifying'));
    const [firstCall, retryCall] = callsOf(provider, 'sendNotification');
    expect(retryCall?.params.input.idempotencyKey).toBe(firstCall?.params.input.idempotencyKey);
  });

  it('updates live from verifying to sent and calls onSent once', async () => {
    const { result, provider, onSent, rerender } = renderWizardHook();
    await fillToTicketStep(result);
    act(() => void result.current.next());
    await waitFor(() => expect(result.current.status.state).toBe('verifying'));
    const ticketId = result.current.status.ticket?.id ?? '';
    act(() => void provider.control.completeVerification(ticketId, 'success'));
    await waitFor(() => expect(result.current.status.state).toBe('sent'));
    rerender({});
    expect(onSent).toHaveBeenCalledTimes(1);
    expect(onSent).toHaveBeenCalledWith(expect.objectContaining({ id: ticketId, status: 'assigned' }));
  });

  it('reports a failed verification with its reason and edits with a new key', async () => {
    const { result, provider, onSent } = renderWizardHook();
    await fillToTicketStep(result);
    act(() => void result.current.next());
    await waitFor(() => expect(result.current.status.state).toBe('verifying'));
    const failedTicketId = result.current.status.ticket?.id ?? '';
    act(() => void provider.control.completeVerification(failedTicketId, 'failed'));
    await waitFor(() => expect(result.current.status.state).toBe('failed'));
    expect(result.current.status.failureReason).toEqual(expect.any(String));
    expect(result.current.status.canRetry).toBe(false);
    expect(onSent).not.toHaveBeenCalled();

    act(() => result.current.edit());
    expect(result.current.step).toBe('content');
    expect(result.current.values.variables['body.2']).toBe('DHL Express');

    // The failed ticket is final: sending again is a new notification with a new key.
    act(() => void result.current.next());
    act(() => void result.current.next());
    await waitFor(() => expect(result.current.status.state).toBe('verifying'));
    const [first, second] = callsOf(provider, 'sendNotification');
    expect(second?.params.input.idempotencyKey).not.toBe(first?.params.input.idempotencyKey);
    expect(result.current.status.ticket?.id).not.toBe(failedTicketId);
  });

  it('honours retryAfterMs of a rate limit before allowing a retry', async () => {
    const { result, provider } = renderWizardHook();
    provider.control.failNext('sendNotification', new ReachoutError('RATE_LIMITED', 'slow down', { retryAfterMs: 1500 }));
    await fillToTicketStep(result);
    act(() => void result.current.next());
    await waitFor(() => expect(result.current.status.state).toBe('failed'));
    expect(result.current.status.retryInSeconds).toBe(2);
    expect(result.current.status.canRetry).toBe(false);
    act(() => result.current.retry());
    expect(callsOf(provider, 'sendNotification')).toHaveLength(1);
    await waitFor(() => expect(result.current.status.canRetry).toBe(true), { timeout: 4000 });
    expect(result.current.status.retryInSeconds).toBe(0);
  });

  const expectations: Record<ReachoutErrorCode, { canRetry: boolean; editStep: string }> = {
    VALIDATION: { canRetry: false, editStep: 'content' },
    CONFLICT: { canRetry: false, editStep: 'ticket' },
    NOT_FOUND: { canRetry: false, editStep: 'template' },
    ACTIVE_CHAT: { canRetry: false, editStep: 'recipient' },
    OPTED_OUT: { canRetry: false, editStep: 'recipient' },
    OUTSIDE_WINDOW: { canRetry: false, editStep: 'template' },
    INVALID_NUMBER: { canRetry: false, editStep: 'recipient' },
    RATE_LIMITED: { canRetry: true, editStep: 'ticket' },
    UNAUTHORIZED: { canRetry: true, editStep: 'ticket' },
    FORBIDDEN: { canRetry: false, editStep: 'ticket' },
    NETWORK: { canRetry: true, editStep: 'ticket' },
    UNKNOWN: { canRetry: true, editStep: 'ticket' },
  };

  it.each(reachoutErrorCodes)('surfaces a %s rejection with the draft kept', async (code) => {
    const { result, provider } = renderWizardHook();
    const fieldErrors = code === 'VALIDATION' ? { 'body.2': 'Carrier not allowed' } : undefined;
    provider.control.failNext('sendNotification', new ReachoutError(code, `failed with ${code}`, { fieldErrors }));
    await fillToTicketStep(result);
    act(() => void result.current.next());
    await waitFor(() => expect(result.current.status.state).toBe('failed'));
    expect(result.current.status.error?.code).toBe(code);
    expect(result.current.status.canRetry).toBe(expectations[code].canRetry);
    expect(result.current.status.editStep).toBe(expectations[code].editStep);
    expect(result.current.values.description).toBe('Shipping follow-up');
    if (code === 'VALIDATION') expect(result.current.errors['body.2']).toEqual({ code: 'provider', message: 'Carrier not allowed' });
    act(() => result.current.edit());
    expect(result.current.step).toBe(expectations[code].editStep);
  });

  it('reports a failure to load the senders and loads them again on reload', async () => {
    const provider = createMemoryProvider();
    provider.control.failNext('listSenders', new ReachoutError('FORBIDDEN', 'no'));
    const { result } = renderWizardHook({}, undefined, provider);
    await waitFor(() => expect(result.current.loadError?.code).toBe('FORBIDDEN'));
    expect(result.current.canNext).toBe(false);
    act(() => result.current.reload());
    await waitFor(() => expect(result.current.senders.length).toBeGreaterThan(0));
    expect(result.current.loadError).toBeNull();
  });

  it('follows a controlled step and reports the changes it asks for', async () => {
    const changes: string[] = [];
    const { result, rerender } = renderWizardHook({ step: 'recipient', onStepChange: (step) => changes.push(step) });
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    act(() => result.current.setValues({ senderId: 'sender-support' }));
    act(() => void result.current.next());
    expect(changes).toEqual(['template']);
    expect(result.current.step).toBe('recipient');
    rerender({ step: 'template' });
    expect(result.current.step).toBe('template');
  });
});
