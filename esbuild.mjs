// Bundles the extension client, the language server and the CLI into dist/ (one file each, CommonJS, Node 20).
// `node esbuild.mjs [--production] [--watch]`; bench/run.ts imports `builds` to build the shipped client elsewhere.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

/**
 * yaml's ES module build (the one its package.json gives browsers: the same code, with console.warn for
 * process.emitWarning) instead of its CommonJS one. esbuild then hoists yaml's functions into the bundle's scope;
 * from CommonJS every call of an imported function (isMap, isScalar, ...) went through an interop getter, ~5% of
 * `srm lint`'s time. Measured (2,000 generated files, `srm lint --jobs 1`, 5 runs each, interleaved): 2.45 → 2.13 s
 * median, the same output.
 * @type {import('esbuild').Plugin}
 */
const yamlAsEsm = {
  name: 'yaml-as-esm',
  setup(build) {
    const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), 'node_modules/yaml/browser/index.js');
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: entry }));
  },
};

/**
 * The four builds. `production`: minified, no source maps (what `npm run package` ships). `outdir`: where the
 * bundles go (dist/ unless the bench builds elsewhere).
 * @param {{ production?: boolean, outdir?: string }} [o]
 * @returns {import('esbuild').BuildOptions[]}
 */
export function builds({ production = false, outdir = 'dist' } = {}) {
  /** @type {import('esbuild').BuildOptions} */
  const common = {
    plugins: [yamlAsEsm],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    legalComments: 'none',
  };
  // The client is minified without renaming identifiers: renaming makes esbuild write each bundled CommonJS module
  // as an arrow function (`P(e=>{...})`) instead of a method (`__commonJS({"path"(e){...}})`), and Node then took
  // ~15 ms (15%) more CPU to load and activate the client (bench/activation.cjs, medians of fresh processes; an
  // unminified bundle rewritten to arrow bodies was as slow), for 16 KB less in the .vsix (294 KiB).
  const client = production ? { minify: false, minifyWhitespace: true, minifySyntax: true } : {};
  return [
    { ...common, ...client, entryPoints: ['client/src/extension.ts'], outfile: path.join(outdir, 'client.js'), external: ['vscode'] },
    { ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: path.join(outdir, 'server.js'), banner: { js: '#!/usr/bin/env node' } },
    { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: path.join(outdir, 'cli.js'), banner: { js: '#!/usr/bin/env node' } },
    // The matrix webview's script and stylesheet (it imports matrix.css): runs in the webview, not in Node.
    { ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: ['client/src/webview/matrix.ts'], outfile: path.join(outdir, 'matrix-webview.js') },
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const all = builds({ production: process.argv.includes('--production') });
  if (process.argv.includes('--watch')) {
    for (const b of all) await (await esbuild.context(b)).watch();
  } else {
    await Promise.all(all.map((b) => esbuild.build(b)));
  }
}
