/** Cloud API error 131026, in plain words: what an unreachable number comes back with. */
export const undeliverableReason =
  'Message undeliverable: the number is not on WhatsApp or cannot receive messages (WhatsApp error 131026)';

/** Cloud API error 131049, in plain words. */
export const marketingLimitReason =
  'Message not delivered: WhatsApp limits how many marketing messages a person receives (WhatsApp error 131049)';
