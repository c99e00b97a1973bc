// Runs electron/suite.ts inside a VS Code downloaded by @vscode/test-electron (npm run test:electron), on a
// fresh profile with only this extension (extension-development mode) and a copy of examples/ open.
// Needs network access to update.code.visualstudio.com; where that is unreachable use test/e2e/run.ts.
// Environment: VSCODE_VERSION (default "stable"; e.g. "1.91.0" for the oldest supported engine).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { scenarios } from '../scenarios';

async function main(): Promise<void> {
  // Bundled to out/e2e/runTest.js: the repository root is two levels up.
  const root = path.resolve(__dirname, '..', '..');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'srm-electron.'));
  const workspace = path.join(tmp, path.basename(scenarios.workspace));
  fs.cpSync(path.join(root, scenarios.workspace), workspace, { recursive: true });
  try {
    await runTests({
      version: process.env.VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out', 'e2e', 'suite.js'),
      launchArgs: [
        workspace,
        '--disable-extensions', // other installed extensions; the one under development still loads
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir',
        path.join(tmp, 'user-data'),
      ],
      extensionTestsEnv: { SRM_TEST_THROW_ON_START: process.env.SRM_TEST_THROW_ON_START },
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(`test:electron failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
