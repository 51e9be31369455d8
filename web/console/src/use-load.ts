import { useCallback, useEffect, useState } from 'react';

export interface Loaded<T> {
  data: T | undefined;
  error: Error | undefined;
  reload: () => void;
}

/** Runs `load` when `keys` change (and on `reload()`), keeping the newest answer only. */
export function useLoad<T>(load: () => Promise<T>, keys: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: Error }>({});
  const [round, setRound] = useState(0);
  const run = useCallback(load, keys);
  useEffect(() => {
    let current = true;
    run().then(
      (data) => current && setState({ data }),
      (error: Error) => current && setState({ error }),
    );
    return () => {
      current = false;
    };
  }, [run, round]);
  return { data: state.data, error: state.error, reload: () => setRound((r) => r + 1) };
}
