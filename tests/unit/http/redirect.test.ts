import { describe, expect, it } from 'vitest';
import { loginPath, loginRedirect, safeNextPath, signupPath } from '~/lib/http/redirect';

const FALLBACK = '/dashboard';
const MAX_LENGTH = 2000;

/** Paths on this site that must come back unchanged. */
const SAFE_PATHS = [
  '/',
  '/a',
  '/a?b=1#c',
  '/courses/chatbots-for-organizing/lessons/how-chatbots-work',
  '/es/dashboard?tab=certificates',
  '/login#form',
];

/** Targets that leave the site or are not paths at all. */
const OFF_SITE = [
  '//evil.com',
  '//evil.com/path',
  '/\\evil.com',
  '/\\/evil.com',
  'https://evil.com',
  'http://evil.com/a',
  'HTTPS://evil.com',
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'evil.com',
  'courses/x',
  '?next=/',
  '#top',
  ' /a',
];

/** Paths with control characters: header splitting and the tab/newline tricks browsers strip. */
const WITH_CONTROL_CHARACTERS = [
  '/a\r\nSet-Cookie: x=1',
  '/a\nb',
  '/\t/evil.com',
  '/a\u0000b',
  '/a\u007fb',
  '/\u001b[31m',
];

describe('safeNextPath', () => {
  it.each(SAFE_PATHS)('keeps the site path %s', (path) => {
    expect(safeNextPath(path, FALLBACK)).toBe(path);
  });

  it('normalises what it keeps the way a browser would', () => {
    expect(safeNextPath('/a/../b', FALLBACK)).toBe('/b');
    expect(safeNextPath('/a b', FALLBACK)).toBe('/a%20b');
  });

  it.each(OFF_SITE)('rejects %j', (target) => {
    expect(safeNextPath(target, FALLBACK)).toBe(FALLBACK);
  });

  it.each(WITH_CONTROL_CHARACTERS)('rejects the control characters in %j', (target) => {
    expect(safeNextPath(target, FALLBACK)).toBe(FALLBACK);
  });

  it('rejects the empty string', () => {
    expect(safeNextPath('', FALLBACK)).toBe(FALLBACK);
  });

  it.each([undefined, null, 42, true, {}, ['/a'], new URL('https://botcamp.example/a')])(
    'rejects the non-string %j',
    (target) => {
      expect(safeNextPath(target, FALLBACK)).toBe(FALLBACK);
    },
  );

  it(`accepts ${MAX_LENGTH} characters and rejects longer strings`, () => {
    const longest = `/${'a'.repeat(MAX_LENGTH - 1)}`;
    expect(safeNextPath(longest, FALLBACK)).toBe(longest);
    expect(safeNextPath(`${longest}a`, FALLBACK)).toBe(FALLBACK);
    expect(safeNextPath(`/${'a'.repeat(1_000_000)}`, FALLBACK)).toBe(FALLBACK);
  });

  it('returns whatever fallback it is given', () => {
    expect(safeNextPath('//evil.com', '/es/')).toBe('/es/');
  });

  // Bug: the checks run on the raw string, but the result is the URL's normalised pathname.
  // Dot segments and backslashes collapse into a leading "//", so these come back as
  // "//evil.com", which a browser follows to another site (an open redirect).
  it.each([
    '/.//evil.com',
    '/..//evil.com',
    '/a/..//evil.com',
    '/a/../\\evil.com',
    '/a\\..\\\\evil.com',
  ])('never returns a protocol-relative URL for %j', (target) => {
    const result = safeNextPath(target, FALLBACK);
    expect(result.startsWith('//') || result.startsWith('/\\')).toBe(false);
  });
});

describe('loginPath, signupPath and loginRedirect', () => {
  it('point at the page in the right language, with the return path encoded once', () => {
    expect(loginPath('en', '/courses/x?y=1')).toBe('/login?next=%2Fcourses%2Fx%3Fy%3D1');
    expect(loginPath('es', '/es/courses/x/lessons/y', 'lesson')).toBe(
      '/es/login?next=%2Fes%2Fcourses%2Fx%2Flessons%2Fy&for=lesson',
    );
    expect(signupPath('es', '/es/dashboard')).toBe('/es/signup?next=%2Fes%2Fdashboard');
  });

  it('redirect with 302 for a page and 303 after a form post', () => {
    const page = loginRedirect('es', '/es/dashboard');
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/es/login?next=%2Fes%2Fdashboard');
    const afterPost = loginRedirect('en', '/courses/x', { status: 303 });
    expect(afterPost.status).toBe(303);
    expect(afterPost.headers.get('location')).toBe('/login?next=%2Fcourses%2Fx');
  });

  it('round-trips through safeNextPath to the same place', () => {
    const next = new URL(
      loginPath('en', '/courses/a b/lessons/c?d=1&e=2'),
      'http://x',
    ).searchParams.get('next');
    expect(safeNextPath(next, '/')).toBe('/courses/a%20b/lessons/c?d=1&e=2');
  });
});
