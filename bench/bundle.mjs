// Bundle sizes as hosts pay them: the packed tarball installed into a consumer (see
// scripts/check-size.mjs), each import bundled for production by esbuild, Vite (library build,
// Rolldown) and webpack 5, react/react-dom external, NODE_ENV=production; every output file gzipped
// (-9). "initial" is the entry and what it imports statically, "total" adds the chunks it may load
// through import(). Also each dependency bundled alone, for scale. Build first (`npx tsup`).
//
//   npx node bench/bundle.mjs            print the figures
//   npx node bench/bundle.mjs --write    also store them under `bundles` in bench/results/latest.json
//   npx node bench/bundle.mjs --tarball reachout-0.1.0.tgz   measure an earlier tarball instead
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import webpack from 'webpack';
import { budgets, installPackedPackage, measure as measureWithEsbuild } from '../scripts/check-size.mjs';

const root = path.resolve(import.meta.dirname, '..');
const resultsFile = path.join(import.meta.dirname, 'results', 'latest.json');
const kB = 1000;
const external = ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/client'];
const isExternal = (id) => external.includes(id) || /^react(-dom)?\//.test(id);
const imports = budgets.filter((budget) => !budget.name.startsWith('reachout/testing'));
const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;

/** Sums the gzipped size of `start` and what it reaches through `edges(file)`. */
function reachable(start, edges, sizes) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const next of edges(file)) visit(next);
  };
  visit(start);
  return [...seen].reduce((sum, file) => sum + (sizes.get(file) ?? 0), 0);
}

async function measureWithVite(consumer, code, index) {
  const entry = path.join(consumer, `vite-entry-${index}.js`);
  writeFileSync(entry, code);
  const [output] = [].concat(
    await viteBuild({
      root: consumer,
      configFile: false,
      logLevel: 'silent',
      build: {
        write: false,
        minify: true,
        lib: { entry, formats: ['es'], fileName: 'host' },
        rollupOptions: { external: isExternal },
      },
    }),
  );
  const chunks = new Map(output.output.filter((file) => file.type === 'chunk').map((chunk) => [chunk.fileName, chunk]));
  const sizes = new Map([...chunks].map(([name, chunk]) => [name, gzip(Buffer.from(chunk.code))]));
  const entryName = [...chunks.values()].find((chunk) => chunk.isEntry).fileName;
  return {
    initial: reachable(entryName, (file) => chunks.get(file)?.imports ?? [], sizes),
    total: reachable(entryName, (file) => [...(chunks.get(file)?.imports ?? []), ...(chunks.get(file)?.dynamicImports ?? [])], sizes),
  };
}

async function measureWithWebpack(consumer, code, index) {
  const entry = path.join(consumer, `webpack-entry-${index}.js`);
  writeFileSync(entry, code);
  const outputPath = path.join(consumer, `webpack-out-${index}`);
  const compiler = webpack({
    mode: 'production',
    context: consumer,
    entry,
    target: 'web',
    devtool: false,
    experiments: { outputModule: true },
    output: { path: outputPath, library: { type: 'module' }, chunkFilename: '[name].[contenthash].js' },
    externalsType: 'module',
    externals: ({ request }, callback) => (isExternal(request) ? callback(null, request) : callback()),
    performance: { hints: false },
    // webpack reads the nearest tsconfig.json by default, and this repository's maps `reachout` to src/.
    resolve: { tsconfig: false },
  });
  const stats = await new Promise((resolve, reject) =>
    compiler.run((error, result) => (error ? reject(error) : result.hasErrors() ? reject(new Error(result.toString('errors-only'))) : resolve(result))),
  );
  await new Promise((resolve) => compiler.close(resolve));
  const json = stats.toJson({ all: false, assets: true, chunks: true, chunkGroups: true });
  const sizes = new Map(
    json.assets.filter((asset) => /\.m?js$/.test(asset.name)).map((asset) => [asset.name, gzip(readFileSync(path.join(outputPath, asset.name)))]),
  );
  const initialFiles = json.namedChunkGroups.main.assets.map((asset) => asset.name).filter((name) => /\.m?js$/.test(name));
  const sum = (files) => files.reduce((total, file) => total + (sizes.get(file) ?? 0), 0);
  return { initial: sum(initialFiles), total: sum([...sizes.keys()]) };
}

async function measureDependency(name) {
  const result = await esbuild({
    stdin: { contents: `export * from '${name}';`, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    external: [...external, 'react/*', 'react-dom/*'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return gzip(result.outputFiles[0].contents);
}

export async function measureBundles({ print = false, tarball } = {}) {
  const consumer = installPackedPackage(root, { tarball });
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const versions = {
    esbuild: JSON.parse(readFileSync(path.join(root, 'node_modules/esbuild/package.json'), 'utf8')).version,
    vite: JSON.parse(readFileSync(path.join(root, 'node_modules/vite/package.json'), 'utf8')).version,
    webpack: webpack.version,
  };
  const out = { measuredAt: new Date().toISOString(), from: 'packed tarball (npm pack) in a consumer', versions, imports: [], dependencies: [] };
  for (const [index, budget] of imports.entries()) {
    const row = { name: budget.name, budgetKB: { initial: budget.initialKB, total: budget.totalKB } };
    for (const [bundler, measure] of [
      ['esbuild', measureWithEsbuild],
      ['vite', measureWithVite],
      ['webpack', measureWithWebpack],
    ]) {
      const { initial, total } = await (bundler === 'esbuild' ? measure(consumer, budget.code) : measure(consumer, budget.code, index));
      row[bundler] = { initialKB: initial / kB, totalKB: total / kB };
    }
    out.imports.push(row);
  }
  for (const name of Object.keys(pkg.dependencies ?? {})) {
    out.dependencies.push({ name, gzipKB: (await measureDependency(name)) / kB });
  }
  if (print) {
    const f = (x) => x.toFixed(1).padStart(6);
    console.log(`\nBundle per import (min+gzip kB, initial / total; react external; from the packed tarball):`);
    console.log(`  ${'import'.padEnd(40)} ${'esbuild'.padStart(15)} ${'vite'.padStart(15)} ${'webpack'.padStart(15)}`);
    for (const row of out.imports) {
      const cell = (m) => `${f(m.initialKB)} /${f(m.totalKB)}`;
      console.log(`  ${row.name.padEnd(40)} ${cell(row.esbuild)} ${cell(row.vite)} ${cell(row.webpack)}`);
    }
    console.log('  dependencies, each bundled whole (esbuild):');
    for (const d of out.dependencies) console.log(`    ${d.name.padEnd(28)} ${f(d.gzipKB)} kB gzip`);
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const tarballIndex = process.argv.indexOf('--tarball');
  const tarball = tarballIndex === -1 ? undefined : process.argv[tarballIndex + 1];
  const bundles = await measureBundles({ print: true, tarball });
  if (process.argv.includes('--write') && tarball === undefined) {
    const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
    writeFileSync(resultsFile, `${JSON.stringify({ ...results, bundles }, null, 2)}\n`);
    console.log(`\nWrote bundles to ${path.relative(process.cwd(), resultsFile)}`);
  }
}
