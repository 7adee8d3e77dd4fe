import { cleanup, render, screen } from '@testing-library/react';
import { userEvent } from 'vitest/browser';
import { afterEach, describe, expect, it } from 'vitest';
import { TemplateContentFields, useTemplateContent } from '../../../src/components/template-steps';
import type { MessageTemplate } from '../../../src/core';
import { ReachoutProvider } from '../../../src/data';
import { createMemoryProvider, templatesByName } from '../../../src/testing';

afterEach(cleanup);

function fixture(name: string): MessageTemplate {
  const template = templatesByName[name];
  if (template === undefined) throw new Error(`fixture ${name} is missing`);
  return template;
}

function Fields({ template }: { template: MessageTemplate }) {
  const content = useTemplateContent({ template });
  return <TemplateContentFields content={content} />;
}

function renderFields(name: string) {
  render(
    <ReachoutProvider dataProvider={createMemoryProvider()}>
      <Fields template={fixture(name)} />
    </ReachoutProvider>,
  );
}

describe('TemplateContentFields, a calm content step (#17 item 15)', () => {
  it('labels named variables with their human name and shows the example as the placeholder', () => {
    renderFields('seasonal_promo');
    expect(screen.queryByLabelText('Body {{first_name}}')).toBeNull();
    expect(screen.getByRole('textbox', { name: 'First name' }).getAttribute('placeholder')).toBe('Jessica');
    expect(screen.getByRole('textbox', { name: 'Sale name' }).getAttribute('placeholder')).toBe('Spring Sale');
    expect(screen.getByRole('textbox', { name: 'End date' }).getAttribute('placeholder')).toBe('31 March');
    expect(document.body.textContent).not.toContain('Example:');
  });

  it('shows no character counter until a value comes near its limit', async () => {
    renderFields('order_update');
    expect(document.body.textContent).not.toMatch(/characters?/);
    const header = screen.getByRole('textbox', { name: 'Header {{1}}' });
    // "Order {{1}} has shipped": 18 characters of its own, 60 for the whole header.
    await userEvent.fill(header, 'x'.repeat(29));
    expect(document.body.textContent).not.toMatch(/characters?/);
    await userEvent.type(header, 'x');
    const counter = screen.getByText('48 / 60 characters');
    expect((header.getAttribute('aria-describedby') ?? '').split(' ')).toContain(counter.id);
    // The message's own counter stays away while the body is short.
    expect(screen.queryByText(/Message:/)).toBeNull();
  });
});
