import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from 'vitest/browser';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TemplateContentFields, TemplatePicker, useTemplateContent } from '../../../src/components/template-steps';
import type { UseTemplateContentResult } from '../../../src/components/template-steps';
import type { MessageTemplate } from '../../../src/core';
import { ReachoutProvider } from '../../../src/data';
import { createMemoryProvider } from '../../../src/testing';

afterEach(cleanup);

/** A host of its own, without SendMessageWizard: the picker and the content fields over local state. */
function StandaloneSteps({ onContent }: { onContent: (content: UseTemplateContentResult) => void }) {
  const [template, setTemplate] = useState<MessageTemplate | null>(null);
  const content = useTemplateContent({ template });
  onContent(content);
  return (
    <>
      <TemplatePicker senderId="sender-support" value={template} onValueChange={setTemplate} data-testid="picker" />
      {template !== null && (
        <TemplateContentFields
          content={content}
          data-testid="content"
          renderVariableSource={(variable) => <span data-testid={`source-${variable.path}`} />}
        />
      )}
    </>
  );
}

describe('template steps outside SendMessageWizard', () => {
  it('chooses a template and fills its variables with state held by the host, not by a wizard', async () => {
    let latest: UseTemplateContentResult | undefined;
    render(
      <ReachoutProvider dataProvider={createMemoryProvider()}>
        <StandaloneSteps onContent={(content) => (latest = content)} />
      </ReachoutProvider>,
    );
    expect(screen.getByRole('searchbox', { name: 'Search templates' })).toBeTruthy();
    await userEvent.click(await screen.findByRole('radio', { name: /order_update/ }));
    const content = await screen.findByTestId('content');
    expect(content.className).toBe('reachout-template-steps__content-layout');
    expect(screen.getByTestId('picker').dataset['slot']).toBe('template-steps-template-picker');
    // A slot per header and body variable, where a campaign can bind it to a contact field.
    expect(screen.getByTestId('source-body.1')).toBeTruthy();
    expect(latest?.isValid).toBe(false);

    const fields = within(content).getAllByRole('textbox');
    await userEvent.type(fields[0]!, '#10423');
    await userEvent.type(fields[1]!, 'Ana');
    await userEvent.type(fields[2]!, 'DHL');
    await userEvent.type(fields[3]!, 'Friday');
    await waitFor(() => expect(latest?.isValid).toBe(true));
    expect(latest?.parameters).toEqual({ header: { type: 'text', text: '#10423' }, body: { '1': 'Ana', '2': 'DHL', '3': 'Friday' } });
    expect(content.textContent).toContain('Hi Ana, good news: your order is on its way with DHL.');
  });

  it('reports every change to a host that owns the values', async () => {
    const onValuesChange = vi.fn();
    const template = (await createMemoryProvider().listTemplates({ senderId: 'sender-support', search: 'order_update' })).items[0]!;
    function Owned() {
      const content = useTemplateContent({ template, values: { variables: { 'body.2': 'DHL' }, bindings: {}, headerMedia: null }, onValuesChange });
      return <TemplateContentFields content={content} />;
    }
    render(
      <ReachoutProvider dataProvider={createMemoryProvider()}>
        <Owned />
      </ReachoutProvider>,
    );
    await userEvent.type(screen.getAllByRole('textbox')[1]!, 'A');
    expect(onValuesChange).toHaveBeenLastCalledWith({ variables: { 'body.2': 'DHL', 'body.1': 'A' }, bindings: {}, headerMedia: null });
  });
});
