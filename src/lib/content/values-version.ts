import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatterSource } from './source';
import { valuesSchema } from './schemas';

/**
 * The current participation values version, read straight from content/ for command-line tools
 * (which run outside Astro's content layer).
 */
export function readValuesVersion(root: string): number {
  const parsed = parseFrontmatterSource(readFileSync(join(root, 'content/pages/participation-values.md'), 'utf8'));
  if ('error' in parsed) throw new Error(`participation-values.md: ${parsed.error}`);
  return valuesSchema.parse(parsed.data).version;
}
