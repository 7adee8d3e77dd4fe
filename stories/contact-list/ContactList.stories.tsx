import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ContactList } from '../../src/components/contact-list';
import type { ContactListProps } from '../../src/components/contact-list';
import { ReachoutError } from '../../src/core';
import type { Contact } from '../../src/core/types';
import { createReachoutQueryClient } from '../../src/data';
import type { ReachoutMessages } from '../../src/data';
import { generateContacts } from '../../src/testing';
import { ReachoutStory } from '../support/ReachoutStory';
import type { MemoryProvider, MemoryProviderOptions } from '../support/ReachoutStory';

/** Story-only settings, read from `parameters.reachout`. */
interface ContactListStoryParameters {
  options?: MemoryProviderOptions;
  setup?: (provider: MemoryProvider) => void;
  /** Show failures at once, without the data layer's retries (1 s, then 2 s). */
  noRetry?: boolean;
  /** Seed the provider with 100,000 generated contacts (built on first use, then shared). */
  manyContacts?: boolean;
  locale?: string;
  messages?: ReachoutMessages;
  /** The host's box around the list. */
  width?: number | string;
  height?: number | string;
}

function ContactListStory({ args, parameters }: { args: ContactListProps; parameters: ContactListStoryParameters }) {
  const [queryClient] = useState(() =>
    parameters.noRetry ? createReachoutQueryClient({ defaultOptions: { queries: { retry: false } } }) : undefined,
  );
  return (
    <ReachoutStory
      options={parameters.manyContacts ? { ...parameters.options, contacts: getManyContacts() } : parameters.options}
      setup={parameters.setup}
      queryClient={queryClient}
      locale={parameters.locale}
      messages={parameters.messages}
    >
      <div style={{ blockSize: parameters.height ?? 480, inlineSize: parameters.width ?? '100%', maxInlineSize: '100%' }}>
        <ContactList {...args} />
      </div>
    </ReachoutStory>
  );
}

let manyContacts: Contact[] | undefined;
/** 100,000 generated contacts, built once for every story that shows them. */
function getManyContacts(): Contact[] {
  manyContacts ??= generateContacts(100_000, 1);
  return manyContacts;
}

const meta = {
  title: 'Widgets/ContactList',
  component: ContactList,
  args: { onSelect: fn(), onCreateContact: fn() },
  render: (args, context) => (
    <ContactListStory args={args} parameters={(context.parameters.reachout ?? {}) as ContactListStoryParameters} />
  ),
  parameters: {
    docs: {
      description: {
        component:
          'The contact book: search by name, email or phone (debounced), rows paged from the provider as you scroll and virtualized (100,000 contacts stay smooth), arrow keys to move and Enter to select, and a "Create contact" action. It fills the height its host gives it.',
      },
    },
  },
} satisfies Meta<typeof ContactList>;

export default meta;
type Story = StoryObj<typeof meta>;

async function rowsShown(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  const grid = await canvas.findByRole('grid', { name: 'Contacts' }, { timeout: 5000 });
  await waitFor(() => expect(within(grid).getAllByRole('row').length).toBeGreaterThan(1), { timeout: 5000 });
}

/** The fixture contact book (`fixtures.contacts`). */
export const Default: Story = {
  play: async ({ canvasElement }) => rowsShown(canvasElement),
};

/** The first page on its way: skeleton rows, `aria-busy`. */
export const Loading: Story = {
  parameters: { reachout: { options: { latencyMs: 600_000 } } },
  play: async ({ canvasElement }) => {
    const grid = await within(canvasElement).findByRole('grid', { name: 'Contacts' });
    await expect(grid).toHaveAttribute('aria-busy', 'true');
  },
};

/** No contacts at all: the message and the create action. */
export const Empty: Story = {
  parameters: { reachout: { options: { contacts: [] } } },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('No contacts yet');
  },
};

/** A search that finds nobody. */
export const NoResults: Story = {
  args: { defaultSearch: 'Zebulon' },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('No contacts match “Zebulon”');
  },
};

/** The provider cannot be reached: the message for NETWORK, and Retry. */
export const ProviderError: Story = {
  parameters: {
    reachout: {
      noRetry: true,
      setup: (provider: MemoryProvider) => provider.control.failNext('listContacts', new ReachoutError('NETWORK', 'Failed to fetch')),
    },
  },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('alert');
  },
};

/** 100,000 contacts: pages of 50 load as you scroll; only the rows in view are in the DOM. */
export const HundredThousandContacts: Story = {
  parameters: { reachout: { manyContacts: true } },
  play: async ({ canvasElement }) => {
    await rowsShown(canvasElement);
    await within(canvasElement).findByText('100,000 contacts');
  },
};

/**
 * A provider that leaves the total out (the reference server does for a broad search on a big
 * book): the count says what is loaded, as a lower bound, until the last page.
 */
export const WithoutTotal: Story = {
  parameters: {
    reachout: {
      manyContacts: true,
      setup: (provider: MemoryProvider) => {
        const listContacts = provider.listContacts.bind(provider);
        provider.listContacts = async (params, context) => {
          const { total: _total, ...page } = await listContacts(params, context);
          return page;
        };
      },
    },
  },
  play: async ({ canvasElement }) => {
    await rowsShown(canvasElement);
    await within(canvasElement).findByText('50+ contacts');
  },
};

/** Every request takes 800 ms: typing dims the previous results until the new ones arrive. */
export const SlowNetwork: Story = {
  parameters: { reachout: { manyContacts: true, options: { latencyMs: 800 } } },
  play: async ({ canvasElement }) => {
    await rowsShown(canvasElement);
    const search = within(canvasElement).getByRole('searchbox', { name: 'Search contacts' });
    await userEvent.type(search, 'maria');
    await within(canvasElement).findByText(/^[\d,]+ contacts?$/, {}, { timeout: 5000 });
    await waitFor(() => expect(canvasElement.querySelector('[data-slot="contact-list-grid"]')).not.toHaveAttribute('data-stale'), {
      timeout: 5000,
    });
  },
};

/** A search on its way (it never answers here): the previous rows stay, dimmed, and the grid is busy. */
export const SearchInFlight: Story = {
  parameters: {
    reachout: {
      setup: (provider: MemoryProvider) => {
        const listContacts = provider.listContacts;
        provider.listContacts = (params, context) =>
          params.search ? new Promise(() => {}) : listContacts(params, context);
      },
    },
  },
  play: async ({ canvasElement }) => {
    await rowsShown(canvasElement);
    await userEvent.type(within(canvasElement).getByRole('searchbox', { name: 'Search contacts' }), 'maria');
    const grid = within(canvasElement).getByRole('grid', { name: 'Contacts' });
    await waitFor(() => expect(grid).toHaveAttribute('data-stale'));
  },
};

/** The second page fails: the loaded rows stay, with the error and Retry underneath. */
export const PageFailed: Story = {
  parameters: {
    reachout: {
      noRetry: true,
      options: { contacts: generateContacts(120, 3) },
      setup: (provider: MemoryProvider) => {
        const listContacts = provider.listContacts;
        let failed = false;
        provider.listContacts = (params, context) => {
          if (params.cursor && !failed) {
            failed = true;
            return Promise.reject(new ReachoutError('NETWORK', 'Failed to fetch'));
          }
          return listContacts(params, context);
        };
      },
    },
  },
  play: async ({ canvasElement }) => {
    await rowsShown(canvasElement);
    const viewport = canvasElement.querySelector<HTMLElement>('[data-slot="contact-list-viewport"]');
    if (viewport !== null) viewport.scrollTop = viewport.scrollHeight;
    await within(canvasElement).findByRole('alert', {}, { timeout: 5000 });
  },
};

/** Keyboard focus on the second row, moved there from the search box with ArrowDown. */
export const KeyboardNavigation: Story = {
  play: async ({ canvasElement }) => {
    await rowsShown(canvasElement);
    await userEvent.click(within(canvasElement).getByRole('searchbox', { name: 'Search contacts' }));
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    await expect(canvasElement.ownerDocument.activeElement).toHaveAttribute('aria-rowindex', '3');
  },
};

/** A contact already selected (the host passes `defaultSelectedContactId`). */
export const Selected: Story = {
  args: { defaultSelectedContactId: 'contact-priya-sharma' },
  play: async ({ canvasElement }) => rowsShown(canvasElement),
};

/** The host's columns: which, in which order, and one of its own (the contact's city). */
export const CustomColumns: Story = {
  args: {
    columns: ['name', { id: 'city', header: 'City', cell: (contact) => contact.attributes?.city ?? '' }, 'phone'],
  },
  play: async ({ canvasElement }) => rowsShown(canvasElement),
};

/** Without `onCreateContact` there is no create button. */
export const WithoutCreateAction: Story = {
  args: { onCreateContact: undefined },
  play: async ({ canvasElement }) => rowsShown(canvasElement),
};

/** A phone-width host: name and phone only. */
export const Mobile: Story = {
  parameters: { reachout: { width: 360, height: 560 } },
  play: async ({ canvasElement }) => rowsShown(canvasElement),
};

/**
 * `selectionMode="multiple"`: a checkbox column, click or Space toggles, Shift-click selects a
 * range, "Select all" selects everyone the search matches; the host's actions sit in the
 * selection bar.
 */
export const MultipleSelection: Story = {
  args: {
    selectionMode: 'multiple',
    onSelectionChange: fn(),
    selectionActions: (
      <button type="button" className="reachout-contact-list__button">
        Create campaign
      </button>
    ),
  },
  play: async ({ canvasElement, args }) => {
    await rowsShown(canvasElement);
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Select Ana Lima' }));
    await userEvent.keyboard('{ArrowDown} ');
    await expect(canvas.getByText('2 contacts selected')).toBeInTheDocument();
    await expect(args.onSelectionChange).toHaveBeenLastCalledWith({ contactIds: expect.any(Array) });
    await expect(canvas.getByRole('button', { name: 'Create campaign' })).toBeVisible();
  },
};

/** "Select all" over 100,000 contacts: everyone the search matches, with no page loaded for it. */
export const MultipleSelectionAll: Story = {
  args: { ...MultipleSelection.args, defaultSelection: { search: '' } },
  parameters: { reachout: { manyContacts: true } },
  play: async ({ canvasElement }) => {
    await rowsShown(canvasElement);
    await expect(await within(canvasElement).findByText('All 100,000 contacts selected')).toBeInTheDocument();
  },
};

/** Multiple selection at phone width. */
export const MultipleSelectionMobile: Story = {
  args: { ...MultipleSelection.args, defaultSelection: { contactIds: ['contact-ana-lima', 'contact-priya-sharma'] } },
  parameters: { reachout: { width: 390, height: 560 } },
  play: async ({ canvasElement }) => rowsShown(canvasElement),
};

export const Dark: Story = { ...Default, globals: { theme: 'dark' } };
export const DarkMultipleSelection: Story = { ...MultipleSelectionMobile, parameters: {}, globals: { theme: 'dark' } };
export const RightToLeftMultipleSelection: Story = { ...MultipleSelectionMobile, parameters: {}, globals: { dir: 'rtl' } };
export const DarkLoading: Story = { ...Loading, globals: { theme: 'dark' } };
export const DarkEmpty: Story = { ...Empty, globals: { theme: 'dark' } };
export const DarkNoResults: Story = { ...NoResults, globals: { theme: 'dark' } };
export const DarkError: Story = { ...ProviderError, globals: { theme: 'dark' } };
export const DarkSelected: Story = { ...Selected, globals: { theme: 'dark' } };
export const DarkMobile: Story = { ...Mobile, globals: { theme: 'dark' } };
export const DarkSearchInFlight: Story = { ...SearchInFlight, globals: { theme: 'dark' } };
export const DarkKeyboardNavigation: Story = { ...KeyboardNavigation, globals: { theme: 'dark' } };

export const RightToLeft: Story = { ...Default, globals: { dir: 'rtl' } };
export const RightToLeftLoading: Story = { ...Loading, globals: { dir: 'rtl' } };
export const RightToLeftEmpty: Story = { ...Empty, globals: { dir: 'rtl' } };
export const RightToLeftNoResults: Story = { ...NoResults, globals: { dir: 'rtl' } };
export const RightToLeftError: Story = { ...ProviderError, globals: { dir: 'rtl' } };
export const RightToLeftSelected: Story = { ...Selected, globals: { dir: 'rtl' } };
export const RightToLeftPageFailed: Story = { ...PageFailed, globals: { dir: 'rtl' } };

const arabicMessages: ReachoutMessages = {
  'contactList.label': 'جهات الاتصال',
  'contactList.search.label': 'البحث في جهات الاتصال',
  'contactList.search.placeholder': 'ابحث بالاسم أو البريد الإلكتروني أو الهاتف',
  'contactList.createContact': 'إنشاء جهة اتصال',
  'contactList.count':
    '{count, plural, =0 {لا توجد جهات اتصال} one {جهة اتصال واحدة} two {جهتا اتصال} few {# جهات اتصال} other {# جهة اتصال}}',
  'contactList.column.name': 'الاسم',
  'contactList.column.phone': 'الهاتف',
  'contactList.column.email': 'البريد الإلكتروني',
  'contactList.column.createdAt': 'تاريخ الإنشاء',
};

/** A host in Arabic: right to left, translated labels, Arabic digits and dates; phone numbers stay left to right. */
export const RightToLeftArabic: Story = {
  globals: { dir: 'rtl' },
  parameters: { reachout: { locale: 'ar', messages: arabicMessages } },
  play: async ({ canvasElement }) => {
    const grid = await within(canvasElement).findByRole('grid', { name: 'جهات الاتصال' });
    await waitFor(() => expect(within(grid).getAllByRole('row').length).toBeGreaterThan(1));
  },
};
