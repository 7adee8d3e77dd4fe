// The rules every provider keeps, whatever stores its data: the memory provider, the reference
// server and a host's own backend call these rather than restate them.
export {
  decodeCursor,
  encodeCursor,
  invalidCursorError,
  isCursorTimestamp,
  pageLimits,
  resolveLimit,
} from './cursor';
export type { CursorList, CursorPart, CursorPosition, DecodedCursor } from './cursor';
export { failureReasonOf, marketingLimitError, undeliverableError } from './failureReasons';
export type { WhatsAppError } from './failureReasons';
export { errorCodeForHttpStatus, httpStatusByErrorCode, httpStatusForErrorCode } from './httpStatus';
export { idempotencyConflictError, stableStringify } from './idempotency';
export {
  agentMatchesSearch,
  contactMatchesSearch,
  contactSearchFields,
  foldText,
  parseContactSearch,
  templateMatchesSearch,
} from './search';
export type { ContactSearch, ContactSearchFields } from './search';
export { checkNotification, parseSendNotificationInput } from './sendNotification';
export type { CheckedNotification, NotificationSendState } from './sendNotification';
export { unstorableTextReason } from './storableText';
export {
  campaignCancelledReason,
  campaignCountsOf,
  campaignLimits,
  campaignPreflightOf,
  campaignSkipReason,
  campaignStatusAfter,
  checkCampaignInput,
  messagingLimitBudget,
  messagingLimitReason,
  recipientParameters,
} from './campaigns';
export type { CampaignRecipientFacts, MessagingLimitBudget } from './campaigns';
