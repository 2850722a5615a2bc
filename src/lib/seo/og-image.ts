import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';

/** What a course's social preview card shows. */
export interface OgCard {
  title: string;
  tagline: string;
  /** e.g. "16 lessons · Free" */
  meta: string;
  siteName: string;
}

const require = createRequire(import.meta.url);
let fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | undefined;

/** Inter from the npm package (WOFF, which satori reads), loaded once per process. */
function loadFonts(): NonNullable<typeof fonts> {
  fonts ??= [400, 700].map((weight) => ({
    name: 'Inter',
    data: readFileSync(
      require.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff`),
    ),
    weight: weight as 400 | 700,
    style: 'normal' as const,
  }));
  return fonts;
}

type Node = {
  type: string;
  props: { style?: Record<string, string | number>; children?: (Node | string)[] | Node | string };
};
const box = (
  style: Record<string, string | number>,
  children: (Node | string)[] | string,
): Node => ({ type: 'div', props: { style: { display: 'flex', ...style }, children } });

/**
 * A 1200×630 PNG for Open Graph and social cards: satori lays the text out as SVG paths (no
 * system fonts needed), resvg rasterises it.
 */
export async function renderOgImage(card: OgCard): Promise<Buffer> {
  const tree = box(
    {
      width: 1200,
      height: 630,
      flexDirection: 'column',
      padding: '56px 72px',
      background: 'linear-gradient(150deg, #e3f1ec 0%, #ffffff 70%)',
      fontFamily: 'Inter',
      color: '#14202b',
    },
    [
      box({ alignItems: 'center', fontSize: 34, fontWeight: 700, color: '#0b5d4b' }, [
        box(
          { width: 52, height: 52, borderRadius: 12, background: '#0b5d4b', marginRight: 18 },
          '',
        ),
        card.siteName,
      ]),
      box({ flexDirection: 'column', width: 1056, marginTop: 64 }, [
        box(
          {
            fontSize: card.title.length > 60 ? 56 : 68,
            fontWeight: 700,
            lineHeight: 1.1,
            letterSpacing: -1,
          },
          card.title,
        ),
        box({ fontSize: 30, color: '#44525f', marginTop: 24, lineHeight: 1.35 }, card.tagline),
        box({ fontSize: 28, fontWeight: 700, color: '#0b5d4b', marginTop: 32 }, card.meta),
      ]),
    ],
  );
  const svg = await satori(tree as unknown as Parameters<typeof satori>[0], {
    width: 1200,
    height: 630,
    fonts: loadFonts(),
  });
  return new Resvg(svg, { fitTo: { mode: 'width', value: 1200 } }).render().asPng();
}
