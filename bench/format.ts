// What the bench driver's log and report print: log lines, the machine and load average, medians, figures (f1, ratio, times).
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { stats } from './common';

export function log(s: string): void {
  process.stderr.write(`${s}\n`);
}

export function machine(): string {
  const cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model ?? '?';
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${os.type()} ${os.release()}`;
}

export function loadavg(): string {
  return os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');
}

export function median(xs: number[]): number {
  return stats(xs).p50;
}

export const f1 = (x: number) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)) : 'n/a');
export const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN);
export const times = (x: number) => (Number.isFinite(x) ? `${x.toFixed(x < 0.1 ? 4 : 3)}×` : 'n/a');
