import { describe, expect, it } from 'vitest';
import { resetPasswordEmail } from '~/lib/mail/templates';

describe('resetPasswordEmail', () => {
  const url = 'https://botcamp.example/reset-password/abc';

  it('fills the name and link in both languages', () => {
    const en = resetPasswordEmail('en', { name: 'Ada', url });
    expect(en.subject).toBe('Reset your Botcamp password');
    expect(en.text).toContain('Hello Ada,');
    expect(en.text).toContain(`\n${url}\n`);
    const es = resetPasswordEmail('es', { name: 'Ada', url });
    expect(es.subject).toBe('Restablece tu contraseña de Botcamp');
    expect(es.text).toContain('Hola, Ada:');
    expect(es.text).toContain(url);
  });

  it('inserts values literally, without re-expanding placeholders or markup', () => {
    const mail = resetPasswordEmail('en', { name: '<b>{url}</b>', url });
    expect(mail.text).toContain('Hello <b>{url}</b>,');
    expect(mail.text).not.toMatch(/\{name\}/);
  });
});
