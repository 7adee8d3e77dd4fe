export { ContactDetails, contactDetailsTabs } from './ContactDetails';
export type { ContactDetailsProps, ContactDetailsTab } from './ContactDetails';
