/**
 * One handler from the host's and ours, the way Radix composes them: the host's runs first, and
 * ours runs unless the host called `event.preventDefault()`. Every part that takes host
 * handlers and has its own uses this, so a host can always opt out of our behaviour.
 *
 * @example
 * <button {...props} onClick={composeEventHandlers(props.onClick, list.loadMore)} />
 */
export function composeEventHandlers<Event extends { defaultPrevented: boolean }>(
  hostHandler: ((event: Event) => void) | undefined,
  ourHandler: ((event: Event) => void) | undefined,
): (event: Event) => void {
  return (event) => {
    hostHandler?.(event);
    if (!event.defaultPrevented) ourHandler?.(event);
  };
}
