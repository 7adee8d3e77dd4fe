// Turns Stryker's JSON report into the recorded score, reports/mutation-core.json:
// { "score": <percent>, "files": { "<path>": <percent> } }. The score is Stryker's own: mutants
// killed or timed out, over all valid mutants (killed, timed out, survived, uncovered).
// Usage: node scripts/mutation-score.mjs [report] [output]; `npm run mutation` runs it.
import { readFileSync, writeFileSync } from 'node:fs';

const [reportPath = 'reports/mutation/mutation.json', outputPath = 'reports/mutation-core.json'] = process.argv.slice(2);
const report = JSON.parse(readFileSync(reportPath, 'utf8'));

const detectedStatuses = new Set(['Killed', 'Timeout']);
const undetectedStatuses = new Set(['Survived', 'NoCoverage']);

/** Percent with one decimal, as Stryker prints it. */
const percent = (detected, valid) => (valid === 0 ? 100 : Math.floor((detected / valid) * 1000) / 10);

let detectedTotal = 0;
let validTotal = 0;
const files = {};
for (const [path, file] of Object.entries(report.files).sort(([left], [right]) => left.localeCompare(right))) {
  const detected = file.mutants.filter((mutant) => detectedStatuses.has(mutant.status)).length;
  const valid = detected + file.mutants.filter((mutant) => undetectedStatuses.has(mutant.status)).length;
  // A file whose every mutant the type checker rejected has no score (Stryker prints n/a).
  if (valid > 0) files[path.replaceAll('\\', '/')] = percent(detected, valid);
  detectedTotal += detected;
  validTotal += valid;
}

const summary = { score: percent(detectedTotal, validTotal), files };
writeFileSync(outputPath, `${JSON.stringify(summary, null, 2)}\n`);
console.log(`Mutation score ${summary.score}% (${detectedTotal} of ${validTotal} valid mutants killed); written to ${outputPath}`);
