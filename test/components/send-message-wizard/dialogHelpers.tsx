import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { SendMessageWizard } from '../../../src/components/send-message-wizard';
import type { SendMessageWizardProps } from '../../../src/components/send-message-wizard';
import { ReachoutProvider } from '../../../src/data';
import { createMemoryProvider } from '../../../src/testing';
import type { MemoryProviderOptions } from '../../../src/testing';
import { anaLima } from './helpers';

/** The default dialog, open, over its own memory provider. */
export function renderWizard(options: { provider?: MemoryProviderOptions; props?: Partial<SendMessageWizardProps> } = {}) {
  const provider = createMemoryProvider(options.provider);
  const onSent = vi.fn();
  const onOpenChat = vi.fn();
  const onOpenChange = vi.fn();
  const onOpenTicket = vi.fn();
  const user = userEvent.setup();
  const rendered = render(
    <ReachoutProvider dataProvider={provider}>
      <SendMessageWizard
        contactId={anaLima}
        defaultOpen
        onSent={onSent}
        onOpenChat={onOpenChat}
        onOpenChange={onOpenChange}
        onOpenTicket={onOpenTicket}
        {...options.props}
      />
    </ReachoutProvider>,
  );
  return { ...rendered, provider, onSent, onOpenChat, onOpenChange, onOpenTicket, user };
}

export const dialog = () => screen.getByRole('dialog', { name: 'Send message' });
