/**
 * A short fingerprint of a bot's definition, so a visitor's locally saved chat is dropped when
 * the instructor changes the bot.
 * @example botVersion('{"id":"x"}') // 'k3j9a1'
 */
export function botVersion(json: string): string {
  let hash = 5381;
  for (let i = 0; i < json.length; i++) hash = ((hash << 5) + hash + json.charCodeAt(i)) | 0;
  return (hash >>> 0).toString(36);
}

/** JSON safe to place inside a <script type="application/json"> element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
