import { parseOptions } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS } from '~/lib/auth/common-passwords';
import {
  ARGON2_OPTIONS,
  DUMMY_PASSWORD_HASH,
  checkPasswordPolicy,
  hashPassword,
  needsRehash,
  verifyPassword,
} from '~/lib/auth/password';

/** The error code, or 'ok'. */
const code = (r: { ok: true } | { ok: false; error: string }): string => (r.ok ? 'ok' : r.error);

const ctx = { email: 'maria.garcia@example.org', displayName: 'María García' };

describe('checkPasswordPolicy', () => {
  it('accepts a long, unremarkable password', () => {
    expect(checkPasswordPolicy('tea kettle orbit 42', ctx)).toEqual({ ok: true, value: undefined });
    expect(checkPasswordPolicy('ñandú-verde-1', ctx).ok).toBe(true);
  });

  it('counts characters, not bytes, for the 10 to 256 limits', () => {
    expect(checkPasswordPolicy('abcdef123', ctx)).toEqual({
      ok: false,
      error: 'password-too-short',
      field: 'password',
    });
    expect(checkPasswordPolicy('ñandúñandú'.slice(0, 9), ctx).ok).toBe(false);
    expect(checkPasswordPolicy('😀🐍🌵🎲🧩🦊🍋🚲🎈🪁', ctx).ok).toBe(true);
    expect(checkPasswordPolicy('tea kettle '.repeat(23).slice(0, 256), ctx).ok).toBe(true);
    expect(code(checkPasswordPolicy('tea kettle '.repeat(24).slice(0, 257), ctx))).toBe(
      'password-too-long',
    );
  });

  it.each([
    'password123',
    'Password123',
    'QWERTYUIOP',
    '1234567890',
    'iloveyou12',
    'contraseña123',
    'botcamp2026',
  ])('rejects the common password %s, ignoring case', (password) => {
    expect(checkPasswordPolicy(password, ctx)).toEqual({
      ok: false,
      error: 'password-common',
      field: 'password',
    });
  });

  it('rejects trivially repeated patterns', () => {
    for (const password of ['zzzzzzzzzzzz', 'xyxyxyxyxyxy', 'k9!k9!k9!k9!k']) {
      expect(code(checkPasswordPolicy(password, ctx))).toBe('password-common');
    }
  });

  it('rejects passwords built from the e-mail address', () => {
    expect(code(checkPasswordPolicy('maria.garcia@example.org', ctx))).toBe(
      'password-contains-email',
    );
    expect(code(checkPasswordPolicy('Maria.Garcia2026!', ctx))).toBe('password-contains-email');
  });

  it('rejects passwords built from the display name', () => {
    const other = { email: 'mg@example.org', displayName: 'María García' };
    expect(code(checkPasswordPolicy('maría garcía 1990', other))).toBe('password-contains-name');
    expect(code(checkPasswordPolicy('GARCÍA-rules-ok', other))).toBe('password-contains-name');
    // Short name parts are not checked: "Li" would forbid half the dictionary.
    expect(
      checkPasswordPolicy('lighthouse keeper', { email: 'x@example.org', displayName: 'Li Wu' }).ok,
    ).toBe(true);
  });
});

describe('COMMON_PASSWORDS', () => {
  it('ships about 300 lower-case entries of at least 10 characters', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThanOrEqual(300);
    for (const p of COMMON_PASSWORDS) {
      expect([...p].length).toBeGreaterThanOrEqual(10);
      expect(p).toBe(p.toLowerCase());
    }
  });
});

describe('hashPassword / verifyPassword', () => {
  it('uses argon2id with m=19456, t=2, p=1 and verifies', async () => {
    const hash = await hashPassword('tea kettle orbit 42');
    expect(hash.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
    const o = parseOptions(hash);
    expect([o.memoryCost, o.timeCost, o.parallelism]).toEqual([19456, 2, 1]);
    expect(o.saltLen).toBeGreaterThanOrEqual(16);
    expect(await verifyPassword(hash, 'tea kettle orbit 42')).toBe(true);
    expect(await verifyPassword(hash, 'tea kettle orbit 43')).toBe(false);
    expect(await hashPassword('tea kettle orbit 42')).not.toBe(hash); // salted
  });

  it('treats a malformed stored hash as a mismatch', async () => {
    expect(await verifyPassword('not-a-hash', 'whatever')).toBe(false);
  });

  it('ships a dummy hash made with the current parameters', () => {
    expect(needsRehash(DUMMY_PASSWORD_HASH)).toBe(false);
    expect(parseOptions(DUMMY_PASSWORD_HASH).algorithm).toBe(ARGON2_OPTIONS.algorithm);
  });

  it('asks for a rehash when the parameters are outdated', () => {
    expect(needsRehash(DUMMY_PASSWORD_HASH.replace('m=19456,t=2', 'm=4096,t=3'))).toBe(true);
    expect(needsRehash('$2b$10$abcdefghijklmnopqrstuv')).toBe(true);
  });
});
