import { forwardRef, useContext, useState } from 'react';
import type { ComponentPropsWithoutRef, CSSProperties } from 'react';
import type { Contact } from '../../core/types';
import { cn } from '../internal/cn';
import { ContactListCellAppearanceContext } from './ContactListContext';

/** Up to two letters for a name: the first letters of its first and last words. */
export function contactInitials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0];
  if (first === undefined) return '?';
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  // Array.from splits by code point, so an emoji or a letter outside the BMP stays whole.
  const letters = [Array.from(first)[0], last === undefined ? undefined : Array.from(last)[0]];
  return letters.filter(Boolean).join('').toLocaleUpperCase();
}

/** A hue (0–359) from the contact's id: the same contact keeps its colour across sessions. */
export function contactAvatarHue(id: string): number {
  // FNV-1a: cheap, and spreads similar ids ("contact-1", "contact-2") across the wheel.
  let hash = 0x811c9dc5;
  for (let index = 0; index < id.length; index += 1) {
    hash ^= id.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % 360;
}

export interface ContactListAvatarProps extends Omit<ComponentPropsWithoutRef<'span'>, 'children'> {
  /** Whose picture or initials to show. */
  contact: Pick<Contact, 'id' | 'name' | 'avatarUrl'>;
  /**
   * Leaves out Reachout's class; the data attributes stay.
   * @default the Root's `unstyled`, else false
   */
  unstyled?: boolean;
}

/**
 * The contact's picture, or their initials on a colour drawn from their id when there is no
 * picture or it fails to load. Decorative: the name is always written beside it.
 */
export const ContactListAvatar = forwardRef<HTMLSpanElement, ContactListAvatarProps>(function ContactListAvatar(
  { contact, unstyled, className, style, ...props },
  ref,
) {
  const appearance = useContext(ContactListCellAppearanceContext);
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  const imageUrl = contact.avatarUrl !== null && contact.avatarUrl !== failedUrl ? contact.avatarUrl : null;
  const hueStyle = { '--reachout-contact-list-avatar-hue': contactAvatarHue(contact.id) } as CSSProperties;
  return (
    <span
      ref={ref}
      aria-hidden="true"
      data-slot="contact-list-avatar"
      data-state={imageUrl === null ? 'initials' : 'image'}
      className={cn(!(unstyled ?? appearance?.unstyled ?? false) && 'reachout-contact-list__avatar', className)}
      style={{ ...hueStyle, ...style }}
      {...props}
    >
      {imageUrl === null ? (
        contactInitials(contact.name)
      ) : (
        <img src={imageUrl} alt="" loading="lazy" decoding="async" onError={() => setFailedUrl(imageUrl)} />
      )}
    </span>
  );
});
