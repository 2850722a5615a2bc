import { describe, expect, it } from 'vitest';
import { renderOgImage } from '~/lib/seo/og-image';
import { sitemapXml } from '~/lib/seo/sitemap';

const CARD = {
  title: 'Chatbots for organizing, unions and electoral campaigns',
  tagline: 'Grow your list by text.',
  meta: '16 lessons · Free',
  siteName: 'Botcamp',
};

describe('renderOgImage', () => {
  it('draws a 1200×630 PNG', async () => {
    const png = await renderOgImage(CARD);
    expect(png.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    // IHDR: width and height are the first two big-endian words of its data.
    expect(png.readUInt32BE(16)).toBe(1200);
    expect(png.readUInt32BE(20)).toBe(630);
  }, 30_000);
});

describe('sitemapXml', () => {
  it('lists each page in every language with its alternates, escaped', () => {
    const xml = sitemapXml('https://learn.example.org', [
      { path: '/courses/a&b', locales: ['en', 'es'] },
    ]);
    expect(xml).toContain('<loc>https://learn.example.org/courses/a&amp;b</loc>');
    expect(xml).toContain('<loc>https://learn.example.org/es/courses/a&amp;b</loc>');
    expect(xml.match(/hreflang="es"/g)).toHaveLength(2);
  });
});
