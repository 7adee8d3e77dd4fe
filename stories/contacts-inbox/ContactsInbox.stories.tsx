import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ContactsInbox } from '../../src/components/contacts-inbox';
import type { ContactsInboxProps } from '../../src/components/contacts-inbox';
import { ReachoutStory } from '../support/ReachoutStory';
import type { MemoryProviderOptions } from '../support/ReachoutStory';

/** Story-only settings, read from `parameters.reachout`. */
interface ContactsInboxStoryParameters {
  options?: MemoryProviderOptions;
  /** The host's box around the inbox. */
  width?: number | string;
  height?: number | string;
}

function ContactsInboxStory({ args, parameters }: { args: ContactsInboxProps; parameters: ContactsInboxStoryParameters }) {
  return (
    <ReachoutStory options={parameters.options}>
      <div style={{ inlineSize: parameters.width ?? '100%', maxInlineSize: '100%', blockSize: parameters.height ?? 640 }}>
        <ContactsInbox {...args} />
      </div>
    </ReachoutStory>
  );
}

const meta = {
  title: 'Widgets/ContactsInbox',
  component: ContactsInbox,
  args: { onSelectedContactIdChange: fn(), onOpenChat: fn(), onOpenTicket: fn(), onImportContacts: fn() },
  render: (args, context) => (
    <ContactsInboxStory args={args} parameters={(context.parameters.reachout ?? {}) as ContactsInboxStoryParameters} />
  ),
  parameters: {
    layout: 'fullscreen',
    docs: {
      description: {
        component:
          'The whole feature on one page: the contact list beside the selected contact\'s details, "Create contact" and "Send message". Side by side when wide, one pane at a time when narrow.',
      },
    },
  },
} satisfies Meta<typeof ContactsInbox>;

export default meta;
type Story = StoryObj<typeof meta>;

async function rowsShown(canvasElement: HTMLElement) {
  const grid = await within(canvasElement).findByRole('grid', { name: 'Contacts' }, { timeout: 5000 });
  await waitFor(() => expect(within(grid).getAllByRole('row').length).toBeGreaterThan(1), { timeout: 5000 });
}

/** Nothing selected yet. */
/** The wide layout, checked at a desktop's width (the story tests run others at a phone's). */
const desktop = { viewport: { value: 'desktop1280' } };

export const Desktop: Story = {
  globals: desktop,
  play: async ({ canvasElement }) => rowsShown(canvasElement),
};

/** A contact selected (as a host's router would pass it). */
export const DesktopSelected: Story = {
  globals: desktop,
  args: { defaultSelectedContactId: 'contact-priya-sharma' },
  play: async ({ canvasElement }) => {
    await rowsShown(canvasElement);
    await within(canvasElement).findByRole('heading', { name: 'Priya Sharma' }, { timeout: 5000 });
  },
};

/** A phone-width inbox: the list, then the contact with "Back to contacts". */
export const Mobile: Story = {
  parameters: { reachout: { width: 360 } },
  play: async ({ canvasElement }) => rowsShown(canvasElement),
};

export const MobileSelected: Story = {
  parameters: { reachout: { width: 360 } },
  play: async ({ canvasElement }) => {
    await rowsShown(canvasElement);
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('row', { name: /Priya Sharma/ }));
    await canvas.findByRole('heading', { name: 'Priya Sharma' }, { timeout: 5000 });
    await canvas.findByRole('button', { name: 'Back to contacts' });
  },
};

export const Dark: Story = { ...DesktopSelected, globals: { ...desktop, theme: 'dark' } };
export const DarkMobile: Story = { ...MobileSelected, globals: { theme: 'dark' } };
export const RightToLeft: Story = { ...DesktopSelected, globals: { ...desktop, dir: 'rtl' } };
export const RightToLeftMobile: Story = { ...MobileSelected, globals: { dir: 'rtl' } };

/** An empty contact book: the list and the details pane both invite the first contact. */
export const Empty: Story = {
  globals: desktop,
  parameters: { reachout: { options: { contacts: [] } } },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('No contacts yet', undefined, { timeout: 5000 });
  },
};

/**
 * The list's status dots: Olga opted out; Tomás's newest notification failed (the inbox knows
 * once it has loaded the tickets of the contact selected). Each dot's words are read with its row.
 */
export const StatusDots: Story = {
  globals: desktop,
  args: { defaultSelectedContactId: 'contact-tomas-ferreira' },
  play: async ({ canvasElement }) => {
    await rowsShown(canvasElement);
    const grid = within(canvasElement).getByRole('grid', { name: 'Contacts' });
    await within(grid).findByRole('row', { name: /Tomás Ferreira.*Notification failed/ }, { timeout: 5000 });
    await expect(within(grid).getByRole('row', { name: /Olga Ivanova.*Opted out/ })).toBeTruthy();
  },
};
