import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SendMessageWizard } from '../../../src/components/send-message-wizard';
import type { SendMessageWizardRootProps } from '../../../src/components/send-message-wizard';
import { resetDeprecationWarnings } from '../../../src/components/internal/warnDeprecated';
import { ReachoutProvider } from '../../../src/data';
import { createMemoryProvider } from '../../../src/testing';
import type { MemoryProvider } from '../../../src/testing';
import { anaLima } from './helpers';

beforeEach(() => {
  resetDeprecationWarnings();
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

type User = ReturnType<typeof userEvent.setup>;

/** The wizard recomposed from its parts: Root, Trigger, Content, Panel and the steps. */
function ComposedWizard(props: Omit<SendMessageWizardRootProps, 'contactId'>) {
  return (
    <SendMessageWizard.Root contactId={anaLima} {...props}>
      <SendMessageWizard.Trigger className="host-trigger" />
      <SendMessageWizard.Content aria-describedby={undefined}>
        <SendMessageWizard.Panel>
          {(wizard) => (
            <>
              <SendMessageWizard.Title>Send to Ana</SendMessageWizard.Title>
              <SendMessageWizard.Stepper />
              {wizard.step === 'recipient' && <SendMessageWizard.RecipientStep />}
              {wizard.step === 'template' && <SendMessageWizard.TemplateStep />}
              {wizard.step === 'content' && <SendMessageWizard.ContentStep />}
              {wizard.step === 'ticket' && <SendMessageWizard.TicketStep />}
              {wizard.step === 'status' && <SendMessageWizard.StatusStep />}
              <SendMessageWizard.Footer />
            </>
          )}
        </SendMessageWizard.Panel>
      </SendMessageWizard.Content>
    </SendMessageWizard.Root>
  );
}

function renderComposed(provider: MemoryProvider, props: Omit<SendMessageWizardRootProps, 'contactId'> = {}) {
  const wrap = (node: ReactNode) => <ReachoutProvider dataProvider={provider}>{node}</ReachoutProvider>;
  const rendered = render(wrap(<ComposedWizard {...props} />));
  return { ...rendered, rerenderWith: (next: Omit<SendMessageWizardRootProps, 'contactId'>) => rendered.rerender(wrap(<ComposedWizard {...next} />)) };
}

const trigger = () => screen.getByRole('button', { name: 'Send message' });
const wizardDialog = () => screen.queryByRole('dialog');

async function sendOrderUpdate(user: User) {
  await user.click(await screen.findByRole('radio', { name: /Acme Support/ }));
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await user.click(await screen.findByRole('radio', { name: /order_update/ }));
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await user.type(screen.getByLabelText('Header {{1}}'), '#1');
  await user.type(screen.getByLabelText('Body {{1}}'), 'Ana');
  await user.type(screen.getByLabelText('Body {{2}}'), 'DHL');
  await user.type(screen.getByLabelText('Body {{3}}'), 'Friday');
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await user.click(screen.getByRole('button', { name: 'Create ticket and send' }));
}

describe('SendMessageWizard dialog parts', () => {
  it('opens from the Trigger, starts on the step title, and returns focus to the Trigger when closed', async () => {
    const user = userEvent.setup();
    const onOpenChange = vi.fn();
    renderComposed(createMemoryProvider(), { onOpenChange });
    expect(wizardDialog()).toBeNull();
    expect(trigger().className).toBe('reachout-send-message-wizard__button host-trigger');
    expect(trigger().dataset['slot']).toBe('send-message-wizard-trigger');
    await user.click(trigger());
    expect(onOpenChange).toHaveBeenLastCalledWith(true);
    const dialog = await screen.findByRole('dialog', { name: 'Send to Ana' });
    expect(dialog.className).toBe('reachout-send-message-wizard-dialog');
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Recipient'));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(wizardDialog()).toBeNull());
    expect(onOpenChange).toHaveBeenLastCalledWith(false);
    expect(document.activeElement).toBe(trigger());
  });

  it('starts open with defaultOpen and keeps its own state', async () => {
    const user = userEvent.setup();
    renderComposed(createMemoryProvider(), { defaultOpen: true });
    expect(await screen.findByRole('dialog')).toBeTruthy();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(wizardDialog()).toBeNull());
  });

  it('follows a controlled open and only asks the host to change it', async () => {
    const user = userEvent.setup();
    const onOpenChange = vi.fn();
    const { rerenderWith } = renderComposed(createMemoryProvider(), { open: false, onOpenChange });
    await user.click(trigger());
    expect(onOpenChange).toHaveBeenLastCalledWith(true);
    expect(wizardDialog()).toBeNull();
    rerenderWith({ open: true, onOpenChange });
    expect(await screen.findByRole('dialog')).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(onOpenChange).toHaveBeenLastCalledWith(false);
    expect(wizardDialog()).not.toBeNull();
    rerenderWith({ open: false, onOpenChange });
    await waitFor(() => expect(wizardDialog()).toBeNull());
  });

  it('closes from "Done" through onOpenChange, and still calls the deprecated onClose, warning once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const user = userEvent.setup();
    const onOpenChange = vi.fn();
    const onClose = vi.fn();
    const { rerenderWith } = renderComposed(createMemoryProvider(), { defaultOpen: true, onOpenChange, onClose });
    await sendOrderUpdate(user);
    await user.click(await screen.findByRole('button', { name: 'Done' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(onOpenChange).toHaveBeenLastCalledWith(false);
    await waitFor(() => expect(wizardDialog()).toBeNull());
    rerenderWith({ onOpenChange, onClose });
    const deprecations = warn.mock.calls.filter(([message]) => String(message).includes('SendMessageWizard.Root onClose'));
    expect(deprecations).toHaveLength(1);
    expect(String(deprecations[0]?.[0])).toContain('onOpenChange');
  });

  it('starts a new draft when opened again after a send', async () => {
    const user = userEvent.setup();
    renderComposed(createMemoryProvider(), { defaultOpen: true });
    await sendOrderUpdate(user);
    await user.click(await screen.findByRole('button', { name: 'Done' }));
    await waitFor(() => expect(wizardDialog()).toBeNull());
    await user.click(trigger());
    const dialog = await screen.findByRole('dialog');
    expect(dialog.querySelector('[data-slot="send-message-wizard"]')?.getAttribute('data-step')).toBe('recipient');
  });
});
