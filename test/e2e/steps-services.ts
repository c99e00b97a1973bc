// The steps on the service catalogue (spec/services.md): completion after `service: ` offers the services of the
// workload's model first (Azure App Service for a PaaS workload), and the quick fix on a VM declared PaaS sets
// `model: iaas`.
import { log, ms } from './common';
import { fileIn, problemsOf, show, undoAll, where } from './step-helpers';
import type { Step } from './step-runner';

export const serviceCompletionStep: Step = {
  name: 'service-completion',
  async run(s, shot) {
    const { wb } = s;
    const rel = 'paas-web-app.srm.yaml';
    await wb.openFile(fileIn(s, rel));
    // Empty the value of `service: Azure App Service` (a paas workload) and ask for completions there.
    const at = where(s, rel, { text: 'service: Azure App Service', delta: 'service: '.length });
    await wb.goto(at.line, at.column);
    await wb.page.keyboard.press('Shift+End');
    await wb.page.keyboard.press('Backspace');
    const { labels, ok } = await wb.suggestions((ls) => ls.includes('Azure App Service'), ms(45_000));
    await shot();
    await wb.page.keyboard.press('Escape');
    await undoAll(wb);
    if (!ok) throw new Error(`completion after "service: " in ${rel} offers [${labels.join(', ')}], not Azure App Service`);
    if (labels[0] !== 'Azure App Service') throw new Error(`Azure App Service should come first for a paas workload: [${labels.join(', ')}]`);
    const vm = labels.indexOf('Azure Virtual Machines');
    if (vm >= 0 && vm < labels.findIndex((l) => l === 'Azure Functions')) throw new Error(`an iaas service before the paas ones: [${labels.join(', ')}]`);
    log(`service completions: ${labels.slice(0, 6).join(', ')}, …`);
  },
};

export const serviceQuickFixStep: Step = {
  name: 'service-quick-fix',
  async run(s, shot) {
    const { wb } = s;
    const rel = 'azure-landing-zone.srm.yaml';
    await wb.openFile(fileIn(s, rel));
    await wb.showProblems();
    // The VM workload says `model: iaas` above `service: Azure Virtual Machines`: declare it paas.
    const at = where(s, rel, { text: 'model: iaas\n    service: Azure Virtual Machines\n', delta: 'model: '.length });
    await wb.goto(at.line, at.column);
    for (let i = 0; i < 'iaas'.length; i++) await wb.page.keyboard.press('Shift+ArrowRight');
    await wb.page.keyboard.type('paas');
    await wb.page.keyboard.press('Escape');
    const listed = await wb.wait(`service-model-mismatch at ${rel}:${at.line}`, async () => {
      const ps = await problemsOf(wb, rel);
      return ps.find((p) => p.code === 'service-model-mismatch' && p.line === at.line);
    }, ms(45_000));
    log(`listed: ${show([listed]).trim()}`);
    await wb.goto(at.line, at.column);
    const titles = await wb.quickFixes();
    const title = titles.find((t) => /Set model to iaas/.test(t));
    await shot('menu');
    if (!title) {
      await wb.page.keyboard.press('Escape');
      throw new Error(`no "Set model to iaas" quick fix at ${rel}:${at.line}; offered: ${titles.join(' | ')}`);
    }
    await wb.applyQuickFix(title);
    await wb.wait(`service-model-mismatch at line ${at.line} to go away after the quick fix`, async () => {
      const ps = await problemsOf(wb, rel);
      return !ps.some((p) => p.code === 'service-model-mismatch');
    }, ms(45_000));
    // The value is iaas again: the hover on it describes IaaS.
    await wb.goto(at.line, at.column);
    const hover = await wb.hoverAtCursor();
    await wb.page.keyboard.press('Escape');
    if (!/IaaS \(iaas, service model\)/.test(hover.markdown)) throw new Error(`after the fix, the model at ${rel}:${at.line} is not iaas: ${hover.markdown}`);
    await shot();
    await undoAll(wb);
  },
};
