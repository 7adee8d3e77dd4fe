import { composeStories, setProjectAnnotations } from '@storybook/react-vite';
import { cleanup, render, screen, within } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import previewAnnotations from '../../../.storybook/preview';
import { FormattedText, TemplatePreview } from '../../../src/components/template-preview';
import { formatWhatsAppText } from '../../../src/core/template';
import type { MessageTemplate, TemplateParameters } from '../../../src/core/types';
import { templatesByName } from '../../../src/testing/fixtures/templates';
import * as stories from '../../../stories/template-preview/TemplatePreview.stories';

// The stories' decorator and styles (the theme tokens and the widget's CSS).
setProjectAnnotations(previewAnnotations);
const { CustomVariable, Dark, LongText, RightToLeft, TranslatedMessages } = composeStories(stories);

afterEach(() => {
  cleanup();
});

function template(name: string): MessageTemplate {
  const found = templatesByName[name];
  if (found === undefined) throw new Error(`No fixture template named ${name}`);
  return found;
}

function renderPreview(name: string, parameters?: TemplateParameters) {
  render(<TemplatePreview template={template(name)} parameters={parameters} />);
  return screen.getByRole('group', { name: `Preview of ${name}` });
}

function part(root: HTMLElement, slot: string): HTMLElement {
  const element = root.querySelector<HTMLElement>(`[data-slot="${slot}"]`);
  if (element === null) throw new Error(`No ${slot} part`);
  return element;
}

function variable(root: HTMLElement, path: string): HTMLElement {
  const element = root.querySelector<HTMLElement>(`[data-variable="${path}"]`);
  if (element === null) throw new Error(`No variable ${path}`);
  return element;
}

describe('TemplatePreview', () => {
  it('is a group named after the template, so screen readers say what the preview shows', () => {
    const root = renderPreview('order_update');
    expect(root.getAttribute('data-slot')).toBe('template-preview');
  });

  it('renders WhatsApp formatting as strong, em, s, code and line breaks', () => {
    const root = renderPreview('plan_renewal', { body: { '1': 'Pro', '2': '1 July' } });
    const body = part(root, 'template-preview-body');
    expect([...body.querySelectorAll('strong')].map((element) => element.textContent)).toEqual(['Important:', '1 July']);
    expect(body.querySelector('em')?.textContent).toBe('Pro');
    expect(body.querySelector('s')?.textContent).toBe('Old price: $19/month');
    expect(body.querySelector('code')?.textContent).toBe('$15/month');
    expect(body.querySelectorAll('br')).toHaveLength(2);
    expect(body.textContent).not.toMatch(/[*_~]|```/);
  });

  it('shows markup and formatting markers in a value as typed, never as HTML', () => {
    const injected = '<img src=x onerror="document.body.dataset.injected = \'yes\'"> *not bold*';
    const root = renderPreview('order_update', { body: { '1': injected, '2': '<b>DHL</b>' } });
    const body = part(root, 'template-preview-body');
    expect(body.querySelector('img')).toBeNull();
    expect(body.querySelector('b')).toBeNull();
    expect(body.querySelector('strong')).toBeNull();
    expect(variable(root, 'body.1').textContent).toBe(injected);
    expect(variable(root, 'body.2').textContent).toBe('<b>DHL</b>');
    expect(document.body.dataset.injected).toBeUndefined();
  });

  it('marks unfilled variables with their placeholder and tells screen readers they are not filled in yet', () => {
    const root = renderPreview('appointment_reminder', { body: { first_name: 'Tom' } });
    const agent = variable(root, 'body.agent_name');
    expect(agent.dataset.state).toBe('unfilled');
    expect(agent.textContent).toBe('{{agent_name}} not filled in yet');
    // The description is for screen readers only: it takes no room on screen.
    const description = within(agent).getByText('not filled in yet');
    expect(description.getBoundingClientRect().width).toBeLessThanOrEqual(1);
    expect(variable(root, 'header.appointment_date').dataset.state).toBe('unfilled');
  });

  it('marks filled variables with their value, everywhere the variable appears', () => {
    const root = renderPreview('seasonal_promo', { body: { first_name: 'Jessica' } });
    const firstNames = root.querySelectorAll<HTMLElement>('[data-variable="body.first_name"]');
    expect(firstNames).toHaveLength(2);
    for (const element of firstNames) {
      expect(element.dataset.state).toBe('filled');
      expect(element.textContent).toBe('Jessica');
    }
  });

  it('says whether the template is complete through data-complete', () => {
    const incomplete = renderPreview('order_update', { body: { '1': 'Maria', '2': 'DHL', '3': 'Friday' } });
    expect(incomplete.hasAttribute('data-complete')).toBe(false);
    cleanup();
    const complete = renderPreview('order_update', {
      header: { type: 'text', text: '#10423' },
      body: { '1': 'Maria', '2': 'DHL', '3': 'Friday' },
    });
    expect(complete.hasAttribute('data-complete')).toBe(true);
  });

  it('shows the header image with an alt text when a link is given', () => {
    const link = 'data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==';
    const root = renderPreview('seasonal_promo', { header: { type: 'image', link } });
    const image = within(root).getByRole('img', { name: 'Header image' });
    expect(image.getAttribute('src')).toBe(link);
    expect(part(root, 'template-preview-header').dataset.state).toBe('filled');
  });

  it('does not request a header image link that is not a URL, and shows the placeholder', () => {
    const root = renderPreview('seasonal_promo', { header: { type: 'image', link: 'not a url' } });
    expect(within(root).queryByRole('img')).toBeNull();
    expect(root.querySelector('img')).toBeNull();
  });

  it('falls back to the placeholder when the header image cannot be loaded', async () => {
    const root = renderPreview('seasonal_promo', { header: { type: 'image', link: 'data:image/png;base64,AAAA' } });
    expect(await within(root).findByText('The image couldn’t be loaded')).toBeTruthy();
    expect(within(root).queryByRole('img')).toBeNull();
  });

  it('shows a marked placeholder for a media header with nothing chosen yet', () => {
    const root = renderPreview('seasonal_promo');
    const header = part(root, 'template-preview-header');
    expect(header.dataset.type).toBe('image');
    expect(header.dataset.state).toBe('unfilled');
    expect(header.textContent).toBe('Image not filled in yet');
    expect(within(root).queryByRole('img')).toBeNull();
  });

  it('names the video file, the document and the place of a location header', () => {
    const video = renderPreview('product_launch_video', {
      header: { type: 'video', link: 'https://cdn.example.com/launch/aero%20x2.mp4?token=1' },
    });
    expect(part(video, 'template-preview-media-detail').textContent).toBe('aero x2.mp4');
    cleanup();
    const document = renderPreview('invoice_ready', {
      header: { type: 'document', link: 'https://cdn.example.com/f/123', filename: 'INV-2025-0042.pdf' },
    });
    expect(part(document, 'template-preview-media-detail').textContent).toBe('INV-2025-0042.pdf');
    cleanup();
    const location = renderPreview('pickup_ready', {
      header: { type: 'location', latitude: 40.74, longitude: -73.99, name: 'Acme Store', address: '200 5th Ave' },
    });
    expect(part(location, 'template-preview-header').dataset.type).toBe('location');
    expect(part(location, 'template-preview-media-detail').textContent).toBe('Acme Store · 200 5th Ave');
  });

  it('lists the buttons as items keyboard users never tab into', async () => {
    render(
      <>
        <button type="button">Before</button>
        <TemplatePreview template={template('seasonal_promo')} />
        <button type="button">After</button>
      </>,
    );
    const list = screen.getByRole('list', { name: 'Buttons' });
    expect(within(list).getAllByRole('listitem').map((item) => item.dataset.type)).toEqual(['url', 'quick-reply', 'quick-reply']);
    const root = screen.getByRole('group', { name: 'Preview of seasonal_promo' });
    expect(within(root).queryAllByRole('button')).toEqual([]);
    expect(within(root).queryAllByRole('link')).toEqual([]);

    screen.getByRole('button', { name: 'Before' }).focus();
    await userEvent.keyboard('{Tab}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'After' }));
  });

  it('shows what each button does: its URL, phone number or code', () => {
    const support = renderPreview('support_callback');
    const details = [...support.querySelectorAll('[data-slot="template-preview-button-detail"]')].map(
      (detail) => detail.textContent,
    );
    expect(details).toEqual(['+15550123456', 'https://help.example.com/contact']);
    cleanup();

    const promo = renderPreview('seasonal_promo');
    expect(part(promo, 'template-preview-button-detail').textContent).toBe(
      'https://shop.example.com/sale/{{1}} not filled in yet',
    );
    expect(variable(promo, 'buttons.0').dataset.state).toBe('unfilled');
    cleanup();

    const discount = renderPreview('discount_code', { buttons: { 1: '25OFF' } });
    const code = variable(discount, 'buttons.1');
    expect(code.dataset.state).toBe('filled');
    expect(code.textContent).toBe('25OFF');
    expect(within(discount).getByText('Copy offer code')).toBeTruthy();
  });

  it('merges className, spreads props, lets aria-label be overridden and forwards the ref', () => {
    const ref = createRef<HTMLDivElement>();
    render(
      <TemplatePreview
        ref={ref}
        template={template('order_update')}
        className="host-preview"
        id="preview"
        data-testid="preview"
        aria-label="Message preview"
        style={{ maxInlineSize: '20rem' }}
      />,
    );
    const root = screen.getByRole('group', { name: 'Message preview' });
    expect(ref.current).toBe(root);
    expect(root.className).toBe('reachout-template-preview host-preview');
    expect(root.id).toBe('preview');
    expect(root.dataset.testid).toBe('preview');
    expect(root.style.maxInlineSize).toBe('20rem');
  });

  it('drops every Reachout class when unstyled and keeps the data attributes', () => {
    render(
      <TemplatePreview
        template={template('seasonal_promo')}
        parameters={{ body: { first_name: 'Jessica' } }}
        unstyled
        className="host-preview"
      />,
    );
    const root = screen.getByRole('group', { name: 'Preview of seasonal_promo' });
    expect(root.className).toBe('host-preview');
    expect(root.querySelectorAll('[class*="reachout-"]')).toHaveLength(0);
    const slots = new Set([...root.querySelectorAll<HTMLElement>('[data-slot]')].map((element) => element.dataset.slot));
    expect([...slots].sort()).toEqual([
      'template-preview-body',
      'template-preview-bubble',
      'template-preview-button',
      'template-preview-button-detail',
      'template-preview-button-icon',
      'template-preview-button-label',
      'template-preview-button-text',
      'template-preview-buttons',
      'template-preview-footer',
      'template-preview-header',
      'template-preview-media',
      'template-preview-media-icon',
      'template-preview-media-label',
      'template-preview-variable',
    ]);
    expect(variable(root, 'body.first_name').dataset.state).toBe('filled');
    // Screen-reader text stays hidden without our CSS.
    expect(within(root).getAllByText('not filled in yet')[0]?.getBoundingClientRect().width).toBeLessThanOrEqual(1);
  });

  it('lets Arabic text run right to left inside a left-to-right page, in the template’s language', () => {
    const arabic = renderPreview('order_status_ar', { body: { '1': 'أحمد' } });
    for (const slot of ['template-preview-header', 'template-preview-body', 'template-preview-footer']) {
      const element = part(arabic, slot);
      expect(element.getAttribute('dir')).toBe('auto');
      expect(element.getAttribute('lang')).toBe('ar');
      expect(element.matches(':dir(rtl)')).toBe(true);
    }
    expect(part(arabic, 'template-preview-button-text').matches(':dir(rtl)')).toBe(true);
    cleanup();
    const portuguese = renderPreview('pedido_confirmado');
    expect(part(portuguese, 'template-preview-body').getAttribute('lang')).toBe('pt-BR');
    expect(part(portuguese, 'template-preview-body').matches(':dir(ltr)')).toBe(true);
  });

  it('keeps an Arabic template right to left in a right-to-left page', () => {
    render(<RightToLeft />);
    const root = screen.getByRole('group', { name: 'Preview of order_status_ar' });
    expect(part(root, 'template-preview-body').matches(':dir(rtl)')).toBe(true);
  });

  it('wraps a value over 1,000 characters instead of widening the preview', () => {
    render(
      <div style={{ inlineSize: 360 }}>
        <LongText />
      </div>,
    );
    const root = screen.getByRole('group', { name: 'Preview of order_update' });
    const body = part(root, 'template-preview-body');
    expect(variable(root, 'body.1').textContent?.length).toBeGreaterThan(1000);
    expect(root.getBoundingClientRect().width).toBeLessThanOrEqual(360);
    expect(body.scrollWidth).toBeLessThanOrEqual(body.clientWidth);
    expect(root.scrollWidth).toBeLessThanOrEqual(root.clientWidth);
  });

  it('uses the dark theme colours inside .reachout-theme-dark', () => {
    render(<Dark />);
    const root = screen.getByRole('group', { name: 'Preview of seasonal_promo' });
    expect(getComputedStyle(part(root, 'template-preview-bubble')).backgroundColor).toBe('rgb(32, 44, 51)');
  });

  it('renders the Variable given in components, e.g. to ring the field being edited', () => {
    render(<CustomVariable />);
    const root = screen.getByRole('group', { name: 'Preview of order_update' });
    const active = root.querySelector<HTMLElement>('[data-active]');
    expect(active?.dataset.variable).toBe('body.2');
    expect(active?.dataset.state).toBe('unfilled');
  });

  it('takes its messages and locale from a ReachoutProvider when there is one', () => {
    render(<TranslatedMessages />);
    const root = screen.getByRole('group', { name: 'Pré-visualização de pedido_confirmado' });
    expect(variable(root, 'body.2').textContent).toBe('{{2}} ainda não preenchido');
    expect(within(variable(root, 'body.2')).getByText('ainda não preenchido').getAttribute('lang')).toBe('pt-BR');
  });
});

describe('FormattedText', () => {
  it('renders nested formatting without a wrapper element', () => {
    const { container } = render(
      <p>
        <FormattedText nodes={formatWhatsAppText('Hi *bold _both_* and ~gone~\n```code```')} />
      </p>,
    );
    const paragraph = container.querySelector('p');
    expect(paragraph?.innerHTML).toBe(
      'Hi <strong>bold <em>both</em></strong> and <s>gone</s><br><code>code</code>',
    );
  });
});
