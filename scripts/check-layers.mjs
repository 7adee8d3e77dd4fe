// Fails when an import crosses the layers one way only: core <- data <- components;
// testing and rest import core only (DESIGN.md "Layers", STYLE.md "Layers").
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '..'));
const src = path.join(root, 'src');

/** Which src/ folders and which packages each layer may import. */
const rules = {
  core: { layers: ['core'], packages: [/^zod(\/|$)/, /^libphonenumber-js(\/|$)/] },
  data: { layers: ['core', 'data'], packages: [/^react$/, /^react\/jsx-runtime$/, /^@tanstack\/react-query$/] },
  components: {
    layers: ['core', 'data', 'components'],
    packages: [/^react(-dom)?(\/|$)/, /^@radix-ui\//, /^@tanstack\//, /^react-hook-form$/, /^@hookform\/resolvers(\/|$)/, /^zod(\/|$)/, /^libphonenumber-js(\/|$)/],
  },
  testing: { layers: ['core', 'testing'], packages: [/^zod(\/|$)/, /^libphonenumber-js(\/|$)/] },
  rest: { layers: ['core', 'rest'], packages: [/^zod(\/|$)/] },
};

const importPattern = /(?:^|[\s;])(?:import|export)\s(?:[^'"]*?\sfrom\s)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

async function* walk(directory) {
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (/\.(ts|tsx)$/.test(entry.name)) yield full;
  }
}

function layerOf(file) {
  const [first] = path.relative(src, file).split(path.sep);
  return first in rules ? first : null;
}

/** `src/components/<widget>/...` → widget folder name, or null for `internal/` and top-level files. */
function widgetOf(file) {
  const parts = path.relative(path.join(src, 'components'), file).split(path.sep);
  return parts.length > 1 && parts[0] !== 'internal' ? parts[0] : null;
}

const problems = [];
for await (const file of walk(src)) {
  const layer = layerOf(file);
  if (!layer) continue;
  const rule = rules[layer];
  const code = await readFile(file, 'utf8');
  for (const match of code.matchAll(importPattern)) {
    const specifier = match[1] ?? match[2];
    const where = path.relative(root, file);
    if (specifier.startsWith('.')) {
      const target = path.resolve(path.dirname(file), specifier);
      const targetLayer = layerOf(target);
      if (!targetLayer || !rule.layers.includes(targetLayer)) {
        problems.push(`${where}: src/${layer} may not import ${path.relative(root, target)}`);
        continue;
      }
      if (layer === 'components' && targetLayer === 'components') {
        const from = widgetOf(file);
        const to = widgetOf(target);
        const relativeToComponents = path.relative(path.join(src, 'components'), target).split(path.sep);
        const throughIndex = relativeToComponents.length === 1 || (relativeToComponents.length === 2 && relativeToComponents[1] === 'index');
        if (to && from !== to && !throughIndex) {
          problems.push(`${where}: use the ${to} widget through its index.ts, not ${specifier}`);
        }
      }
    } else if (!rule.packages.some((pattern) => pattern.test(specifier))) {
      problems.push(`${where}: src/${layer} may not import the package "${specifier}"`);
    }
  }
}

if (problems.length > 0) {
  console.error(`Layering check failed (${problems.length}):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('Layering check passed: core <- data <- components; testing and rest import core only.');
