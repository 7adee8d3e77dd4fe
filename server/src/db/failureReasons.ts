import type { DeliveryStatusUpdate } from '../backend';

/** What an unreachable number comes back with (Cloud API error 131026). */
export const undeliverableError = { code: 131026, title: 'Message undeliverable' } as const;

/** Cloud API errors people meet, in plain words (the memory provider says the same). */
const reasonsByCode: Record<number, string> = {
  131026: 'Message undeliverable: the number is not on WhatsApp or cannot receive messages (WhatsApp error 131026)',
  131049: 'Message not delivered: WhatsApp limits how many marketing messages a person receives (WhatsApp error 131049)',
};

/** The ticket's `failureReason` for a failed status. */
export function failureReasonOf(error: DeliveryStatusUpdate['error']): string {
  if (!error) return 'WhatsApp could not deliver the message';
  const known = reasonsByCode[error.code];
  if (known) return known;
  const details = error.details ? `: ${error.details}` : '';
  return `${error.title}${details} (WhatsApp error ${error.code})`;
}
