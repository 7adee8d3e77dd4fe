import { useEffect, useRef } from 'react';
import { useContact } from 'reachout';
import type { DemoNotice } from './notice';
import type { ServerConfig } from './serverConfig';
import { simulateCustomerReply, SimulateReplyError } from './simulateCustomerReply';

export interface SimulateReplyButtonProps {
  config: ServerConfig;
  /** The selected contact, who "replies". */
  contactId: string;
  /** Says what is happening and what happened, in the header's status line. */
  onNotice: (notice: DemoNotice) => void;
}

/**
 * "Simulate customer reply": stands in for the customer's phone. The server records an inbound
 * WhatsApp message from the contact, which opens the 24-hour window; the Chats tab unlocks live.
 */
export function SimulateReplyButton({ config, contactId, onNotice }: SimulateReplyButtonProps) {
  const { data: contact } = useContact(contactId);
  const inFlight = useRef<AbortController | null>(null);

  // A request still running when the contact changes (the button is keyed by it) is dropped.
  useEffect(() => () => inFlight.current?.abort(), []);

  const simulate = async () => {
    // One reply per click, however fast the clicks come; the button stays focusable meanwhile.
    if (inFlight.current !== null) return;
    const controller = new AbortController();
    inFlight.current = controller;
    const name = contact?.name ?? 'The contact';
    onNotice({ tone: 'info', text: `Sending a WhatsApp reply from ${name}…` });
    try {
      await simulateCustomerReply(config, contactId, controller.signal);
      onNotice({ tone: 'success', text: `${name} replied on WhatsApp: the 24-hour reply window is open (see Chats).` });
    } catch (error) {
      if (controller.signal.aborted) return;
      const reason = error instanceof SimulateReplyError ? error.message : 'Something went wrong. Try again.';
      onNotice({ tone: 'error', text: `The reply couldn’t be simulated. ${reason}` });
    } finally {
      if (inFlight.current === controller) inFlight.current = null;
    }
  };

  return (
    <button type="button" className="demo-button demo-simulate-reply" data-variant="secondary" onClick={() => void simulate()}>
      <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false" className="demo-button__icon">
        <path d="M8 4 3 9l5 5v-3c4 0 7 1 9 5-1-5-4-9-9-10V4z" />
      </svg>
      Simulate customer reply
    </button>
  );
}
