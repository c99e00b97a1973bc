// Condition-based waiting with a deadline, for both e2e runners: poll a probe, never sleep a fixed time.

export class WaitTimeout extends Error {
  override name = 'WaitTimeout';
}

/** Polls `probe` every `interval` ms until it returns a truthy value; throws WaitTimeout with `what` after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  opts: { timeoutMs?: number; interval?: number; onTimeout?: () => Promise<string> | string } = {},
): Promise<T> {
  const deadline = Date.now() + (opts.timeoutMs ?? 15_000);
  let lastError: unknown = null;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
      lastError = null;
    } catch (e) {
      if (e instanceof FatalSignal) throw e;
      lastError = e;
    }
    if (Date.now() > deadline) {
      const extra = opts.onTimeout ? `\n${await opts.onTimeout()}` : '';
      const err = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new WaitTimeout(`timed out after ${opts.timeoutMs ?? 15_000} ms waiting for ${what}${err}${extra}`);
    }
    await new Promise((r) => setTimeout(r, opts.interval ?? 100));
  }
}

/** Thrown from inside a wait to stop it at once (e.g. the language server reported a failure). */
export class FatalSignal extends Error {
  override name = 'FatalSignal';
}
