/** A Cloud API error as a failed delivery status carries it. */
export interface WhatsAppError {
  code: number;
  title: string;
  details?: string;
}

/** What an unreachable number comes back with (Cloud API error 131026). */
export const undeliverableError = { code: 131026, title: 'Message undeliverable' } as const satisfies WhatsAppError;

/** Cloud API error 131049: WhatsApp's cap on the marketing messages one person receives. */
export const marketingLimitError = {
  code: 131049,
  title: 'This message was not delivered to maintain healthy ecosystem engagement',
} as const satisfies WhatsAppError;

/** The Cloud API errors people meet, in plain words. */
const reasonsByCode: Readonly<Record<number, string>> = {
  [undeliverableError.code]:
    'Message undeliverable: the number is not on WhatsApp or cannot receive messages (WhatsApp error 131026)',
  [marketingLimitError.code]:
    'Message not delivered: WhatsApp limits how many marketing messages a person receives (WhatsApp error 131049)',
};

/**
 * A ticket's `notification.failureReason` for a failed delivery status: plain words for the
 * errors people meet, else the error's own title and details with its code.
 *
 * @example
 * failureReasonOf({ code: 131026, title: 'Message undeliverable' });
 * // 'Message undeliverable: the number is not on WhatsApp or cannot receive messages (WhatsApp error 131026)'
 */
export function failureReasonOf(error: WhatsAppError | undefined): string {
  if (!error) return 'WhatsApp could not deliver the message';
  const known = reasonsByCode[error.code];
  if (known !== undefined) return known;
  const details = error.details ? `: ${error.details}` : '';
  return `${error.title}${details} (WhatsApp error ${error.code})`;
}
