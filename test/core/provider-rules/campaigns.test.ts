import { describe, expect, it } from 'vitest';
import {
  campaignCountsOf,
  campaignPreflightOf,
  campaignSkipReason,
  campaignStatusAfter,
  checkCampaignInput,
  messagingLimitBudget,
  recipientParameters,
} from '../../../src/core/provider-rules';
import { ReachoutError } from '../../../src/core/errors';
import type { CampaignInput, Contact } from '../../../src/core/types';

const now = new Date('2026-12-05T12:00:00.000Z');

const contact = (overrides: Partial<Contact> = {}): Contact => ({
  id: 'contact-1',
  name: 'Ana Lima',
  email: 'ana@example.com',
  phone: '+5511987654321',
  avatarUrl: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});

const input = (overrides: Partial<CampaignInput> = {}): CampaignInput => ({
  idempotencyKey: 'key-1',
  name: 'December promo',
  senderId: 'sender-1',
  template: { id: 'template-1', name: 'promo', language: 'en' },
  parameters: { body: { '2': 'DEC10' } },
  audience: { contactIds: ['contact-1'] },
  scheduledAt: null,
  ...overrides,
});

function validationErrors(run: () => void): Record<string, string> {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ReachoutError);
    expect((error as ReachoutError).code).toBe('VALIDATION');
    return (error as ReachoutError).fieldErrors ?? {};
  }
  throw new Error('expected a VALIDATION error');
}

describe('checkCampaignInput', () => {
  it('accepts a campaign sent now, and one scheduled a minute ahead with an offset', () => {
    expect(() => checkCampaignInput(input(), now)).not.toThrow();
    expect(() => checkCampaignInput(input({ scheduledAt: '2026-12-05T13:01:00+01:00' }), now)).not.toThrow();
    expect(() => checkCampaignInput(input({ audience: { search: '' } }), now)).not.toThrow();
  });

  it('refuses a time in the past or exactly now, and a time without its offset, at scheduledAt', () => {
    expect(validationErrors(() => checkCampaignInput(input({ scheduledAt: '2026-12-05T11:59:00Z' }), now)).scheduledAt).toMatch(/passed/);
    expect(validationErrors(() => checkCampaignInput(input({ scheduledAt: now.toISOString() }), now)).scheduledAt).toMatch(/passed/);
    expect(validationErrors(() => checkCampaignInput(input({ scheduledAt: '2026-12-06T10:00:00' }), now)).scheduledAt).toMatch(/offset/);
    expect(validationErrors(() => checkCampaignInput(input({ scheduledAt: 'tomorrow' }), now)).scheduledAt).toMatch(/offset/);
  });

  it('names every field that is wrong: name, sender, template, audience', () => {
    const errors = validationErrors(() =>
      checkCampaignInput(
        input({ name: ' ', senderId: '', template: { id: '', name: '', language: '' }, audience: { contactIds: [] } }),
        now,
      ),
    );
    expect(Object.keys(errors).sort()).toEqual(['audience', 'name', 'senderId', 'template']);
    expect(validationErrors(() => checkCampaignInput(input({ name: 'x'.repeat(121) }), now)).name).toMatch(/120/);
    expect(() => checkCampaignInput(input({ name: 'x'.repeat(120) }), now)).not.toThrow();
    expect(validationErrors(() => checkCampaignInput(input({ audience: {} as never }), now)).audience).toMatch(/contactIds/);
    expect(validationErrors(() => checkCampaignInput(input({ audience: { contactIds: ['a', ''] } }), now)).audience).toBeDefined();
    expect(validationErrors(() => checkCampaignInput(input({ audience: { search: 's'.repeat(201) } }), now)).audience).toMatch(/200/);
  });
});

describe('checkCampaignInput, in detail', () => {
  it('refuses values of the wrong type, each at its field with its own words', () => {
    const errors = validationErrors(() =>
      checkCampaignInput(
        { ...input(), name: 42, senderId: 42, template: undefined, audience: { contactIds: [42] } } as unknown as CampaignInput,
        now,
      ),
    );
    expect(errors).toEqual({
      name: 'Give the campaign a name',
      senderId: 'Choose the number to send from',
      template: 'Choose a template',
      audience: 'Contact ids are strings',
    });
  });

  it('says in its message every field that is wrong, with the reason', () => {
    expect(() => checkCampaignInput(input({ name: '', audience: { contactIds: [] } }), now)).toThrow(
      'Check the campaign: name: Give the campaign a name; audience: Pick at least one contact',
    );
  });

  it('takes up to 100,000 picked contacts and a search of up to 200 characters, not one more', () => {
    const ids = (count: number) => Array.from({ length: count }, (_, index) => `contact-${index}`);
    expect(() => checkCampaignInput(input({ audience: { contactIds: ids(100_000) } }), now)).not.toThrow();
    expect(validationErrors(() => checkCampaignInput(input({ audience: { contactIds: ids(100_001) } }), now)).audience).toBe(
      'Pick at most 100000 contacts, or use a search',
    );
    expect(() => checkCampaignInput(input({ audience: { search: 's'.repeat(200) } }), now)).not.toThrow();
  });

  it('reads scheduledAt as a whole ISO time: nothing before or after it, seconds optional', () => {
    expect(() => checkCampaignInput(input({ scheduledAt: '2026-12-06T10:00Z' }), now)).not.toThrow();
    expect(() => checkCampaignInput(input({ scheduledAt: '2026-12-06T10:00:00.123+02:00' }), now)).not.toThrow();
    for (const scheduledAt of ['x2026-12-06T10:00:00Z', '2026-12-06T10:00:00Z tomorrow', '2026-12-06T10:00:00.Z']) {
      expect(validationErrors(() => checkCampaignInput(input({ scheduledAt }), now)).scheduledAt, scheduledAt).toMatch(/offset/);
    }
  });
});

describe('campaignSkipReason', () => {
  const free = { hasActiveChat: false, phoneTaken: false };

  it('sends to a contact with nothing against it', () => {
    expect(campaignSkipReason(contact(), undefined, free)).toBeNull();
  });

  it('skips, in order: opted out, invalid number, duplicate phone, active chat, missing bound field', () => {
    const everything = { hasActiveChat: true, phoneTaken: true };
    const bindings = { 'body.1': 'email' } as const;
    expect(campaignSkipReason(contact({ optedOut: true, phone: '123', email: null }), bindings, everything)).toBe('opted_out');
    expect(campaignSkipReason(contact({ phone: '123', email: null }), bindings, everything)).toBe('invalid_number');
    expect(campaignSkipReason(contact({ email: null }), bindings, everything)).toBe('duplicate_phone');
    expect(campaignSkipReason(contact({ email: null }), bindings, { ...everything, phoneTaken: false })).toBe('active_chat');
    expect(campaignSkipReason(contact({ email: null }), bindings, free)).toBe('missing_field');
    expect(campaignSkipReason(contact(), bindings, free)).toBeNull();
  });
});

describe('recipientParameters', () => {
  it('fills bound variables from the contact over the fixed values, leaving the campaign input untouched', () => {
    const parameters = { header: { type: 'text' as const, text: 'fixed' }, body: { '1': 'typed', '2': 'DEC10' }, buttons: { 0: 'x' } };
    const filled = recipientParameters(parameters, { 'body.1': 'firstName', 'header.1': 'lastName', 'buttons.0': 'email' }, contact());
    expect(filled).toEqual({ header: { type: 'text', text: 'Lima' }, body: { '1': 'Ana', '2': 'DEC10' }, buttons: { 0: 'ana@example.com' } });
    expect(parameters.body['1']).toBe('typed');
  });

  it('ignores a binding to a part a template does not have', () => {
    expect(recipientParameters({ body: { '1': 'typed' } }, { 'footer.1': 'email' } as never, contact())).toEqual({ body: { '1': 'typed' } });
  });

  it('leaves out a bound variable the contact lacks', () => {
    expect(recipientParameters({ body: { '1': 'typed' } }, { 'body.1': 'email' }, contact({ email: null }))).toEqual({ body: {} });
  });
});

describe('campaign counts', () => {
  it('counts the preflight by reason and the campaign by status', () => {
    expect(campaignPreflightOf([null, 'active_chat', null, 'opted_out', 'active_chat'])).toEqual({
      total: 5,
      sendable: 2,
      skipped: { active_chat: 2, opted_out: 1 },
    });
    expect(campaignCountsOf(['queued', 'sent', 'sent', 'read', 'failed', 'skipped', 'delivered'])).toEqual({
      total: 7,
      queued: 1,
      sent: 2,
      delivered: 1,
      read: 1,
      failed: 1,
      skipped: 1,
    });
  });
});

describe('campaignStatusAfter', () => {
  const options = { scheduledAt: null, now };

  it('pauses a running or scheduled campaign, resumes a paused one, cancels any not finished', () => {
    expect(campaignStatusAfter('running', 'pause', options)).toBe('paused');
    expect(campaignStatusAfter('scheduled', 'pause', options)).toBe('paused');
    expect(campaignStatusAfter('paused', 'resume', options)).toBe('running');
    for (const status of ['scheduled', 'running', 'paused'] as const) expect(campaignStatusAfter(status, 'cancel', options)).toBe('cancelled');
  });

  it('puts a resumed campaign back on its schedule while its time has not come', () => {
    expect(campaignStatusAfter('paused', 'resume', { scheduledAt: '2026-12-05T13:00:00Z', now })).toBe('scheduled');
    expect(campaignStatusAfter('paused', 'resume', { scheduledAt: '2026-12-05T11:00:00Z', now })).toBe('running');
    // Its time is now: it runs.
    expect(campaignStatusAfter('paused', 'resume', { scheduledAt: now.toISOString(), now })).toBe('running');
    // A pause is a pause, whatever the schedule.
    expect(campaignStatusAfter('scheduled', 'pause', { scheduledAt: '2026-12-05T13:00:00Z', now })).toBe('paused');
  });

  it('refuses what the status does not allow with CONFLICT, in words', () => {
    for (const [status, action] of [
      ['completed', 'pause'],
      ['cancelled', 'resume'],
      ['running', 'resume'],
      ['completed', 'cancel'],
    ] as const) {
      expect(() => campaignStatusAfter(status, action, options)).toThrow(ReachoutError);
    }
    expect(() => campaignStatusAfter('completed', 'cancel', options)).toThrow('A completed campaign cannot be cancelled');
    expect(() => campaignStatusAfter('cancelled', 'pause', options)).toThrow('A cancelled campaign cannot be paused');
  });
});

describe('messagingLimitBudget', () => {
  const hoursAgo = (hours: number) => now.getTime() - hours * 3_600_000;

  it('counts unique recipients of the last 24 hours only', () => {
    const budget = messagingLimitBudget(
      250,
      [
        { to: '+1', at: hoursAgo(1) },
        { to: '+1', at: hoursAgo(2) },
        { to: '+2', at: new Date(hoursAgo(23)).toISOString() },
        { to: '+3', at: hoursAgo(25) },
      ],
      now,
    );
    expect(budget.used).toBe(2);
    expect(budget.remaining).toBe(248);
    expect(budget.nextSlotAt).toBeNull();
    expect(budget.hasRecipient('+1')).toBe(true);
    expect(budget.hasRecipient('+3')).toBe(false);
  });

  it('has no end without a limit', () => {
    expect(messagingLimitBudget(null, [{ to: '+1', at: hoursAgo(1) }], now).remaining).toBe(Infinity);
    expect(messagingLimitBudget(undefined, [], now).remaining).toBe(Infinity);
  });

  it('once full, frees a slot when the recipient that leaves the window first leaves it (by their latest send)', () => {
    const sends = Array.from({ length: 250 }, (_, index) => ({ to: `+${index}`, at: hoursAgo(20 - index / 100) }));
    // The first recipient was messaged again an hour ago: the second leaves the window first.
    sends.push({ to: '+0', at: hoursAgo(1) });
    const budget = messagingLimitBudget(250, sends, now);
    expect(budget.remaining).toBe(0);
    expect(budget.nextSlotAt?.toISOString()).toBe(new Date(hoursAgo(20 - 1 / 100) + 24 * 3_600_000).toISOString());
  });

  it('over its limit (a lowered tier), waits until enough recipients left to be under it again', () => {
    const sends = [1, 2, 3].map((hour) => ({ to: `+${hour}`, at: hoursAgo(24 - hour) }));
    // A limit of 2 passed with 3 recipients: two must leave for a slot, the second leaves 2 hours from now.
    const budget = messagingLimitBudget(2 as 250, sends, now);
    expect(budget.remaining).toBe(0);
    expect(budget.nextSlotAt?.toISOString()).toBe(new Date(now.getTime() + 2 * 3_600_000).toISOString());
  });
});
