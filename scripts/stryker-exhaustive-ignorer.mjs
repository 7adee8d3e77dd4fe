// A Stryker ignorer (stryker.config.mjs `ignorers`): the `default:` of an exhaustive switch, which
// only holds `value satisfies never` (STYLE.md), is unreachable for typed input; the type checker
// proves it. Its mutants could only be killed by a test that lies about types, so they are not
// counted (Stryker reports them as ignored, with the reason below).
import { declareValuePlugin, PluginKind } from '@stryker-mutator/api/plugin';

/** `x satisfies never`, alone or returned. */
function isNeverCheck(statement) {
  const expression =
    statement.type === 'ReturnStatement' ? statement.argument : statement.type === 'ExpressionStatement' ? statement.expression : null;
  return expression?.type === 'TSSatisfiesExpression' && expression.typeAnnotation.type === 'TSNeverKeyword';
}

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'exhaustive-switch-default', {
    shouldIgnore(path) {
      const node = path.node;
      if (node.type !== 'SwitchCase' || node.test !== null || node.consequent.length === 0) return undefined;
      return node.consequent.every(isNeverCheck) ? 'Exhaustive switch default (`satisfies never`): unreachable for typed input' : undefined;
    },
  }),
];
