import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkContent } from '../lib/content/check';
import { formatProblem } from '../lib/content/problems';

/**
 * Runs the content check before every build (fatal) and on every content change in dev (logged),
 * so an instructor sees `file:line:column` messages instead of a stack trace.
 */
export function contentCheck(): AstroIntegration {
  let root = process.cwd();
  const run = () => checkContent(root);
  return {
    name: 'botcamp:content-check',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        root = fileURLToPath(config.root);
        if (command !== 'build') return;
        const problems = run();
        const errors = problems.filter((p) => p.severity === 'error');
        for (const p of problems)
          (p.severity === 'error' ? logger.error : logger.warn).call(logger, formatProblem(p));
        if (errors.length) {
          // The messages above say everything; a stack trace would only bury them.
          logger.error(`content check failed with ${errors.length} error(s); the build stops here`);
          process.exit(1);
        }
      },
      'astro:server:setup': ({ server, logger }) => {
        const report = () => {
          const problems = run();
          for (const p of problems)
            (p.severity === 'error' ? logger.error : logger.warn).call(logger, formatProblem(p));
        };
        report();
        server.watcher.on('change', (path) => {
          if (path.includes('/content/')) report();
        });
      },
    },
  };
}
