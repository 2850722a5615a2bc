/**
 * Messenger channel rules.
 *
 * - The person starts the conversation: `startConversation` sends nothing on Messenger, and the
 *   first message (any text, including the "Get started" button's GET_STARTED payload) runs the
 *   `start` step, unless it is one of the bot's keywords, which then wins.
 * - At most 13 quick replies, titles cut to 20 characters; at most 3 buttons (titles also 20).
 *   The engine applies the cuts (as Messenger would); the linter warns beforehand.
 * - The 24-hour standard messaging window: a message sent more than 24 h after the person's
 *   last message is flagged `outsideWindow`: since Meta retired free recurring notifications
 *   (February 2026), it could only go out as an approved utility template or a paid marketing
 *   message to someone who subscribed to them. Only steps with `delayHours` can land outside it.
 */
import type { Button } from './types.ts';

export const MAX_QUICK_REPLIES = 13;
export const MAX_TITLE = 20;
export const MAX_BUTTONS = 3;
export const WINDOW_MS = 24 * 60 * 60 * 1000;
export const GET_STARTED = 'GET_STARTED';

/**
 * Cut a title the way Messenger does.
 * @example cutTitle("Instacart Shopper (full service)") // "Instacart Shopper (f"
 */
export function cutTitle(title: string): string {
  return title.length <= MAX_TITLE ? title : Array.from(title).slice(0, MAX_TITLE).join('');
}

/**
 * Quick replies as Messenger shows them: first 13, titles cut to 20 characters.
 * @example messengerQuickReplies(["Uber", "Lyft"]) // ["Uber", "Lyft"]
 */
export function messengerQuickReplies(titles: readonly string[]): string[] {
  return titles.slice(0, MAX_QUICK_REPLIES).map(cutTitle);
}

/**
 * Buttons as Messenger shows them: first 3, titles cut to 20 characters.
 * @example messengerButtons([{ title: "Map", url: "https://example.org" }]).length // 1
 */
export function messengerButtons(buttons: readonly Button[]): Button[] {
  return buttons.slice(0, MAX_BUTTONS).map((b) => ({ ...b, title: cutTitle(b.title) }));
}

/**
 * Would a message sent at `sendAt` fall outside the 24-hour window?
 * @example outsideWindow(0, 25 * 3600_000) // true
 */
export function outsideWindow(lastUserMessageAt: number | null, sendAt: number): boolean {
  return lastUserMessageAt === null || sendAt - lastUserMessageAt > WINDOW_MS;
}
