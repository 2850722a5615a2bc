/** A short plain-text answer for requests a person should not normally see (bad or forbidden posts). */
export function plainResponse(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
