import { cleanup, render, screen } from '@testing-library/react';
import { createRef } from 'react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { SendMessageWizard, SendMessageWizardStepper } from '../../../src/components/send-message-wizard';
import { ReachoutProvider } from '../../../src/data';
import { createMemoryProvider } from '../../../src/testing';
import { anaLima } from './helpers';

afterEach(cleanup);

function renderParts(children: ReactNode, rootProps: { unstyled?: boolean; className?: string } = {}) {
  const provider = createMemoryProvider();
  const ref = createRef<HTMLDivElement>();
  render(
    <ReachoutProvider dataProvider={provider}>
      <SendMessageWizard.Root contactId={anaLima}>
        <SendMessageWizard.Panel ref={ref} data-testid="root" {...rootProps}>
          {children}
        </SendMessageWizard.Panel>
      </SendMessageWizard.Root>
    </ReachoutProvider>,
  );
  return { ref };
}

describe('SendMessageWizard parts', () => {
  it('throws a clear error when a part is used outside the Panel', () => {
    const provider = createMemoryProvider();
    expect(() =>
      render(
        <ReachoutProvider dataProvider={provider}>
          <SendMessageWizardStepper />
        </ReachoutProvider>,
      ),
    ).toThrow('<SendMessageWizard.Stepper> must be used inside <SendMessageWizard.Panel> (SendMessageWizardPanel).');
  });

  it('throws a clear error when the Panel is used outside the Root', () => {
    const provider = createMemoryProvider();
    expect(() =>
      render(
        <ReachoutProvider dataProvider={provider}>
          <SendMessageWizard.Panel />
        </ReachoutProvider>,
      ),
    ).toThrow('<SendMessageWizard.Panel> must be used inside <SendMessageWizard.Root> (SendMessageWizardRoot).');
  });

  it('forwards the ref, spreads props and merges the class on the Panel', () => {
    const { ref } = renderParts(<SendMessageWizard.Stepper className="host-stepper" data-testid="stepper" />, { className: 'host-root' });
    const root = screen.getByTestId('root');
    expect(ref.current).toBe(root);
    expect(root.className).toBe('reachout-send-message-wizard host-root');
    expect(root.dataset['step']).toBe('recipient');
    expect(screen.getByTestId('stepper').className).toBe('reachout-send-message-wizard__stepper host-stepper');
  });

  it('keeps data attributes but drops Reachout classes when unstyled', () => {
    renderParts(<SendMessageWizard.Stepper className="host-stepper" data-testid="stepper" />, { unstyled: true });
    const stepper = screen.getByTestId('stepper');
    expect(stepper.className).toBe('host-stepper');
    expect(stepper.dataset['slot']).toBe('send-message-wizard-stepper');
    expect(screen.getByTestId('root').getAttribute('class')).toBeNull();
  });

  it('marks only the current step with aria-current="step"', () => {
    renderParts(<SendMessageWizard.Stepper />);
    const items = screen.getAllByRole('listitem');
    expect(items.map((item) => item.getAttribute('aria-current'))).toEqual(['step', null, null, null, null]);
    expect(items.map((item) => item.dataset['state'])).toEqual(['current', 'upcoming', 'upcoming', 'upcoming', 'upcoming']);
  });

  it('lets a host render its own layout from the wizard state', async () => {
    const provider = createMemoryProvider();
    render(
      <ReachoutProvider dataProvider={provider}>
        <SendMessageWizard.Root contactId={anaLima}>
          <SendMessageWizard.Panel>{(wizard) => <p>Step: {wizard.step}</p>}</SendMessageWizard.Panel>
        </SendMessageWizard.Root>
      </ReachoutProvider>,
    );
    expect(screen.getByText('Step: recipient')).toBeTruthy();
  });
});
