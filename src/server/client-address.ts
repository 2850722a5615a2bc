import { CLIENT_ADDRESS_HEADER } from '~/lib/http/client-address';

/**
 * The address throttling keys on. Behind the production server (src/cli/serve.ts) that is the
 * address it worked out from TRUSTED_PROXIES and passed in a header it alone may set; anywhere
 * else (astro dev) the header could be a client's forgery, so the socket's address is used.
 *
 * @example
 * await logIn(db, { email, password, ip: clientAddressOf(Astro) });
 */
export function clientAddressOf(context: { request: Request; clientAddress: string }): string {
  if (process.env.BOTCAMP_CLIENT_ADDRESS_HEADER === CLIENT_ADDRESS_HEADER) {
    const fromServer = context.request.headers.get(CLIENT_ADDRESS_HEADER);
    if (fromServer) return fromServer;
  }
  return context.clientAddress;
}
