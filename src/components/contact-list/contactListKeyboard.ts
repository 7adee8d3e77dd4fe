/**
 * The list's keyboard delegate (react-aria's term): where a key pressed on the row at `index`
 * moves the focus, `'select'` for Enter and Space, `null` for keys the list leaves alone.
 * `Infinity` stands for the last contact of the whole list (End), loaded or not.
 */
export function contactListKeyMove(key: string, index: number, rowsPerPage: number): number | 'select' | null {
  switch (key) {
    case 'ArrowDown':
      return index + 1;
    case 'ArrowUp':
      return index - 1;
    case 'PageDown':
      return index + rowsPerPage;
    case 'PageUp':
      return index - rowsPerPage;
    case 'Home':
      return 0;
    case 'End':
      return Number.POSITIVE_INFINITY;
    case 'Enter':
    case ' ':
      return 'select';
    default:
      return null;
  }
}
