// Helpers shared by the benchmark's parts: percentiles and the deterministic place a keystroke goes.

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
  /** The samples in the order they were taken. */
  samples: number[];
}

/** Nearest-rank percentiles of a sample. */
export function stats(xs: readonly number[]): Stats {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] ?? NaN;
  return { n: s.length, p50: at(0.5), p95: at(0.95), min: s[0] ?? NaN, max: s[s.length - 1] ?? NaN, samples: [...xs] };
}

/** Offset inside the `service:` value of the middle workload: typing there keeps the file valid. */
export function keystrokeSite(text: string): number {
  const mid = Math.floor(text.length / 2);
  const at = text.indexOf('    service: ', mid);
  if (at < 0) throw new Error('no service line after the middle of the file');
  return at + '    service: '.length + 3;
}

/** Offset of the middle workload's `model:` value (hover shows the model; completion offers models). */
export function modelSite(text: string): number {
  const mid = Math.floor(text.length / 2);
  const at = text.indexOf('    model: ', mid);
  if (at < 0) throw new Error('no model line after the middle of the file');
  return at + '    model: '.length + 1;
}
