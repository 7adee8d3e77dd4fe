import { describe, expect, it } from 'vitest';
import { contactListRowAttributes } from '../../../src/components/contact-list/contactListRowAttributes';

const row = { index: 3, start: 168, contactId: 'c1', isActive: true, isSelected: false, isHighlighted: true };

describe('contactListRowAttributes', () => {
  it('gives a contact row its grid role, position and states', () => {
    const attributes = contactListRowAttributes(row);
    expect(attributes).toMatchObject({
      role: 'row',
      'aria-rowindex': 5,
      'aria-selected': false,
      tabIndex: 0,
      'data-index': '3',
      'data-state': 'unselected',
      'data-active': '',
      'data-highlighted': '',
      'data-contact-id': 'c1',
    });
    expect(attributes.style.transform).toBe('translateY(168px)');
  });

  it('marks a selected, inactive row', () => {
    const attributes = contactListRowAttributes({ ...row, isActive: false, isSelected: true, isHighlighted: false });
    expect(attributes).toMatchObject({ 'aria-selected': true, tabIndex: -1, 'data-state': 'selected' });
    expect(attributes).not.toHaveProperty('data-active', '');
    expect(attributes).not.toHaveProperty('data-highlighted', '');
  });

  it('hides the placeholder row from assistive technology and gives it no row role', () => {
    const attributes = contactListRowAttributes({ ...row, contactId: null });
    expect(attributes).toMatchObject({ 'aria-hidden': true, 'data-state': 'loading', 'data-index': '3' });
    expect(attributes).not.toHaveProperty('role');
  });
});
