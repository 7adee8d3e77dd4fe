import { describe, expect, it } from 'vitest';
import { ReachoutError } from '../../../src/core/errors';
import { editStepOf, emptyDraft, stepOfField } from '../../../src/components/send-message-wizard/wizardDraft';

describe('wizardDraft', () => {
  it('starts a draft empty, at the default step, with the default priority and no key', () => {
    const draft = emptyDraft('template', 'high');
    expect(draft.step).toBe('template');
    expect(draft.values.priority).toBe('high');
    expect(draft.values.template).toBeNull();
    expect(draft.idempotencyKey).toBeNull();
    expect(draft.attemptedSteps).toEqual([]);
  });

  it('maps a provider field to the step that holds it', () => {
    expect(stepOfField('to')).toBe('recipient');
    expect(stepOfField('senderId')).toBe('recipient');
    expect(stepOfField('template.body.1')).toBe('template');
    expect(stepOfField('description')).toBe('ticket');
    expect(stepOfField('ticket.priority')).toBe('ticket');
    expect(stepOfField('parameters.body.1')).toBe('content');
  });

  it('sends the person back to the step where the failure can be fixed', () => {
    expect(editStepOf(null)).toBe('content');
    expect(editStepOf(new ReachoutError('OPTED_OUT', 'opted out'))).toBe('recipient');
    expect(editStepOf(new ReachoutError('OUTSIDE_WINDOW', 'closed'))).toBe('template');
    expect(editStepOf(new ReachoutError('NETWORK', 'down'))).toBe('ticket');
    expect(editStepOf(new ReachoutError('VALIDATION', 'bad', { fieldErrors: { description: 'too long', to: 'bad' } }))).toBe(
      'recipient',
    );
    expect(editStepOf(new ReachoutError('VALIDATION', 'bad', { fieldErrors: { 'parameters.body.1': 'empty' } }))).toBe('content');
  });
});
