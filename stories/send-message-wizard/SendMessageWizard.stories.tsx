import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, screen, userEvent, waitFor, within } from 'storybook/test';
import { SendMessageWizard } from '../../src/components/send-message-wizard';
import type { SendMessageWizardProps } from '../../src/components/send-message-wizard';
import { ReachoutError } from '../../src/core';
import type { MessageTemplate } from '../../src/core/types';
import { templates } from '../../src/testing/fixtures/templates';
import { ReachoutStory } from '../support/ReachoutStory';
import type { MemoryProvider, MemoryProviderOptions } from '../support/ReachoutStory';

interface WizardStoryArgs extends SendMessageWizardProps {
  /** Memory provider options for this story. */
  providerOptions?: MemoryProviderOptions;
  /** Runs on the story's provider before anything renders. */
  setup?: (provider: MemoryProvider) => void;
}

/** The wizard portalled into the story's themed canvas, so dark and RTL reach the dialog. */
function WizardStory({ providerOptions, setup, ...props }: WizardStoryArgs) {
  const [container, setContainer] = useState<HTMLDivElement | null>(null);
  return (
    <ReachoutStory options={providerOptions} setup={setup}>
      <div ref={setContainer} />
      {container !== null && <SendMessageWizard container={container} {...props} />}
    </ReachoutStory>
  );
}

const meta = {
  title: 'Widgets/SendMessageWizard',
  component: WizardStory,
  args: {
    contactId: 'contact-ana-lima',
    defaultOpen: true,
    onSent: fn(),
    onOpenChat: fn(),
    onOpenTicket: fn(),
    onOpenChange: fn(),
  },
  parameters: {
    layout: 'fullscreen',
    docs: {
      description: {
        component:
          'The proactive WhatsApp send: Recipient → Template → Content → Ticket → Status, on `useSendMessageWizard`. Each story runs on its own memory provider; play functions click through to the step shown.',
      },
      story: { inline: false, iframeHeight: 720 },
    },
  },
} satisfies Meta<typeof WizardStory>;

export default meta;
type Story = StoryObj<typeof meta>;

const next = async () => userEvent.click(screen.getByRole('button', { name: 'Next' }));

async function toTemplateStep() {
  await userEvent.click(await screen.findByRole('radio', { name: /Acme Support/ }));
  await next();
  await screen.findByRole('radio', { name: /order_update/ });
}

async function toContentStep() {
  await toTemplateStep();
  await userEvent.click(screen.getByRole('radio', { name: /order_update/ }));
  await next();
}

async function fillContent() {
  await userEvent.type(screen.getByLabelText('Header {{1}}'), '#10423');
  await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Fill Body {{1}} from' }), 'firstName');
  await userEvent.type(screen.getByLabelText('Body {{2}}'), 'DHL Express');
  await userEvent.type(screen.getByLabelText('Body {{3}}'), 'Friday, 14 March');
}

async function toTicketStep() {
  await toContentStep();
  await fillContent();
  await next();
  await userEvent.selectOptions(screen.getByLabelText('Priority'), 'high');
  await userEvent.type(screen.getByLabelText('Description'), 'Check the customer got the parcel.');
}

async function toStatusStep() {
  await toTicketStep();
  await userEvent.click(screen.getByRole('button', { name: 'Create ticket and send' }));
}

const visibleStatus = () => document.querySelector('[data-slot="send-message-wizard-status"]')?.textContent ?? '';

/** Step 1, with two connected numbers and one disconnected number shown but not choosable. */
export const Recipient: Story = {
  play: async () => {
    const legacy = await screen.findByRole('radio', { name: /Acme UK/ });
    await expect(legacy).toBeDisabled();
    await expect(screen.getByRole('listitem', { current: 'step' })).toHaveTextContent('Recipient');
  },
};

/**
 * A contact with an active chat: nothing can be sent; "Open chat" continues the conversation
 * (the wizard closes and hands the chat to the host; tested in the browser tests, so the story
 * stays on the blocked state).
 */
export const BlockedByActiveChat: Story = {
  args: { contactId: 'contact-hugo-martin' },
  play: async () => {
    const alert = await screen.findByRole('alert');
    await expect(within(alert).getByRole('button', { name: 'Open chat' })).toBeVisible();
  },
};

/** A contact who opted out of notifications. */
export const BlockedOptedOut: Story = {
  args: { contactId: 'contact-olga-ivanova' },
  play: async () => {
    await expect(await screen.findByRole('alert')).toHaveTextContent('opted out');
  },
};

/** Everything loads slowly: the recipient step says so until the numbers arrive. */
export const Loading: Story = {
  args: { providerOptions: { latencyMs: 60_000 } },
  play: async () => {
    await expect(await screen.findByText('Loading…')).toBeVisible();
  },
};

/** Loading the business numbers failed: the reason and Retry. */
export const LoadError: Story = {
  args: { setup: (provider) => provider.control.failNext('listSenders', new ReachoutError('FORBIDDEN', 'not allowed')) },
  play: async () => {
    const alert = await screen.findByRole('alert');
    await expect(alert).toHaveTextContent('You don’t have permission to do this.');
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await screen.findByRole('radio', { name: /Acme Support/ });
  },
};

/** Step 2: the templates, the one under the pointer previewed beside the list. */
export const Template: Story = {
  play: async () => {
    await toTemplateStep();
    await userEvent.hover(screen.getByText('seasonal_promo'));
    await expect(screen.getByLabelText(/Preview of seasonal_promo/)).toBeVisible();
  },
};

const unapproved: MessageTemplate[] = templates
  .filter((template) => template.status !== 'APPROVED')
  .concat(templates.slice(0, 2).map((template) => ({ ...template, id: `${template.id}-paused`, status: 'PAUSED' as const })));

/** A number whose templates are all pending, rejected or paused: visible, explained, not choosable. */
export const NoApprovedTemplates: Story = {
  args: { providerOptions: { templates: unapproved } },
  play: async () => {
    await toTemplateStep();
    await expect(await screen.findByText('None of these templates is approved yet, so none can be sent.')).toBeVisible();
  },
};

/** A number with no templates at all. */
export const NoTemplates: Story = {
  args: { providerOptions: { templates: [] } },
  play: async () => {
    await userEvent.click(await screen.findByRole('radio', { name: /Acme Support/ }));
    await next();
    await expect(await screen.findByText('This number has no templates yet.')).toBeVisible();
  },
};

/** Every call takes 0.3–0.9 s and verification 3 s: try the whole flow by hand. */
export const SlowNetwork: Story = {
  args: { providerOptions: { latencyMs: { min: 300, max: 900 }, verifyAfterMs: 3000 } },
};

/** Step 3: fields with examples, counters, a contact binding and the live preview. */
export const Content: Story = {
  play: async () => {
    await toContentStep();
    await fillContent();
  },
};

/** Step 3 with hostile input: markup, emoji, right-to-left text and an over-long value, shown as text with its limit. */
export const ContentWithBadInput: Story = {
  play: async () => {
    await toContentStep();
    await userEvent.click(screen.getByLabelText('Body {{1}}'));
    await userEvent.paste('<b>Ana</b> 👩🏽‍💻 مرحبا');
    await userEvent.click(screen.getByLabelText('Body {{2}}'));
    await userEvent.paste('DHL '.repeat(270));
    await expect(screen.getByLabelText('Body {{2}}')).toHaveAttribute('aria-invalid', 'true');
    await expect(screen.getByText(/Too long: 1,\d{3} of at most 1,024 characters/)).toBeVisible();
  },
};

/** Step 4: priority, assignee and description. */
export const Ticket: Story = {
  play: async () => {
    await toTicketStep();
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Assignee' }), 'Chen Wei');
  },
};

/** Step 5 while WhatsApp verifies the number (it stays verifying here). */
export const Verifying: Story = {
  play: async () => {
    await toStatusStep();
    await waitFor(() => expect(visibleStatus()).toMatch(/Verifying/));
  },
};

/** Verification succeeded: the ticket is open, with "Open ticket" and "Done". */
export const Sent: Story = {
  args: { providerOptions: { verifyAfterMs: 200 } },
  play: async ({ args }) => {
    await toStatusStep();
    await waitFor(() => expect(visibleStatus()).toMatch(/Message sent/), { timeout: 5000 });
    await expect(args.onSent).toHaveBeenCalledTimes(1);
    await expect(screen.getByRole('button', { name: 'Open ticket' })).toBeVisible();
  },
};

/** Verification failed (the number is not on WhatsApp): the reason and "Edit". */
export const Failed: Story = {
  args: { contactId: 'contact-tomas-ferreira', providerOptions: { verifyAfterMs: 200 } },
  play: async () => {
    await toStatusStep();
    await waitFor(() => expect(visibleStatus()).toMatch(/WhatsApp could not deliver it/), { timeout: 5000 });
    await expect(screen.getByRole('button', { name: 'Edit' })).toBeVisible();
  },
};

/** The send was rate limited: Retry waits out `retryAfterMs` with a countdown. */
export const RateLimited: Story = {
  args: {
    setup: (provider) =>
      provider.control.failNext('sendNotification', new ReachoutError('RATE_LIMITED', 'slow down', { retryAfterMs: 45_000 })),
  },
  play: async () => {
    await toStatusStep();
    await expect(await screen.findByRole('button', { name: /Retry in 4\d seconds/ })).toBeDisabled();
  },
};

/** The send could not reach the server: Retry sends again with the same idempotency key. */
export const NetworkError: Story = {
  args: { setup: (provider) => provider.control.failNext('sendNotification', new ReachoutError('NETWORK', 'offline')) },
  play: async () => {
    await toStatusStep();
    await expect(await screen.findByRole('button', { name: 'Retry' })).toBeEnabled();
  },
};

/** The content step in the dark theme. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  play: Content.play,
};

/** The template step right to left. */
export const RightToLeft: Story = {
  args: { contactId: 'contact-layla-haddad' },
  globals: { dir: 'rtl' },
  play: Template.play,
};

/** The whole flow, end to end: recipient, template, content, ticket, send, verified. */
export const WholeFlow: Story = {
  args: { providerOptions: { verifyAfterMs: 300 } },
  play: async ({ args }) => {
    await toTemplateStep();
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search templates' }), 'order_up');
    await waitFor(() => expect(screen.getAllByRole('radio')).toHaveLength(1));
    await userEvent.click(screen.getByRole('radio', { name: /order_update/ }));
    await next();
    await fillContent();
    await expect(screen.getByLabelText(/Preview of order_update/)).toHaveTextContent('Hi Ana');
    await next();
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Assignee' }), 'Chen Wei');
    await userEvent.click(screen.getByRole('button', { name: 'Create ticket and send' }));
    await waitFor(() => expect(visibleStatus()).toMatch(/Message sent\. Ticket created \(Assigned\)/), { timeout: 5000 });
    await expect(args.onSent).toHaveBeenCalledTimes(1);
    await userEvent.click(screen.getByRole('button', { name: 'Open ticket' }));
    await expect(args.onOpenTicket).toHaveBeenCalledWith(expect.objectContaining({ status: 'assigned' }));
  },
};

/**
 * Recomposed from the parts: `SendMessageWizard.Root` owns the dialog's `open` state, a
 * `Trigger` opens it, `Content` is the modal panel and `Panel` runs the wizard inside, here
 * with a host heading of its own. Closing returns focus to the Trigger.
 */
export const Composed: Story = {
  args: { defaultOpen: false },
  render: ({ providerOptions, setup, contactId, defaultOpen, onOpenChange, onSent, onOpenChat, onOpenTicket }) => (
    <ReachoutStory options={providerOptions} setup={setup}>
      <div style={{ padding: 24 }}>
        <SendMessageWizard.Root contactId={contactId} defaultOpen={defaultOpen} onOpenChange={onOpenChange} onSent={onSent} onOpenChat={onOpenChat} onOpenTicket={onOpenTicket}>
          <SendMessageWizard.Trigger />
          <SendMessageWizard.Content aria-describedby={undefined}>
            <SendMessageWizard.Panel>
              {(wizard) => (
                <>
                  <SendMessageWizard.Title>Message Ana Lima</SendMessageWizard.Title>
                  <SendMessageWizard.Stepper />
                  <SendMessageWizard.Announcer />
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
      </div>
    </ReachoutStory>
  ),
  play: async ({ args }) => {
    const trigger = screen.getByRole('button', { name: 'Send message' });
    await userEvent.click(trigger);
    await expect(args.onOpenChange).toHaveBeenLastCalledWith(true);
    await expect(await screen.findByRole('dialog', { name: 'Message Ana Lima' })).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await expect(trigger).toHaveFocus();
  },
};
