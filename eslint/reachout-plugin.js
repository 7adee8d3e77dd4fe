// Reachout's own ESLint rules. One so far, for widget and data files (src/components, src/data):
// module-level code a host's bundler can never drop. Our build marks module-level calls
// `/* @__PURE__ */` (scripts/pure-calls.ts), but a bundler still keeps
// - a destructuring of a call's result (`const { Provider } = createWidgetContext()`): reading the
//   parts may run getters, so the call and everything it reaches stay;
// - a property read of a call's result (`createX().Provider`, or `ctx.Provider` where
//   `const ctx = createX()`): the same getter rule;
// - an object spread (`{ ...cells, name: NameCell }`): spreading may run getters too.
// Each of them kept a widget nobody imported in every host's bundle (see "widget contexts read
// through functions" in the history). Read through functions instead, or list properties one by one.

/** Whether `node` runs when the module is evaluated: not inside a function or an instance field. */
function isModuleLevel(node) {
  for (let current = node.parent; current; current = current.parent) {
    switch (current.type) {
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        return false;
      case 'PropertyDefinition':
        if (!current.static) return false;
        break;
      default:
    }
  }
  return true;
}

/** `node` without the TypeScript wrappers and parentheses that change nothing at run time. */
function unwrap(node) {
  let current = node;
  while (
    current &&
    ['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion', 'ChainExpression'].includes(
      current.type,
    )
  ) {
    current = current.expression;
  }
  return current;
}

const isCall = (node) => node?.type === 'CallExpression' || node?.type === 'NewExpression';

/** Whether `node` is a call, or a name bound to one (`const ctx = createX()`), looked up in scope. */
function isCallResult(node, sourceCode) {
  const expression = unwrap(node);
  if (isCall(expression)) return true;
  if (expression?.type !== 'Identifier') return false;
  for (let scope = sourceCode.getScope(expression); scope; scope = scope.upper) {
    const variable = scope.set.get(expression.name);
    if (!variable) continue;
    return variable.defs.some(
      (definition) =>
        definition.type === 'Variable' &&
        definition.node.id.type === 'Identifier' &&
        isCall(unwrap(definition.node.init)),
    );
  }
  return false;
}

/** @type {import('eslint').Rule.RuleModule} */
const noRetainedModuleWork = {
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow module-level code that bundlers cannot drop: destructuring or property reads of a call result, object spreads',
    },
    schema: [],
    messages: {
      destructuring:
        "Module-level destructuring of a call's result keeps the call (and the whole widget) in every bundle. Keep the result in one const and read it through functions.",
      propertyRead:
        "Module-level property read of a call's result keeps the call (and the whole widget) in every bundle. Read it inside a function instead.",
      spread:
        'Module-level object spread is kept in every bundle even when nothing reads it. List the properties one by one.',
    },
  },
  create(context) {
    const { sourceCode } = context;
    return {
      VariableDeclarator(node) {
        if (node.id.type !== 'ObjectPattern' && node.id.type !== 'ArrayPattern') return;
        if (node.init && isModuleLevel(node) && isCallResult(node.init, sourceCode)) {
          context.report({ node: node.id, messageId: 'destructuring' });
        }
      },
      AssignmentExpression(node) {
        if (node.left.type !== 'ObjectPattern' && node.left.type !== 'ArrayPattern') return;
        if (isModuleLevel(node) && isCallResult(node.right, sourceCode)) {
          context.report({ node: node.left, messageId: 'destructuring' });
        }
      },
      MemberExpression(node) {
        // A method call (`z.string().min(1)`) is itself a call our build marks pure: droppable.
        const parent = node.parent;
        if ((parent.type === 'CallExpression' || parent.type === 'NewExpression') && parent.callee === node) return;
        if (isModuleLevel(node) && isCallResult(node.object, sourceCode)) {
          context.report({ node, messageId: 'propertyRead' });
        }
      },
      SpreadElement(node) {
        if (node.parent.type === 'ObjectExpression' && isModuleLevel(node)) {
          context.report({ node, messageId: 'spread' });
        }
      },
    };
  },
};

/** @type {import('eslint').ESLint.Plugin} */
const plugin = {
  meta: { name: 'reachout' },
  rules: { 'no-retained-module-work': noRetainedModuleWork },
};

export default plugin;
