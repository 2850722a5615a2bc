import { afterEach, describe, expect, it, vi } from 'vitest';
import { CLIENT_ADDRESS_HEADER } from '~/lib/http/client-address';
import { clientAddressOf } from '~/server/client-address';

const context = (headers: Record<string, string>) => ({
  request: new Request('http://localhost/login', { headers }),
  clientAddress: '203.0.113.9',
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('clientAddressOf', () => {
  it('believes the production server’s header when that server says it sets it', () => {
    vi.stubEnv('BOTCAMP_CLIENT_ADDRESS_HEADER', CLIENT_ADDRESS_HEADER);
    expect(clientAddressOf(context({ [CLIENT_ADDRESS_HEADER]: '198.51.100.4' }))).toBe(
      '198.51.100.4',
    );
    // No header (a request that did not come through it): the socket's address.
    expect(clientAddressOf(context({}))).toBe('203.0.113.9');
  });

  it('ignores the header anywhere else, where any client could have forged it', () => {
    vi.stubEnv('BOTCAMP_CLIENT_ADDRESS_HEADER', '');
    expect(clientAddressOf(context({ [CLIENT_ADDRESS_HEADER]: '198.51.100.4' }))).toBe(
      '203.0.113.9',
    );
    vi.stubEnv('BOTCAMP_CLIENT_ADDRESS_HEADER', 'x-forwarded-for');
    expect(
      clientAddressOf(
        context({ [CLIENT_ADDRESS_HEADER]: '198.51.100.4', 'x-forwarded-for': '198.51.100.5' }),
      ),
    ).toBe('203.0.113.9');
  });
});
