/** Strings every widget may show: shared actions and the plain-words message of each error code. */
export const commonMessages = {
  'common.retry': 'Retry',
  'common.loading': 'Loading…',
  'common.loadMore': 'Load more',
  'common.cancel': 'Cancel',
  'common.close': 'Close',
  'common.none': 'None',
  'error.VALIDATION': 'Some details need fixing. Check the highlighted fields.',
  'error.CONFLICT': 'This already exists.',
  'error.NOT_FOUND': 'We couldn’t find this. It may have been deleted.',
  'error.ACTIVE_CHAT': 'This contact already has an active chat. Continue the conversation there.',
  'error.OPTED_OUT': 'This contact has opted out of messages.',
  'error.OUTSIDE_WINDOW': 'The 24-hour reply window has closed. Send an approved template instead.',
  'error.INVALID_NUMBER': 'This phone number can’t receive WhatsApp messages.',
  'error.RATE_LIMITED': 'Too many requests. Wait a moment and try again.',
  'error.RATE_LIMITED.retryAfter':
    'Too many requests. Try again in {seconds, plural, one {# second} other {# seconds}}.',
  'error.UNAUTHORIZED': 'Your session has expired. Sign in again.',
  'error.FORBIDDEN': 'You don’t have permission to do this.',
  'error.NETWORK': 'Can’t reach the server. Check your connection and try again.',
  'error.UNKNOWN': 'Something went wrong. Try again.',
} as const;
