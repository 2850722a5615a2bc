import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import astroConfig from '../../../astro.config.mjs';

// Prettier's Astro plugin moves whitespace only where the compiler ignores it, and it learns which
// whitespace that is from astroCompressHTML. If the two settings disagree, `npm run format` changes
// what pages render: with the plugin's default ('jsx') and our compressHTML: true, it put text inside
// links, buttons and messages on lines of their own, which rendered as spaces people read.
describe('template formatting', () => {
  it("tells the formatter the compiler's whitespace rule", () => {
    const prettier = JSON.parse(readFileSync('.prettierrc.json', 'utf8')) as {
      overrides: { files: string; options: { astroCompressHTML?: string } }[];
    };
    const astroOverride = prettier.overrides.find((o) => o.files === '*.astro');
    const expected = { true: 'html', false: 'none', jsx: 'jsx' }[String(astroConfig.compressHTML)];
    expect(expected).toBeDefined();
    expect(astroOverride?.options.astroCompressHTML).toBe(expected);
  });
});
