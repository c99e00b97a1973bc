// Shared by the e2e runner's files: log lines with the elapsed time, deadlines scaled by SRM_E2E_TIMEOUT_SCALE, the output folder, ServerFailed.
import path from 'node:path';
import { ROOT } from './code-server';

export const T0 = Date.now();
export const secs = (t = Date.now()): string => ((t - T0) / 1000).toFixed(1);
export const log = (s: string): void => console.error(`[e2e +${secs()}s] ${s}`);
export const debug = (s: string): void => {
  if (process.env.SRM_E2E_DEBUG) log(`debug: ${s}`);
};
const SCALE = Number(process.env.SRM_E2E_TIMEOUT_SCALE ?? '1') || 1;
export const ms = (n: number): number => Math.round(n * SCALE);

export const OUT = path.join(ROOT, 'test-results', 'e2e');

/** The language server reported that it failed (a notification, or it never answered). */
export class ServerFailed extends Error {
  override name = 'ServerFailed';
}
