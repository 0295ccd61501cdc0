/**
 * Two-stage stop on Ctrl-C or SIGTERM, shared by the commands that run for long: the first
 * signal asks for a clean stop (finish what is in flight), the second for dropping it.
 */

/** The stop and drop signals, and `release` to remove the handlers once the command is done. */
export interface StopSignals {
  stop: AbortSignal;
  drop: AbortSignal;
  release(): void;
}

/** Listen for SIGINT and SIGTERM; `onFirst` says what the first one does. */
export function stopSignals(onFirst: () => void): StopSignals {
  const stop = new AbortController();
  const drop = new AbortController();
  const onSignal = () => {
    if (!stop.signal.aborted) {
      onFirst();
      stop.abort();
    } else drop.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return {
    stop: stop.signal,
    drop: drop.signal,
    release: () => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    },
  };
}
