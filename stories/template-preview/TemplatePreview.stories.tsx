import type { Meta, StoryObj } from '@storybook/react-vite';
import { TemplatePreview } from '../../src/components/template-preview';
import type { TemplatePreviewVariableProps } from '../../src/components/template-preview';
import { parseTemplate, resolveTemplateParameters } from '../../src/core/template';
import type { TemplateVariablePath } from '../../src/core/template';
import type { MessageTemplate, TemplateParameters } from '../../src/core/types';
import { templatesByName } from '../../src/testing/fixtures/templates';
import { ReachoutStory } from '../support/ReachoutStory';

const meta = {
  title: 'Widgets/TemplatePreview',
  component: TemplatePreview,
  parameters: {
    docs: {
      description: {
        component:
          'How the customer will see a WhatsApp template: header, formatted body, footer and buttons, with unfilled variables marked. Needs no data provider.',
      },
    },
  },
} satisfies Meta<typeof TemplatePreview>;

export default meta;
type Story = StoryObj<typeof meta>;

function templateNamed(name: string): MessageTemplate {
  const template = templatesByName[name];
  if (template === undefined) throw new Error(`No fixture template named ${name}`);
  return template;
}

// A local picture: Meta's example links expire, and story tests run without a network.
const sampleImage = `data:image/svg+xml,${encodeURIComponent(
  `<svg xmlns="http://www.w3.org/2000/svg" width="764" height="400" viewBox="0 0 764 400">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#0a7c66"/><stop offset="1" stop-color="#7bd3b9"/>
    </linearGradient></defs>
    <rect width="764" height="400" fill="url(#g)"/>
    <circle cx="640" cy="90" r="120" fill="#ffffff" fill-opacity="0.12"/>
    <circle cx="110" cy="360" r="150" fill="#ffffff" fill-opacity="0.1"/>
    <text x="60" y="215" font-family="system-ui, sans-serif" font-size="72" font-weight="700" fill="#ffffff">Spring Sale</text>
    <text x="62" y="275" font-family="system-ui, sans-serif" font-size="32" fill="#ffffff">Up to 25% off everything</text>
  </svg>`,
)}`;

/** Every variable filled with the example Meta stores with the template; media from samples. */
function exampleParameters(template: MessageTemplate): TemplateParameters {
  const parsed = parseTemplate(template);
  const values: Partial<Record<TemplateVariablePath, string>> = {};
  for (const variable of parsed.variables) {
    if (variable.example !== null) values[variable.path] = variable.example;
  }
  const exampleLink = parsed.header !== null && parsed.header.format !== 'TEXT' ? parsed.header.exampleLink : null;
  let headerMedia: TemplateParameters['header'];
  switch (parsed.mediaHeader) {
    case 'image':
      headerMedia = { type: 'image', link: sampleImage };
      break;
    case 'video':
    case 'document':
      headerMedia = exampleLink === null ? undefined : { type: parsed.mediaHeader, link: exampleLink };
      break;
    case 'location':
      headerMedia = {
        type: 'location',
        latitude: 40.7411,
        longitude: -73.9897,
        name: 'Acme Store Flatiron',
        address: '200 5th Ave, New York, NY 10010',
      };
      break;
    case null:
      headerMedia = undefined;
      break;
    default:
      headerMedia = parsed.mediaHeader satisfies never;
  }
  return resolveTemplateParameters({ template, values, headerMedia });
}

function unfilled(name: string): Story {
  return { args: { template: templateNamed(name) } };
}

function filled(name: string): Story {
  const template = templateNamed(name);
  return { args: { template, parameters: exampleParameters(template) } };
}

// One story per fixture template, as it looks before and after the agent fills it in.
export const OrderUpdate = unfilled('order_update');
export const OrderUpdateFilled = filled('order_update');
export const SeasonalPromo = unfilled('seasonal_promo');
export const SeasonalPromoFilled = filled('seasonal_promo');
export const AppointmentReminder = unfilled('appointment_reminder');
export const AppointmentReminderFilled = filled('appointment_reminder');
export const ProductLaunchVideo = unfilled('product_launch_video');
export const ProductLaunchVideoFilled = filled('product_launch_video');
export const InvoiceReady = unfilled('invoice_ready');
export const InvoiceReadyFilled = filled('invoice_ready');
export const PickupReady = unfilled('pickup_ready');
export const PickupReadyFilled = filled('pickup_ready');
export const DiscountCode = unfilled('discount_code');
export const DiscountCodeFilled = filled('discount_code');
export const SupportCallback = unfilled('support_callback');
export const SupportCallbackFilled = filled('support_callback');
export const PlanRenewal = unfilled('plan_renewal');
export const PlanRenewalFilled = filled('plan_renewal');
export const PedidoConfirmado = unfilled('pedido_confirmado');
export const PedidoConfirmadoFilled = filled('pedido_confirmado');
export const OrderStatusArabic = unfilled('order_status_ar');
export const OrderStatusArabicFilled = filled('order_status_ar');
export const WinterNewsletterPending = unfilled('winter_newsletter');
export const WinterNewsletterPendingFilled = filled('winter_newsletter');
export const AccountAlertRejected = unfilled('account_alert');
export const AccountAlertRejectedFilled = filled('account_alert');

const partlyFilledPromo: TemplateParameters = {
  header: { type: 'image', link: sampleImage },
  body: { first_name: 'Jessica', discount: '25%' },
};

/** Some variables filled (highlighted), some not yet (dashed), as while the agent types. */
export const PartlyFilled: Story = {
  args: { template: templateNamed('seasonal_promo'), parameters: partlyFilledPromo },
};

export const Dark: Story = {
  args: { template: templateNamed('seasonal_promo'), parameters: partlyFilledPromo },
  globals: { theme: 'dark' },
};

export const DarkLocationAndCode: Story = {
  ...filled('pickup_ready'),
  globals: { theme: 'dark' },
};

export const DarkUnfilledDocument: Story = {
  ...unfilled('invoice_ready'),
  globals: { theme: 'dark' },
};

/** A right-to-left page with an Arabic template. */
export const RightToLeft: Story = {
  ...filled('order_status_ar'),
  globals: { dir: 'rtl' },
};

/** An English template in a right-to-left page: the text stays left to right. */
export const RightToLeftPageEnglishTemplate: Story = {
  ...filled('seasonal_promo'),
  globals: { dir: 'rtl' },
};

const longValue = [
  'Maria 👩🏽‍💻🚚📦',
  'Markup in a value is shown as typed, never run: <b>not bold</b> <img src=x onerror="alert(1)"> *not bold either*.',
  `A link with no spaces: https://tracking.example.com/${'a1b2c3d4e5'.repeat(20)}`,
  'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. 🎉'.repeat(6),
].join(' ');

/** A value over 1,000 characters, with emoji, markup and an unbroken link: it wraps. */
export const LongText: Story = {
  args: {
    template: templateNamed('order_update'),
    parameters: {
      header: { type: 'text', text: '#10423-ABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789-ABCDEFGHIJ' },
      body: { '1': longValue, '2': 'DHL Express <script>alert(1)</script>', '3': 'Friday, 14 March' },
    },
  },
};

/** The image link cannot be loaded (an expired example link, say): the placeholder says so. */
export const ImageUnavailable: Story = {
  args: {
    template: templateNamed('seasonal_promo'),
    parameters: {
      ...exampleParameters(templateNamed('seasonal_promo')),
      // `.invalid` never resolves (RFC 2606), with or without a network.
      header: { type: 'image', link: 'https://media.example.invalid/spring-sale.jpg' },
    },
  },
};

/** No Reachout classes: the markup and data attributes a host styles on its own. */
export const Unstyled: Story = {
  args: { ...filled('support_callback').args, unstyled: true },
};

function ActiveVariable({ node, ...props }: TemplatePreviewVariableProps) {
  const active = node.path === 'body.2';
  return (
    <TemplatePreview.Variable
      node={node}
      data-active={active ? '' : undefined}
      style={active ? { outline: '2px solid var(--reachout-color-focus-ring)', outlineOffset: 1 } : undefined}
      {...props}
    />
  );
}

/** `components.Variable` wraps the default part, e.g. to ring the variable being edited. */
export const CustomVariable: Story = {
  args: {
    template: templateNamed('order_update'),
    parameters: { body: { '1': 'Maria' } },
    components: { Variable: ActiveVariable },
  },
};

/** Inside a `<ReachoutProvider>`, the preview takes its messages and locale. */
export const TranslatedMessages: Story = {
  args: { template: templateNamed('pedido_confirmado'), parameters: { body: { '1': 'João' } } },
  render: (args) => (
    <ReachoutStory
      locale="pt-BR"
      messages={{
        'templatePreview.label': 'Pré-visualização de {name}',
        'templatePreview.variable.unfilled': 'ainda não preenchido',
      }}
    >
      <TemplatePreview {...args} />
    </ReachoutStory>
  ),
};
