import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SendMessageWizard } from '../../../src/components/send-message-wizard';
import { ReachoutProvider } from '../../../src/data';
import { createMemoryProvider } from '../../../src/testing';

describe('SendMessageWizard on the server', () => {
  it('renders the wizard parts to a string with the first step current', () => {
    const provider = createMemoryProvider();
    const html = renderToString(
      createElement(
        ReachoutProvider,
        { dataProvider: provider },
        createElement(
          SendMessageWizard.Root,
          { contactId: 'contact-ana-lima' },
          createElement(SendMessageWizard.Panel, null, createElement(SendMessageWizard.Stepper)),
        ),
      ),
    );
    expect(html).toContain('aria-current="step"');
    expect(html).toContain('data-step="recipient"');
  });

  it('renders a closed dialog to nothing', () => {
    const provider = createMemoryProvider();
    const html = renderToString(
      createElement(ReachoutProvider, { dataProvider: provider }, createElement(SendMessageWizard, { contactId: 'contact-ana-lima' })),
    );
    expect(html).toBe('');
  });
});
