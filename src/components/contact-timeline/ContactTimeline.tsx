import { forwardRef } from 'react';
import {
  ContactTimelineEmpty,
  ContactTimelineError,
  ContactTimelineList,
  ContactTimelineLoadMore,
  ContactTimelineRoot,
} from './ContactTimelineParts';
import type { ContactTimelineRootProps } from './ContactTimelineParts';

export type ContactTimelineProps = Omit<ContactTimelineRootProps, 'children'>;

const ContactTimelineAssembly = forwardRef<HTMLDivElement, ContactTimelineProps>(function ContactTimeline(props, ref) {
  return (
    <ContactTimelineRoot ref={ref} {...props}>
      <ContactTimelineList />
      <ContactTimelineEmpty />
      <ContactTimelineError />
      <ContactTimelineLoadMore />
    </ContactTimelineRoot>
  );
});

/**
 * What happened with a contact, newest first: created, notifications sent, verification
 * results, delivered and read, replies, tickets assigned and resolved. An icon per kind,
 * relative times through `Intl`, "Load more" for older events, and live: new events appear
 * at the top and are announced politely. Parts: `ContactTimeline.Root`, `.List`, `.Empty`,
 * `.Error`, `.LoadMore`; `useContactTimeline` for markup of your own.
 *
 * @example
 * <ContactTimeline contactId={contact.id} />
 */
export const ContactTimeline = Object.assign(ContactTimelineAssembly, {
  Root: ContactTimelineRoot,
  List: ContactTimelineList,
  Empty: ContactTimelineEmpty,
  Error: ContactTimelineError,
  LoadMore: ContactTimelineLoadMore,
});
