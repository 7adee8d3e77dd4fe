export { ContactList } from './ContactList';
export type { ContactListProps } from './ContactList';
export { ContactListRoot } from './ContactListRoot';
export type { ContactListRootProps } from './ContactListRoot';
export {
  ContactListCount,
  ContactListCreateButton,
  ContactListEmpty,
  ContactListError,
  ContactListSearch,
  ContactListSelectionBar,
  ContactListToolbar,
} from './ContactListParts';
export type {
  ContactListCountProps,
  ContactListCreateButtonProps,
  ContactListEmptyProps,
  ContactListErrorProps,
  ContactListSearchProps,
  ContactListSelectionBarProps,
  ContactListToolbarProps,
} from './ContactListParts';
export { ContactListGrid } from './ContactListGrid';
export type { ContactListGridProps } from './ContactListGrid';
export { ContactListAvatar } from './ContactListAvatar';
export type { ContactListAvatarProps } from './ContactListAvatar';
export { useContactListContext } from './ContactListContext';
export type { ContactListComponents, ContactListContextValue } from './ContactListContext';
export { defaultContactListColumns } from './columns';
export type { ContactListBuiltInColumnId, ContactListColumn, ContactListCustomColumn } from './columns';
export { useContactList } from './useContactList';
export type {
  ContactListCell,
  ContactListDataAttributes,
  ContactListHeader,
  ContactListRowProps,
  ContactListSelection,
  ContactListSelectionMode,
  ContactListStatus,
  ContactListVirtualRow,
  UseContactListOptions,
  UseContactListResult,
} from './useContactList';
