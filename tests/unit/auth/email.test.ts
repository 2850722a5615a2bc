import { describe, expect, it } from 'vitest';
import { validateDisplayName } from '~/lib/auth/display-name';
import { normalizeEmail, validateEmail } from '~/lib/auth/email';

describe('normalizeEmail', () => {
  it('trims and lower-cases', () => {
    expect(normalizeEmail('  Foo@X.ORG \n')).toBe('foo@x.org');
  });
});

describe('validateEmail', () => {
  it.each([
    'ada@example.org',
    'a.b+tag@sub.example.co',
    'Foo@X.org',
    'josé@correo.es',
    'x@müller.de',
  ])('accepts %s', (raw) => {
    const r = validateEmail(raw);
    expect(r).toEqual({ ok: true, value: normalizeEmail(raw) });
  });

  it.each([
    '',
    'ada',
    'ada@',
    '@example.org',
    'ada@example',
    'ada@localhost',
    'ada@@example.org',
    'ada lovelace@example.org',
    'ada@exa mple.org',
    'ada@-example.org',
    'ada@example..org',
    '.ada@example.org',
    'a..da@example.org',
    'ada@192.168.0.1',
    'ada,bob@example.org',
    '<ada>@example.org',
    'ada\n@example.org',
    'ada@example.o',
  ])('rejects %j', (raw) => {
    expect(validateEmail(raw)).toEqual({ ok: false, error: 'email-invalid', field: 'email' });
  });

  it('caps the address at 254 characters and the local part at 64', () => {
    const domain = `${'d'.repeat(60)}.${'e'.repeat(60)}.${'f'.repeat(60)}.${'g'.repeat(30)}.org`;
    const ok = `${'a'.repeat(254 - domain.length - 1)}@${domain}`;
    expect(ok.length).toBe(254);
    expect(validateEmail(ok).ok).toBe(true);
    expect(validateEmail(`a${ok}`).ok).toBe(false);
    expect(validateEmail(`${'a'.repeat(64)}@example.org`).ok).toBe(true);
    expect(validateEmail(`${'a'.repeat(65)}@example.org`).ok).toBe(false);
  });
});

describe('validateDisplayName', () => {
  it('trims and accepts 1 to 80 characters, counting code points', () => {
    expect(validateDisplayName('  Ada Lovelace ')).toEqual({ ok: true, value: 'Ada Lovelace' });
    expect(validateDisplayName('é'.repeat(80)).ok).toBe(true);
    expect(validateDisplayName('😀'.repeat(80)).ok).toBe(true);
    expect(validateDisplayName('👩‍💻 Ada').ok).toBe(true);
  });

  it.each(['', '   ', 'a'.repeat(81), 'Ada\nLovelace', 'Ada\u0000', 'Ada\u202Eecalevol'])(
    'rejects %j',
    (raw) => {
      expect(validateDisplayName(raw)).toEqual({
        ok: false,
        error: 'name-invalid',
        field: 'displayName',
      });
    },
  );
});
