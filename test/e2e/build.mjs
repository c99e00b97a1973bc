// Bundles the @vscode/test-electron runner and in-host suite into out/e2e/ (CommonJS, like the extension).
import * as esbuild from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };
await Promise.all([
  esbuild.build({ ...common, entryPoints: ['test/e2e/electron/suite.ts'], outfile: 'out/e2e/suite.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['test/e2e/electron/runTest.ts'], outfile: 'out/e2e/runTest.js', external: ['@vscode/test-electron'] }),
]);
