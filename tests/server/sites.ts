import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroInlineConfig } from 'astro';

/**
 * The Astro sites the server tests run against. `project` is the project's own content/ (what
 * learners see). `translated` is a small site under tests/ with the same code and configuration
 * but content the project does not have: a course translated only in part, a draft lesson and a
 * draft course.
 */
const repo = fileURLToPath(new URL('../../', import.meta.url));
const translatedRoot = fileURLToPath(new URL('./translated-site/', import.meta.url));

export const sites = {
  project: { root: repo },
  translated: {
    root: translatedRoot,
    srcDir: fileURLToPath(new URL('../../src/', import.meta.url)),
    // Astro joins configFile onto root, so it must be relative.
    configFile: relative(
      translatedRoot,
      fileURLToPath(new URL('../../astro.config.mjs', import.meta.url)),
    ),
  },
} satisfies Record<string, AstroInlineConfig & { root: string }>;

export type SiteName = keyof typeof sites;
