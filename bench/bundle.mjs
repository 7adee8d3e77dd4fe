// Bundle sizes as hosts pay them: the packed tarball installed into a consumer (see
// scripts/check-size.mjs), each import bundled for production by esbuild, Vite (library build,
// Rolldown) and webpack 5, react/react-dom external, NODE_ENV=production; every output file gzipped
// (-9). "initial" is the entry and what it imports statically, "total" adds the chunks it may load
// through import(). Also each dependency bundled alone, for scale. Build first (`npx tsup`).
//
//   npx node bench/bundle.mjs            print the figures
//   npx node bench/bundle.mjs --write    also store them under `bundles` in bench/results/latest.json
//   npx node bench/bundle.mjs --tarball reachout-0.1.0.tgz   measure an earlier tarball instead
//   npx node bench/bundle.mjs --breakdown  only what "everything" is made of, per package
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

/** The package an esbuild input belongs to: `zod`, `@radix-ui/react-dialog`, or our own files. */
function packageOf(input) {
  const parts = input.split('node_modules/').at(-1).split('/');
  const name = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  if (name !== 'reachout') return name;
  // Our phone functions are built into files of their own (tsup.config.ts): count them apart.
  return /\/phone(-lazy)?\.js$/.test(input) ? 'reachout (phone.ts)' : 'reachout (own code)';
}

/**
 * What an import's initial chunk is made of, per package, in gzip kB: each output file's gzip
 * size shared among its inputs by their minified bytes (gzip compresses them unevenly, so this is
 * an estimate), and, exactly, what the initial chunk weighs with each of the largest packages
 * (and our phone files with libphonenumber) left out of the bundle.
 */
export async function breakdownOf(consumer, code, { without = [] } = {}) {
  const bundle = (leaveOut) =>
    esbuild({
      stdin: { contents: code, resolveDir: consumer, loader: 'js', sourcefile: 'host.js' },
      bundle: true,
      splitting: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      outdir: path.join(consumer, 'out-breakdown'),
      write: false,
      metafile: true,
      external: [...external, 'react/*', 'react-dom/*'],
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
      plugins: [
        {
          name: 'leave-out',
          setup(build) {
            build.onResolve({ filter: /.*/ }, (args) => {
              const request = args.path.startsWith('.') ? path.join(args.resolveDir, args.path) : args.path;
              return leaveOut.some((pattern) => pattern.test(request)) ? { path: args.path, external: true } : undefined;
            });
          },
        },
      ],
    });
  const initialOf = async (leaveOut) => {
    const result = await bundle(leaveOut);
    const outputs = result.metafile.outputs;
    const files = new Map(result.outputFiles.map((file) => [path.relative(process.cwd(), file.path), file]));
    const entry = Object.keys(outputs).find((file) => outputs[file].entryPoint);
    const initial = new Set();
    const visit = (file) => {
      if (initial.has(file)) return;
      initial.add(file);
      for (const edge of outputs[file].imports) if (!edge.external && edge.kind === 'import-statement') visit(edge.path);
    };
    visit(entry);
    const byPackage = new Map();
    let gzipBytes = 0;
    for (const file of initial) {
      if (!file.endsWith('.js')) continue;
      const fileGzip = gzip(files.get(file).contents);
      gzipBytes += fileGzip;
      const inputs = Object.entries(outputs[file].inputs);
      const minified = inputs.reduce((sum, [, input]) => sum + input.bytesInOutput, 0);
      for (const [input, { bytesInOutput }] of inputs) {
        const name = packageOf(input);
        byPackage.set(name, (byPackage.get(name) ?? 0) + (minified === 0 ? 0 : (fileGzip * bytesInOutput) / minified));
      }
    }
    return { gzipBytes, byPackage };
  };
  const whole = await initialOf([]);
  const packages = [...whole.byPackage]
    .map(([name, bytes]) => ({ name, estimatedKB: bytes / kB }))
    .sort((a, b) => b.estimatedKB - a.estimatedKB);
  const leftOut = [];
  for (const { name, patterns } of without) {
    const { gzipBytes } = await initialOf(patterns);
    leftOut.push({ name, initialKB: gzipBytes / kB, savesKB: (whole.gzipBytes - gzipBytes) / kB });
  }
  return { initialKB: whole.gzipBytes / kB, packages, leftOut };
}

/** The packages whose removal `breakdownOf` measures for "everything", the largest first. */
const everythingWithout = [
  { name: 'libphonenumber-js + our phone files', patterns: [/libphonenumber-js/, /reachout\/dist\/phone(-lazy)?\.js$/] },
  { name: 'zod', patterns: [/^zod(\/|$)/] },
  { name: 'react-hook-form + @hookform/resolvers', patterns: [/^react-hook-form/, /^@hookform\//] },
  { name: '@radix-ui/*', patterns: [/^@radix-ui\//] },
  { name: '@tanstack/react-query', patterns: [/^@tanstack\/(react-)?query/] },
  { name: '@tanstack/react-table', patterns: [/^@tanstack\/(react-)?table/] },
  { name: '@tanstack/react-virtual', patterns: [/^@tanstack\/(react-)?virtual/] },
];

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
  out.everything = await breakdownOf(consumer, `export * from 'reachout';`, { without: everythingWithout });
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
    printBreakdown(out.everything);
  }
  return out;
}

function printBreakdown(everything) {
  const f = (x) => x.toFixed(1).padStart(6);
  console.log(`\nWhat "everything" (export * from 'reachout') loads up front, ${everything.initialKB.toFixed(1)} kB (esbuild):`);
  console.log('  per package (estimate: each file\'s gzip shared by minified bytes):');
  for (const p of everything.packages.filter((x) => x.estimatedKB >= 0.5)) console.log(`    ${p.name.padEnd(40)} ${f(p.estimatedKB)} kB`);
  console.log('  measured with one package left out of the bundle (initial kB, and what it saves):');
  for (const p of everything.leftOut) console.log(`    without ${p.name.padEnd(40)} ${f(p.initialKB)} kB  (−${p.savesKB.toFixed(1)})`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--breakdown')) {
    const consumer = installPackedPackage(root);
    printBreakdown(await breakdownOf(consumer, `export * from 'reachout';`, { without: everythingWithout }));
    process.exit(0);
  }
  const tarballIndex = process.argv.indexOf('--tarball');
  const tarball = tarballIndex === -1 ? undefined : process.argv[tarballIndex + 1];
  const bundles = await measureBundles({ print: true, tarball });
  if (process.argv.includes('--write') && tarball === undefined) {
    const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
    writeFileSync(resultsFile, `${JSON.stringify({ ...results, bundles }, null, 2)}\n`);
    console.log(`\nWrote bundles to ${path.relative(process.cwd(), resultsFile)}`);
  }
}
