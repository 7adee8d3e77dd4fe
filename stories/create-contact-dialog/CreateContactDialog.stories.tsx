import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, screen, userEvent, waitFor, within } from 'storybook/test';
import { CreateContactDialog } from '../../src/components/create-contact-dialog';
import type { CreateContactDialogProps } from '../../src/components/create-contact-dialog';
import { ReachoutError } from '../../src/core';
import type { ReachoutMessages } from '../../src/data';
import { ReachoutStory } from '../support/ReachoutStory';
import type { MemoryProvider, MemoryProviderOptions } from '../support/ReachoutStory';

/** Story-only settings, read from `parameters.reachout`. */
interface ReachoutStoryParameters {
  options?: MemoryProviderOptions;
  setup?: (provider: MemoryProvider) => void;
  locale?: string;
  messages?: ReachoutMessages;
}

/**
 * The dialog portals into an element inside the story's themed, directed root (not `<body>`),
 * so the toolbar's dark theme and right-to-left direction reach it, as `container` lets a host do.
 */
function DialogStory({ args, parameters }: { args: CreateContactDialogProps; parameters: ReachoutStoryParameters }) {
  const [container, setContainer] = useState<HTMLDivElement | null>(null);
  return (
    <ReachoutStory options={parameters.options} setup={parameters.setup} locale={parameters.locale} messages={parameters.messages}>
      {/* Fills the canvas, so the themed background shows behind the backdrop. */}
      <div ref={setContainer} style={{ minBlockSize: 'calc(100dvh - 32px)' }}>
        {container && (
          <CreateContactDialog
            {...args}
            container={container}
            trigger={
              <button type="button" className="reachout-create-contact-dialog__button" data-variant="primary">
                Create contact
              </button>
            }
          />
        )}
      </div>
    </ReachoutStory>
  );
}

const meta = {
  title: 'Widgets/CreateContactDialog',
  component: CreateContactDialog,
  args: { defaultOpen: true, onCreated: fn(), onOpenChange: fn() },
  render: (args, context) => (
    <DialogStory args={args} parameters={(context.parameters.reachout ?? {}) as ReachoutStoryParameters} />
  ),
  parameters: {
    layout: 'fullscreen',
    // Each story is a modal dialog: in the docs page they would all open over one another.
    docs: {
      story: { inline: false, iframeHeight: 720 },
      description: {
        component:
          'Name, Email, Phone with its Country, and an optional photo. Validates as the person types, sends the phone in E.164, shows a duplicate phone at the field and other failures above the buttons with Retry, and never loses what was typed.',
      },
    },
  },
} satisfies Meta<typeof CreateContactDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

const field = {
  name: () => screen.getByLabelText('Name'),
  email: () => screen.getByLabelText('Email'),
  phone: () => screen.getByLabelText('Phone'),
  country: () => screen.getByLabelText('Country'),
  create: () => screen.getByRole('button', { name: 'Create' }),
};

/** A colourful square PNG drawn on a canvas: a real image for the photo preview. */
async function samplePhoto(): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = 160;
  canvas.height = 160;
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('No 2D canvas');
  const gradient = context.createLinearGradient(0, 0, 160, 160);
  gradient.addColorStop(0, '#0a7c66');
  gradient.addColorStop(1, '#7bd3b9');
  context.fillStyle = gradient;
  context.fillRect(0, 0, 160, 160);
  context.fillStyle = '#ffffff';
  context.font = 'bold 64px system-ui, sans-serif';
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  context.fillText('BS', 80, 84);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (blob === null) throw new Error('The canvas gave no PNG');
  return new File([blob], 'beatriz.png', { type: 'image/png' });
}

async function showValidationErrors() {
  await screen.findByRole('dialog', { name: 'Create contact' });
  await userEvent.type(field.email(), 'beatriz@');
  await userEvent.type(field.phone(), '12345');
  await userEvent.click(field.create());
  await waitFor(() => expect(field.name()).toHaveAttribute('aria-invalid', 'true'));
  await expect(field.email()).toHaveAttribute('aria-invalid', 'true');
  await expect(field.phone()).toHaveAttribute('aria-invalid', 'true');
}

/** The dialog as it opens: empty, focus in Name, the country from the locale. */
export const Default: Story = {
  play: async () => {
    await screen.findByRole('dialog', { name: 'Create contact' });
    await waitFor(() => expect(field.name()).toHaveFocus());
    await expect(field.country()).toHaveValue('US');
  },
};

/** Every field filled in, with a Brazilian number typed the way Brazilians write it. */
export const Filled: Story = {
  args: {
    defaultCountry: 'BR',
    defaultValues: { name: 'Beatriz Souza', email: 'beatriz.souza@example.com.br', phone: '(11) 91234-5678' },
  },
  play: async () => {
    await screen.findByRole('dialog');
    await expect(field.phone()).toHaveValue('(11) 91234-5678');
  },
};

/** A number typed with its own `+` code: the note says which country it was read in. */
export const CountryFromNumber: Story = {
  args: { defaultCountry: 'US', defaultValues: { name: 'Oliver Brown', phone: '+44 20 7946 0958' } },
  play: async () => {
    await screen.findByRole('dialog');
    // The note comes with the phone metadata, loaded when the dialog opens.
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Country from the number: United Kingdom'));
  },
};

/** Submitted with a missing name, half an email and a short number: each field says what is wrong. */
export const ValidationErrors: Story = {
  play: showValidationErrors,
};

/** The phone belongs to a contact already (Ana Lima, in the fixtures): CONFLICT, shown at Phone. */
export const DuplicatePhone: Story = {
  args: { defaultValues: { name: 'Ana Lima', email: 'ana@example.com', phone: '+55 11 98765-4321' } },
  play: async () => {
    await screen.findByRole('dialog');
    await userEvent.click(field.create());
    await waitFor(() => expect(field.phone()).toHaveAttribute('aria-invalid', 'true'));
    await expect(field.phone()).toHaveAccessibleDescription(/A contact with this phone number already exists\./);
  },
};

/** The server is unreachable: a message above the buttons, Retry, and every value still there. */
export const NetworkError: Story = {
  args: { defaultValues: { name: 'Hedy Lamarr', email: 'hedy@example.com', phone: '+43 664 1234567' } },
  parameters: {
    reachout: {
      setup: (provider) => provider.control.failNext('createContact', new ReachoutError('NETWORK', 'Offline')),
    } satisfies ReachoutStoryParameters,
  },
  play: async () => {
    await screen.findByRole('dialog');
    await userEvent.click(field.create());
    const retry = await screen.findByRole('button', { name: 'Retry' });
    // The failure can arrive before the dialog's first frame, while it still rises from opacity 0.
    await waitFor(() => expect(within(screen.getByRole('alert')).getByText(/Can’t reach the server/)).toBeVisible());
    await waitFor(() => expect(retry).toHaveFocus());
    await expect(field.name()).toHaveValue('Hedy Lamarr');
  },
};

/** A slow provider: Create is disabled and busy until the contact exists. */
export const Submitting: Story = {
  args: { defaultValues: { name: 'Katherine Johnson', phone: '+1 757 555 0100' } },
  parameters: { reachout: { options: { latencyMs: 600_000 } } satisfies ReachoutStoryParameters },
  play: async () => {
    await screen.findByRole('dialog');
    await userEvent.click(field.create());
    await waitFor(() => expect(field.create()).toHaveAttribute('aria-busy', 'true'));
    await expect(field.create()).toBeDisabled();
  },
};

/** A photo chosen: previewed in the avatar, with Change and Remove. */
export const PhotoPreview: Story = {
  args: { defaultCountry: 'BR', defaultValues: { name: 'Beatriz Souza', phone: '(11) 91234-5678' } },
  play: async () => {
    await screen.findByRole('dialog');
    await userEvent.upload(screen.getByLabelText('Photo'), await samplePhoto());
    const photo = await screen.findByRole('img', { name: 'Selected photo' });
    // Visible once the dialog has finished rising from opacity 0 (the upload can beat its first frame).
    await waitFor(() => expect(photo).toBeVisible());
    await expect(screen.getByRole('button', { name: 'Remove photo' })).toBeVisible();
  },
};

/** A file that is not an image, chosen anyway (drag and drop ignores `accept`). */
export const PhotoRejected: Story = {
  play: async () => {
    await screen.findByRole('dialog');
    const user = userEvent.setup({ applyAccept: false });
    await user.upload(screen.getByLabelText('Photo'), new File(['%PDF-1.7'], 'contract.pdf', { type: 'application/pdf' }));
    await waitFor(() => expect(screen.getByLabelText('Photo')).toHaveAttribute('aria-invalid', 'true'));
  },
};

/** Validation errors in the dark theme. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  play: showValidationErrors,
};

/** Filled, with the country read from the number, in the dark theme. */
export const DarkFilled: Story = {
  ...CountryFromNumber,
  globals: { theme: 'dark' },
};

const arabicMessages: ReachoutMessages = {
  'createContact.title': 'إنشاء جهة اتصال',
  'createContact.description': 'أضف شخصًا يمكنك إرسال إشعارات واتساب إليه.',
  'createContact.submit': 'إنشاء',
  'createContact.field.name': 'الاسم',
  'createContact.field.email': 'البريد الإلكتروني',
  'createContact.field.email.hint': 'اختياري',
  'createContact.field.phone': 'الهاتف',
  'createContact.field.country': 'الدولة',
  'createContact.field.phone.hint': 'اختر الدولة، أو ابدأ الرقم بـ + ورمز الدولة.',
  'createContact.field.photo': 'الصورة',
  'createContact.field.photo.choose': 'اختيار صورة',
  'createContact.field.photo.hint': 'اختياري. PNG أو JPEG أو GIF أو WebP، حتى {maxSize}.',
  'createContact.validation.nameRequired': 'أدخل اسمًا',
  'common.cancel': 'إلغاء',
  'common.close': 'إغلاق',
};

/** Right to left, in Arabic: labels, country names and layout mirror; numbers stay left to right. */
export const RightToLeft: Story = {
  globals: { dir: 'rtl' },
  args: { defaultCountry: 'EG', defaultValues: { email: 'layla@example.com', phone: '010 1234 5678' } },
  parameters: { reachout: { locale: 'ar-EG', messages: arabicMessages } satisfies ReachoutStoryParameters },
  play: async () => {
    const dialog = await screen.findByRole('dialog', { name: 'إنشاء جهة اتصال' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'إنشاء' }));
    await waitFor(() => expect(screen.getByLabelText('الاسم')).toHaveAttribute('aria-invalid', 'true'));
    await expect(screen.getByLabelText('الهاتف')).toHaveAttribute('dir', 'ltr');
  },
};

/** A phone-sized screen: the dialog takes the whole screen, Country above Phone. */
export const Mobile: Story = {
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  args: { defaultCountry: 'IN', defaultValues: { name: 'Priya Sharma' } },
  play: async () => {
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(dialog.getBoundingClientRect().width).toBe(window.innerWidth));
    await userEvent.click(field.create());
    await waitFor(() => expect(field.phone()).toHaveAttribute('aria-invalid', 'true'));
  },
};
