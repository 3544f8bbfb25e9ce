import { useEffect, useState } from 'react';

/**
 * The value once it has stayed the same for `ms`, so typing a date does not ask the server at every
 * keystroke; `flush` takes a value at once (e.g. on submit).
 */
export function useDebouncedValue<T>(value: T, ms: number): [T, (now: T) => void] {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return [settled, setSettled];
}
