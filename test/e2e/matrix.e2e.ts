// End-to-end scenario of the responsibility matrix view in a real VS Code (code-server + Chromium): opens the view
// on with-mistakes.srm.yaml, checks the cells' text, the outlined violation (rule id and message in its tooltip)
// and the gaps, clicks a cell and sees the editor's cursor move there, edits the file and sees the view follow.
// `matrixBaselineStep`: the view of a document under a custom baseline draws the row that baseline adds.
// Also `matrixScreenshots`: one screenshot of the view per example (for the README).
//
// Wiring into steps.ts: `import { matrixStep } from './matrix.e2e';` and add `matrixStep` to `steps` (it has the
// same { name, run(session, shot) } shape; it only uses session.wb and session.workspace).
import fs from 'node:fs';
import path from 'node:path';
import type { Frame } from 'playwright-core';
import { anchorPosition } from './scenarios';
import type { Workbench } from './workbench';

export interface MatrixSession {
  wb: Workbench;
  /** The workspace folder (a copy of examples/). */
  workspace: string;
}
export type Shot = (suffix?: string) => Promise<string>;

const SCALE = Number(process.env.SRM_E2E_TIMEOUT_SCALE ?? '1') || 1;
const ms = (n: number): number => Math.round(n * SCALE);

const FILE = 'with-mistakes.srm.yaml';
const COMMAND = 'SRM: Show Responsibility Matrix';

export interface CellInfo {
  layer: string;
  workload: number;
  text: string;
  classes: string[];
  title: string;
  outline: string;
}

/** The webview frame that holds the matrix view (the inner frame of the webview's iframe), once it has drawn a table. */
export async function findMatrixFrame(wb: Workbench, fileName?: string): Promise<Frame> {
  return wb.wait(
    `the matrix view${fileName ? ` of ${fileName}` : ''} to draw its table`,
    async () => {
      for (const f of wb.page.frames()) {
        const ok = await f
          .evaluate((name) => {
            const table = document.querySelector('#matrix table.matrix');
            const file = document.getElementById('file')?.textContent ?? '';
            return !!table && (!name || file.endsWith(name));
          }, fileName ?? '')
          .catch(() => false);
        if (ok) return f;
      }
      return null;
    },
    ms(90_000),
  );
}

export async function readCells(frame: Frame): Promise<CellInfo[]> {
  return frame.$$eval('#matrix td.cell', (tds) =>
    tds.map((td) => {
      const e = td as HTMLElement;
      const cs = getComputedStyle(e);
      return {
        layer: e.dataset.layer ?? '',
        workload: Number(e.dataset.workload ?? '-1'),
        text: [...e.children].map((c) => (c.textContent ?? '').trim()).filter(Boolean).join(' '),
        classes: [...e.classList],
        title: e.title,
        outline: `${cs.outlineStyle} ${cs.outlineWidth}`,
      };
    }),
  );
}

async function headers(frame: Frame): Promise<string[]> {
  return frame.$$eval('#matrix th.wl', (ths) => ths.map((t) => [...t.querySelectorAll('span')].map((s) => s.textContent).join(' ')));
}

function cellOf(cells: CellInfo[], layer: string, workload: number): CellInfo {
  const c = cells.find((x) => x.layer === layer && x.workload === workload);
  if (!c) throw new Error(`no cell ${layer} / workload ${workload} in the view: ${cells.map((x) => `${x.layer}/${x.workload}`).join(', ')}`);
  return c;
}

function expect(cond: unknown, msg: string): asserts cond {
  if (!cond) throw new Error(msg);
}

async function undoAll(wb: Workbench): Promise<void> {
  for (let i = 0; i < 10 && (await wb.activeTabDirty()); i++) {
    await wb.page.keyboard.press('Control+Z');
    await wb.wait('the undo to land', async () => !(await wb.activeTabDirty()), 1000).catch(() => undefined);
  }
  await wb.wait('the file to be unmodified after undo', async () => !(await wb.activeTabDirty()), ms(5000));
}

/** 1-based line and column of the `nth` occurrence of `text` (+ delta) in the workspace file. */
function lineOf(s: MatrixSession, rel: string, text: string, nth = 0, delta = 0): { line: number; column: number } {
  const p = anchorPosition(fs.readFileSync(path.join(s.workspace, rel), 'utf8'), { text, nth, delta }, rel);
  return { line: p.line + 1, column: p.character + 1 };
}

/** Opens `rel` in the first editor group (so the view beside it stays visible) and shows its matrix. */
export async function openMatrix(s: MatrixSession, rel: string): Promise<Frame> {
  const { wb } = s;
  await wb.command('View: Focus First Editor Group').catch(() => undefined);
  await wb.openFile(path.join(s.workspace, rel));
  await wb.command(COMMAND);
  return findMatrixFrame(wb, path.basename(rel));
}

export const matrixStep = {
  name: 'matrix-view',
  async run(s: MatrixSession, shot: Shot): Promise<void> {
    const { wb } = s;
    let frame = await openMatrix(s, FILE);

    // Columns: the workloads with their service model as written.
    const hs = await headers(frame);
    expect(JSON.stringify(hs) === JSON.stringify(['legacy-vm iaas', 'intranet PaaS', 'legacy-vm saas']), `workload headers: ${JSON.stringify(hs)}`);
    // Rows: the layers in the model's order.
    const rows = await frame.$$eval('#matrix tbody tr[data-layer]', (trs) => trs.map((t) => (t as HTMLElement).dataset.layer));
    const order = ['information-and-data', 'devices', 'accounts-and-identities', 'identity-and-directory-infrastructure', 'applications', 'network-controls', 'operating-system', 'physical-hosts', 'physical-network', 'physical-datacenter'];
    expect(JSON.stringify(rows) === JSON.stringify(order), `rows: ${JSON.stringify(rows)}`);
    const groups = await frame.$$eval('#matrix tr.group th', (ths) => ths.map((t) => t.textContent));
    expect(groups.length === 3, `groups: ${JSON.stringify(groups)}`);

    let cells = await readCells(frame);
    // The violation: outlined, rule id in the cell, rule id and message in the tooltip.
    const bad = cellOf(cells, 'information-and-data', 0);
    expect(bad.classes.includes('violation') && bad.classes.includes('p-microsoft'), `information-and-data/legacy-vm classes: ${bad.classes.join(' ')}`);
    expect(/^M microsoft expected customer customer-only-duty$/.test(bad.text), `information-and-data/legacy-vm text: ${JSON.stringify(bad.text)}`);
    expect(/customer-only-duty: Layer "information-and-data" is always the customer's duty/.test(bad.title), `tooltip: ${JSON.stringify(bad.title)}`);
    expect(bad.outline.startsWith('solid') && bad.outline !== 'solid 0px', `outline of the violation: ${bad.outline}`);
    // A matching cell: letter and owner, no outline.
    const good = cellOf(cells, 'devices', 0);
    expect(good.text === 'C customer' && !good.classes.includes('violation'), `devices/legacy-vm: ${good.text} ${good.classes.join(' ')}`);
    // A gap.
    const gap = cellOf(cells, 'devices', 1);
    expect(gap.classes.includes('gap') && /unassigned/.test(gap.text), `devices/intranet should be a gap: ${gap.text} ${gap.classes.join(' ')}`);
    expect(/unassigned-layer/.test(gap.title), `gap tooltip: ${gap.title}`);
    // The reference columns: four service models.
    const refs = await frame.$$eval('#matrix th.ref-h .wl-name', (e) => e.map((x) => x.textContent));
    expect(JSON.stringify(refs) === JSON.stringify(['On-premises', 'IaaS', 'PaaS', 'SaaS']), `reference columns: ${JSON.stringify(refs)}`);
    await shot();

    // A click on a cell reveals its line in the editor.
    await wb.goto(1, 1);
    const target = lineOf(s, FILE, 'operating-system: microsoft', 0);
    frame = await findMatrixFrame(wb, FILE);
    await frame.click('#matrix td.cell[data-layer="operating-system"][data-workload="0"]');
    await wb.wait(`the cursor to move to line ${target.line} after clicking operating-system / legacy-vm`, async () => (await wb.cursor())?.line === target.line, ms(15_000));
    await shot('clicked');

    // It follows the text as the user types.
    const at = lineOf(s, FILE, 'devices: customer', 0, 'devices: '.length);
    await wb.goto(at.line, at.column);
    for (let i = 0; i < 'customer'.length; i++) await wb.page.keyboard.press('Shift+ArrowRight');
    await wb.page.keyboard.type('microsoft');
    await wb.wait('the view to outline devices / legacy-vm after the edit', async () => {
      const f = await findMatrixFrame(wb, FILE);
      const c = cellOf(await readCells(f), 'devices', 0);
      return c.classes.includes('violation') && /customer-only-duty/.test(c.text);
    }, ms(20_000));
    await shot('typed');
    await undoAll(wb);
    await wb.wait('the view to return to the file on disk', async () => {
      const f = await findMatrixFrame(wb, FILE);
      cells = await readCells(f);
      return !cellOf(cells, 'devices', 0).classes.includes('violation');
    }, ms(20_000));

    // Copy as Markdown: the view says so (and the clipboard holds the tables, when the browser lets us read it).
    frame = await findMatrixFrame(wb, FILE);
    await frame.click('#copy-md');
    await wb.wait('the view to report the Markdown copy', async () => /Copied/.test((await (await findMatrixFrame(wb, FILE)).textContent('#status')) ?? ''), ms(15_000));
    const clip = await wb.page.evaluate(() => navigator.clipboard.readText()).catch(() => null);
    if (clip !== null) expect(/^## contoso-mistakes\n/.test(clip), `clipboard after Copy as Markdown: ${JSON.stringify(clip.slice(0, 120))}`);

    // Save as HTML: the save dialog proposes <name>.matrix.html beside the file; accepting it writes the page.
    await frame.click('#save-html');
    const input = await wb.page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: ms(10_000) });
    // The dialog fills its input in steps (the folder first, then the name): wait for the proposed name.
    let proposed = '';
    await wb
      .wait('the save dialog to propose with-mistakes.matrix.html', async () => (proposed = await input.inputValue()).endsWith('with-mistakes.matrix.html'), ms(10_000))
      .catch(() => {
        throw new Error(`the save dialog proposes ${JSON.stringify(proposed)}, expected …/with-mistakes.matrix.html`);
      });
    await input.press('Enter');
    const saved = path.join(s.workspace, 'with-mistakes.matrix.html');
    const html = await wb.wait('the matrix page to be saved', async () => {
      const t = fs.existsSync(saved) ? fs.readFileSync(saved, 'utf8') : '';
      return t.includes('</html>') ? t : null;
    }, ms(15_000));
    expect(/customer-only-duty/.test(html) && !/<script/i.test(html), 'the saved page holds the matrix and no script');
    fs.rmSync(saved, { force: true });
  },
};

// A document under a custom baseline (examples/srm.config.yaml lists *.baseline.srm.yaml): contoso-msp-contract
// extends microsoft-2026 and adds the layer backup-and-recovery, after information-and-data in the baseline's order.
// Its cells vary by model, so the view draws it in that group, first of its rows.
const CUSTOM_FILE = 'msp-managed-vms.srm.yaml';
const ADDED = { layer: 'backup-and-recovery', label: 'Backup and recovery', group: /varies by service model/i, before: 'applications' };

/** The view of a document under a custom baseline draws that baseline's rows: the row it adds, in its group. */
export const matrixBaselineStep = {
  name: 'matrix-view-baseline',
  async run(s: MatrixSession, shot: Shot): Promise<void> {
    const { wb } = s;
    // Room for the matrix (and the picture in docs/baselines.md): no side bar, no panel.
    await wb.command('View: Close Primary Side Bar').catch(() => undefined);
    await wb.command('View: Hide Panel').catch(() => undefined);
    let frame = await openMatrix(s, CUSTOM_FILE);
    // Every row of the table, in order, with the display group it is drawn under.
    let rows: { layer: string; group: string }[] = [];
    await wb
      .wait(`the matrix of ${CUSTOM_FILE} to draw the row ${ADDED.layer}`, async () => {
        frame = await findMatrixFrame(wb, CUSTOM_FILE);
        rows = await frame.$$eval('#matrix tbody tr', (trs) => {
          let group = '';
          const out: { layer: string; group: string }[] = [];
          for (const tr of trs as HTMLElement[]) {
            if (tr.classList.contains('group')) group = (tr.textContent ?? '').trim();
            else if (tr.dataset.layer) out.push({ layer: tr.dataset.layer, group });
          }
          return out;
        });
        return rows.some((r) => r.layer === ADDED.layer);
      }, ms(20_000))
      .catch(() => {
        throw new Error(`the matrix of ${CUSTOM_FILE} (baseline contoso-msp-contract) has no row ${ADDED.layer}; rows: ${JSON.stringify(rows)}`);
      });
    const layers = rows.map((r) => r.layer);
    const added = rows.find((r) => r.layer === ADDED.layer);
    expect(added && ADDED.group.test(added.group), `${ADDED.layer} should be drawn under ${ADDED.group}: ${JSON.stringify(rows)}`);
    expect(layers.indexOf(ADDED.layer) + 1 === layers.indexOf(ADDED.before), `${ADDED.layer} should come right before ${ADDED.before}: ${JSON.stringify(layers)}`);
    // The rows are those of the baseline microsoft-2026 it extends, not microsoft-diagram's.
    expect(layers.includes('configurations-and-settings') && !layers.includes('identity-and-directory-infrastructure'), `rows of microsoft-2026 expected: ${JSON.stringify(layers)}`);
    const head = await frame.$eval(`#matrix tbody tr[data-layer="${ADDED.layer}"] th.layer`, (e) => e.textContent ?? '');
    expect(head.includes(ADDED.label), `the row header of ${ADDED.layer}: ${JSON.stringify(head)}`);
    // Both workloads assign it to the customer, as the baseline expects under iaas and saas: no violation, no gap.
    const cells = await readCells(frame);
    for (const w of [0, 1]) {
      const c = cellOf(cells, ADDED.layer, w);
      expect(/^C customer\b/.test(c.text) && !c.classes.includes('violation') && !c.classes.includes('gap'), `${ADDED.layer} / workload ${w}: ${c.text} ${c.classes.join(' ')}`);
    }
    // Move the mouse away so no hover or tooltip covers the picture.
    await wb.page.mouse.move(0, 0);
    await shot();
  },
};

/** After a window reload VS Code restores the view (the extension's webview serializer) on the same file. */
export const matrixReloadStep = {
  name: 'matrix-view-reload',
  async run(s: MatrixSession, shot: Shot): Promise<void> {
    const { wb } = s;
    await openMatrix(s, FILE);
    await wb.command('Developer: Reload Window');
    await wb.page.waitForSelector('.monaco-workbench .part.editor', { timeout: ms(90_000) });
    const frame = await findMatrixFrame(wb, FILE);
    const cells = await readCells(frame);
    expect(cellOf(cells, 'information-and-data', 0).classes.includes('violation'), 'the restored view outlines information-and-data / legacy-vm');
    await shot();
  },
};

/** One screenshot of the view per example (`<outDir>/matrix-<example>.png`); returns the files written. */
export async function matrixScreenshots(s: MatrixSession, outDir: string, suffix = ''): Promise<string[]> {
  fs.mkdirSync(outDir, { recursive: true });
  const out: string[] = [];
  const files = fs.readdirSync(s.workspace).filter((f) => /\.srm\.ya?ml$/.test(f)).sort();
  // Room for the matrix: no side bar in the picture.
  await s.wb.command('View: Close Primary Side Bar').catch(() => undefined);
  for (const rel of files) {
    await openMatrix(s, rel);
    // Move the mouse away so no hover or tooltip covers the picture.
    await s.wb.page.mouse.move(0, 0);
    const file = path.join(outDir, `matrix-${rel.replace(/\.srm\.ya?ml$/, '')}${suffix}.png`);
    await s.wb.screenshot(file);
    out.push(file);
  }
  return out;
}
