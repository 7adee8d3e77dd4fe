import type { CSSProperties, HTMLAttributes } from 'react';

// Inline, not a class: text for screen readers must stay hidden when a widget is `unstyled`
// or the host's CSS has not loaded yet.
const visuallyHiddenStyle: CSSProperties = {
  position: 'absolute',
  inlineSize: 1,
  blockSize: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
  border: 0,
};

/** Text read by screen readers but not shown, e.g. what an icon or a marker means. */
export function VisuallyHidden({ style, ...props }: HTMLAttributes<HTMLSpanElement>) {
  return <span {...props} style={{ ...visuallyHiddenStyle, ...style }} />;
}
