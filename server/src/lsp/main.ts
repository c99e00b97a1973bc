// Entry point of dist/server.js: creates the connection (IPC under VS Code via --node-ipc, stdio with --stdio,
// the default when no transport is given) and starts the server on it.
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from './server';
import { diagnose, parseFile } from '../service';

if (!process.argv.some((a) => a === '--node-ipc' || a === '--stdio' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.argv.push('--stdio');
}
if (process.argv.includes('--version')) {
  process.stdout.write('srm-language-server 0.1.0\n');
  process.exit(0);
}
// The e2e suite's negative check (test/e2e/run.ts): a server broken at start-up must make the suite fail.
if (process.env.SRM_TEST_THROW_ON_START) throw new Error('SRM_TEST_THROW_ON_START is set: the srm language server fails at start-up on purpose');
const connection = createConnection(ProposedFeatures.all);
startServer(connection);
// Compile the schema validators and warm the engine while the client is still initializing, so that the first
// open does not pay for them (bench/: most of open→diagnostics on small files). Best effort.
setImmediate(() => {
  try {
    // A few hundred workloads: enough for the parser's hot paths to be compiled before a big file arrives.
    const item = '  - name: w\n    model: paas\n    service: x\n    responsibilities:\n      devices: customer\n      applications:\n        owner: shared\n        notes: n\n';
    // Distinct items: chunks are cached by text, so repeating one item would parse it once.
    const items = Array.from({ length: 300 }, (_, i) => item.replace('name: w', `name: w${i}`)).join('');
    diagnose(parseFile(`apiVersion: srm/v1\nkind: ResponsibilityAssignment\nmetadata:\n  name: warm\nworkloads:\n${items}`));
  } catch {
    // the first real check reports whatever this would have thrown
  }
});
