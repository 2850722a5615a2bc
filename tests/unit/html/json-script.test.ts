import { describe, expect, it } from 'vitest';
import { jsonForScript } from '~/lib/html/json-script';

describe('jsonForScript', () => {
  it('cannot close the script element it sits in, and still parses back to the same value', () => {
    const value = { title: 'Bots </script><script>alert(1)</script>', sep: 'a\u2028b\u2029c' };
    const text = jsonForScript(value);
    expect(text).not.toContain('<');
    expect(text).not.toMatch(/[\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
