import { join } from 'node:path';
import type { Loader } from 'astro/loaders';
import { readBotFiles } from './bot-files';

/**
 * Content-layer loader for content/bots/: each YAML file goes through the bot engine's own parser
 * and linter (so problems carry line and column); a file with errors stops the build.
 */
export function botLoader(dir = 'content/bots'): Loader {
  return {
    name: 'botcamp-bots',
    load: async ({ store, logger, config }) => {
      const root = new URL(config.root).pathname;
      store.clear();
      const errors: string[] = [];
      for (const entry of readBotFiles(join(root, dir))) {
        for (const p of entry.problems) {
          const line = `${dir}/${entry.id}.yaml:${p.line}:${p.column} ${p.severity} ${p.message}`;
          if (p.severity === 'error') errors.push(line);
          else logger.warn(line);
        }
        if (entry.file) store.set({ id: entry.id, data: { ...entry.file } });
      }
      if (errors.length) throw new Error(`Bot files have errors:\n${errors.join('\n')}`);
    },
  };
}
