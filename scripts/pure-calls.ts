// Marks the calls that build our module-level constants (`forwardRef(...)`, `createContext(...)`,
// `memo(...)`, `Object.assign(...)` compound assemblies, zod schemas, table features...) with
// `/* @__PURE__ */`, so a host's bundler may drop every export the host does not use. Without the
// mark no bundler may assume that a call has no side effect, and keeps it and all it reaches.
//
// The convention it relies on: in `src/`, a top-level `const` is computed from its arguments only
// (no registration, no I/O). Work with an effect belongs in a function, never at module level.
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';
import ts from 'typescript';

const PURE = '/* @__PURE__ */ ';

/**
 * Returns `source` with `/* @__PURE__ *\/` before every call and `new` expression evaluated while
 * a top-level `const` is initialised (calls inside nested functions run later and are left alone),
 * and how many it marked.
 */
export function annotatePureCalls(source: string, fileName: string): { code: string; count: number } {
  const kind = fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, kind);
  // Insertions as [position, depth, text]; a call that starts where its enclosing call starts
  // (`z.object({}).check(...)`) is wrapped in parentheses so the mark names it alone: a bundler
  // reads a leading mark as covering the outermost call only.
  const edits: [position: number, depth: number, text: string][] = [];
  let count = 0;
  const visit = (node: ts.Node, depth: number, enclosingCallStart: number): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    let childCallStart = enclosingCallStart;
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const start = node.getStart(file);
      // A mark already in the source names the outermost call that starts after it.
      const marked =
        start !== enclosingCallStart && source.slice(Math.max(0, start - PURE.length - 4), start).includes('__PURE__');
      if (!marked) {
        count += 1;
        if (start === enclosingCallStart) {
          edits.push([start, depth, `(${PURE}`], [node.getEnd(), depth, ')']);
        } else {
          edits.push([start, depth, PURE]);
        }
      }
      childCallStart = start;
    }
    ts.forEachChild(node, (child) => visit(child, depth + 1, childCallStart));
  };
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    if (!(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (declaration.initializer) visit(declaration.initializer, 0, -1);
    }
  }
  // From the end backwards; at one position the deepest first, so the outermost mark leads.
  edits.sort((a, b) => b[0] - a[0] || b[1] - a[1]);
  let code = source;
  for (const [position, , text] of edits) code = `${code.slice(0, position)}${text}${code.slice(position)}`;
  return { code, count };
}

/** An esbuild (tsup) plugin applying `annotatePureCalls` to our TypeScript sources. */
export function pureCallsPlugin({ filter = /[\\/]src[\\/].*\.tsx?$/ }: { filter?: RegExp } = {}): Plugin {
  return {
    name: 'reachout-pure-calls',
    setup(build) {
      build.onLoad({ filter }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        const { code } = annotatePureCalls(source, args.path);
        return { contents: code, loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
      });
    },
  };
}
