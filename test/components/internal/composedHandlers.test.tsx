import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import type { FormEvent, MouseEvent, ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CreateContactDialog } from '../../../src/components/create-contact-dialog';
import { TicketsTab } from '../../../src/components/tickets-tab';
import { ReachoutProvider } from '../../../src/data';
import { createMemoryProvider } from '../../../src/testing';
import type { MemoryProvider } from '../../../src/testing';
import { callsOf, field } from '../create-contact-dialog/helpers';

afterEach(() => {
  cleanup();
});

function Providers({ provider, children }: { provider: MemoryProvider; children: ReactNode }) {
  return <ReachoutProvider dataProvider={provider}>{children}</ReachoutProvider>;
}

function Tickets({ provider, onClick }: { provider: MemoryProvider; onClick: (event: MouseEvent<HTMLButtonElement>) => void }) {
  return (
    <Providers provider={provider}>
      <TicketsTab.Root contactId="contact-priya-sharma" pageSize={2}>
        <TicketsTab.Table />
        <TicketsTab.LoadMore onClick={onClick} />
      </TicketsTab.Root>
    </Providers>
  );
}

describe('host handlers on parts', () => {
  it("LoadMore runs the host's onClick and still loads the next page", async () => {
    const provider = createMemoryProvider();
    const onClick = vi.fn();
    render(<Tickets provider={provider} onClick={onClick} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Load more' }));
    expect(onClick).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(callsOf(provider, 'listTickets')).toHaveLength(2));
  });

  it('LoadMore loads nothing when the host calls preventDefault', async () => {
    const provider = createMemoryProvider();
    render(<Tickets provider={provider} onClick={(event) => event.preventDefault()} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Load more' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(callsOf(provider, 'listTickets')).toHaveLength(1);
  });

  function Dialog({ provider, onSubmit }: { provider: MemoryProvider; onSubmit: (event: FormEvent<HTMLFormElement>) => void }) {
    const [open, setOpen] = useState(true);
    return (
      <Providers provider={provider}>
        <CreateContactDialog.Root open={open} onOpenChange={setOpen}>
          <CreateContactDialog.Content>
            <CreateContactDialog.Title>New</CreateContactDialog.Title>
            <CreateContactDialog.Form onSubmit={onSubmit}>
              <CreateContactDialog.NameField />
              <CreateContactDialog.PhoneField />
              <CreateContactDialog.Submit>Save</CreateContactDialog.Submit>
            </CreateContactDialog.Form>
          </CreateContactDialog.Content>
        </CreateContactDialog.Root>
      </Providers>
    );
  }

  it("CreateContactDialog.Form runs the host's onSubmit, then creates the contact", async () => {
    const provider = createMemoryProvider();
    const onSubmit = vi.fn();
    const user = userEvent.setup();
    render(<Dialog provider={provider} onSubmit={onSubmit} />);
    await user.type(field.name(), 'Rosalind Franklin');
    await user.type(field.phone(), '+44 20 7946 0002');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(callsOf(provider, 'createContact')).toHaveLength(1));
  });

  it('CreateContactDialog.Form creates nothing when the host calls preventDefault', async () => {
    const provider = createMemoryProvider();
    const user = userEvent.setup();
    render(<Dialog provider={provider} onSubmit={(event) => event.preventDefault()} />);
    await user.type(field.name(), 'Rosalind Franklin');
    await user.type(field.phone(), '+44 20 7946 0002');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(callsOf(provider, 'createContact')).toHaveLength(0);
  });
});
