// The steps on the extension host and the server process: no notifications shown, the in-host suite, a crash and restart.
import fs from 'node:fs';
import { processesInGroup } from './code-server';
import { log, ms } from './common';
import { HARNESS_TITLE, IN_HOST_RESULT } from './in-host-harness';
import { opt } from './options';
import { breakCleanFile, undoAll } from './step-helpers';
import type { Step } from './step-runner';

export const noNotificationsStep: Step = {
  name: 'no-notifications',
  async run(s, shot) {
    const { wb } = s;
    const all = new Set([...s.seenToasts, ...(await wb.allNotifications())]);
    await shot();
    if (all.size) throw new Error(`notifications were shown:\n${[...all].map((n) => `  ${n}`).join('\n')}`);
  },
};

export const inHostSuiteStep: Step = {
  // The @vscode/test-electron suite (electron/suite.ts), run by the harness inside this extension host.
  name: 'in-host-suite',
  async run(s, shot) {
    const { wb } = s;
    if (!opt.inHost) return;
    fs.rmSync(IN_HOST_RESULT, { force: true });
    await wb.command(HARNESS_TITLE);
    const r = await wb.wait(
      'the in-host suite to finish',
      async () => (fs.existsSync(IN_HOST_RESULT) ? (JSON.parse(fs.readFileSync(IN_HOST_RESULT, 'utf8')) as { ok: boolean; lines: string[]; error?: string }) : null),
      ms(120_000),
    ).catch((e: unknown) => {
      const partial = fs.existsSync(`${IN_HOST_RESULT}.partial`) ? fs.readFileSync(`${IN_HOST_RESULT}.partial`, 'utf8') : 'nothing reported';
      throw new Error(`${(e as Error).message}; so far: ${partial}`);
    });
    for (const l of r.lines) log(`in-host ${l}`);
    await shot();
    if (!r.ok) throw new Error(`electron/suite.ts failed inside code-server: ${r.error ?? ''}`);
  },
};

export const crashRestartStep: Step = {
  name: 'crash-restart',
  async run(s, shot) {
    const { wb } = s;
    const serverRe = /dist\/server\.js/;
    const before = processesInGroup(s.server.pid, serverRe);
    if (before.length === 0) throw new Error(`no language server process (command line matching ${serverRe}) in the code-server process group`);
    for (const p of before) {
      log(`killing the language server, pid ${p.pid}: ${p.cmd.slice(0, 160)}`);
      process.kill(p.pid, 'SIGKILL');
    }
    const old = new Set(before.map((p) => p.pid));
    // The crash is expected to be reported to the user now; do not treat it as fatal.
    wb.guard = async () => {};
    await wb.wait('the language client to start a new server process', async () => processesInGroup(s.server.pid, serverRe).some((p) => !old.has(p.pid)), ms(45_000));
    // The new server answers: break the clean file on purpose and see the problem listed.
    await breakCleanFile(s, 'from the restarted server');
    await shot();
    const notes = await wb.allNotifications();
    log(`after the crash: ${notes.length} notification(s)${notes.length ? `: ${notes.join(' | ')}` : ''}`);
    // Issue 7: a crash is reported to the user exactly once, with where the log is.
    if (notes.length !== 1) throw new Error(`a crash should be reported exactly once, got ${notes.length}:\n${notes.join('\n')}`);
    if (!/output channel/i.test(notes[0] ?? '')) throw new Error(`the crash notification should say where the log is: ${notes[0]}`);
    await undoAll(wb);
  },
};
