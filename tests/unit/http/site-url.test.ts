import { describe, expect, it } from 'vitest';
import { siteUrlWarning } from '~/lib/http/site-url';

describe('siteUrlWarning', () => {
  it('stays quiet when SITE_URL is set, wherever the server listens', () => {
    expect(
      siteUrlWarning({ SITE_URL: 'https://courses.example.org', HOST: '0.0.0.0', PORT: '8080' }),
    ).toBeNull();
  });

  it('stays quiet when the default address is where the server listens', () => {
    expect(siteUrlWarning({})).toBeNull();
    expect(siteUrlWarning({ HOST: '127.0.0.1', PORT: '4321' })).toBeNull();
    expect(siteUrlWarning({ SITE_URL: '  ', HOST: 'localhost' })).toBeNull();
  });

  it('warns when the server listens on another port', () => {
    const lines = siteUrlWarning({ HOST: '127.0.0.1', PORT: '8080' });
    expect(lines?.join('\n')).toContain('point to http://localhost:4321');
    expect(lines?.join('\n')).toContain('listens on http://127.0.0.1:8080');
  });

  it('warns when other machines reach the server (a container, a LAN address)', () => {
    expect(siteUrlWarning({ HOST: '0.0.0.0' })?.join('\n')).toContain(
      'listens on http://0.0.0.0:4321',
    );
    expect(siteUrlWarning({ HOST: '192.168.1.20', PORT: '4321' })?.join('\n')).toContain(
      'http://192.168.1.20:4321',
    );
    expect(siteUrlWarning({ HOST: '::' })?.join('\n')).toContain('http://[::]:4321');
  });
});
