import { useCallback, useState } from 'react';
import { useLatestRef } from './useLatestRef';

export interface UseControllableStateOptions<Value> {
  /** The host's value; `undefined` leaves the state to the widget. */
  value: Value | undefined;
  /** The widget's own starting value, used while `value` is `undefined`. */
  defaultValue: Value;
  /** Called with every change the widget asks for, controlled or not. */
  onChange?: ((value: Value) => void) | undefined;
}

/**
 * Radix's controlled-or-not pattern (`open` / `defaultOpen` / `onOpenChange`) for state a widget
 * must also change itself, e.g. a dialog that closes after a successful submit.
 *
 * @example
 * const [open, setOpen] = useControllableState({ value: props.open, defaultValue: props.defaultOpen ?? false, onChange: props.onOpenChange });
 */
export function useControllableState<Value>({
  value,
  defaultValue,
  onChange,
}: UseControllableStateOptions<Value>): [Value, (next: Value) => void] {
  const [ownValue, setOwnValue] = useState(defaultValue);
  const isControlled = value !== undefined;
  const current = isControlled ? value : ownValue;

  // The latest callback without making `setValue` change identity on every render.
  const onChangeRef = useLatestRef(onChange);

  const setValue = useCallback(
    (next: Value) => {
      if (!isControlled) setOwnValue(next);
      if (!Object.is(next, current)) onChangeRef.current?.(next);
    },
    [isControlled, current, onChangeRef],
  );

  return [current, setValue];
}
