import { gzipSync } from 'node:zlib';
import type { BenchRow } from '../lib/bench/report';

/**
 * What a phone downloads for one page, gzipped: the HTML, every stylesheet and inline style,
 * and every script with the modules it imports (statically or not). Targets from the speed
 * issue: no JavaScript on public pages and on lessons without a bot, at most 20 KB on a lesson
 * with a bot, at most 30 KB of CSS.
 */
export interface WeightedPage {
  name: string;
  path: string;
  headers: Record<string, string>;
  /** Most gzipped JavaScript bytes allowed. */
  maxJs: number;
}

const MAX_CSS = 30 * 1024;
const gz = (text: string) => gzipSync(text, { level: 9 }).length;

/** The relative imports of a built module (`./chunk.js`, `/_astro/chunk.js`). */
function importsOf(code: string, from: string): string[] {
  const found: string[] = [];
  for (const m of code.matchAll(
    /(?:\bfrom|\bimport)\s*\(?\s*["'`]((?:\.{1,2}\/|\/)[^"'`]+\.js)["'`]/g,
  ))
    found.push(new URL(m[1]!, `http://x${from}`).pathname);
  return found;
}

export async function pageWeight(origin: string, pages: WeightedPage[]): Promise<BenchRow[]> {
  const cache = new Map<string, string>();
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const key = path;
    if (!cache.has(key)) {
      const response = await fetch(origin + path, { headers });
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
      cache.set(key, await response.text());
    }
    return cache.get(key)!;
  };
  const rows: BenchRow[] = [];
  for (const page of pages) {
    const html = await get(page.path, page.headers);
    cache.delete(page.path);
    let css = 0;
    for (const m of html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g))
      css += gz(await get(m[1]!));
    for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)) css += gz(m[1]!);
    let js = 0;
    const modules = new Set<string>();
    const visit = async (path: string) => {
      if (modules.has(path)) return;
      modules.add(path);
      const code = await get(path);
      js += gz(code);
      for (const next of importsOf(code, path)) await visit(next);
    };
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      const attributes = m[1]!;
      if (/type="application\/(ld\+)?json"/.test(attributes)) continue;
      const src = /\bsrc="([^"]+)"/.exec(attributes)?.[1];
      if (src) await visit(src);
      else if (m[2]!.trim()) {
        js += gz(m[2]!);
        for (const next of importsOf(m[2]!, page.path)) await visit(next);
      }
    }
    rows.push(
      {
        group: `weight: ${page.name}`,
        measure: 'HTML (gzipped)',
        value: gz(html) / 1024,
        unit: 'KB',
      },
      {
        group: `weight: ${page.name}`,
        measure: 'CSS (gzipped)',
        value: css / 1024,
        unit: 'KB',
        target: { kind: 'at-most', value: MAX_CSS / 1024 },
      },
      {
        group: `weight: ${page.name}`,
        measure: 'JavaScript (gzipped)',
        value: js / 1024,
        unit: 'KB',
        target: { kind: 'at-most', value: page.maxJs / 1024 },
      },
    );
  }
  return rows;
}
