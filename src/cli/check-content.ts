import { checkContent } from '../lib/content/check';
import { formatProblem } from '../lib/content/problems';

// `npm run check` step: every authored file, with file:line:column for each problem.
const problems = checkContent(process.cwd());
for (const problem of problems) console.log(formatProblem(problem));
const errors = problems.filter((p) => p.severity === 'error').length;
console.log(errors ? `content: ${errors} error(s)` : `content: ok (${problems.length} warning(s))`);
process.exit(errors ? 1 : 0);
