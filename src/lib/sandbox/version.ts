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
