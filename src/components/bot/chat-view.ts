/**
 * The phone-frame chat shared by <bot-sandbox> and <bot-playground>. Everything a person or a
 * bot wrote is set with textContent, never as HTML: a message of `<img onerror=…>` stays text.
 */
import type { SmsInfo } from '~/lib/bot/runtime.ts';
import { formatMessage } from '~/lib/i18n/message-format';

export interface ChatLine {
  from: 'person' | 'bot';
  text: string;
  quickReplies?: string[] | undefined;
  buttons?: { title: string; url?: string | undefined; goto?: string | undefined }[] | undefined;
  stepId?: string | null | undefined;
  source?: string | undefined;
  sms?: SmsInfo | undefined;
}

/** Interface strings the element gets from the page (already translated) through data-*. */
export interface ChatStrings {
  you: string;
  bot: string;
  step: string;
  segments: string;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export class ChatView {
  constructor(
    private readonly list: HTMLElement,
    private readonly chips: HTMLElement,
    private readonly strings: ChatStrings,
    private readonly onPick: (text: string) => void,
  ) {}

  clear(): void {
    this.list.replaceChildren();
    this.chips.replaceChildren();
  }

  add(lines: ChatLine[]): void {
    for (const line of lines) this.list.append(this.render(line));
    const last = lines[lines.length - 1];
    this.showChoices(last?.from === 'bot' ? last : undefined);
    const scroller = this.list.parentElement ?? this.list;
    scroller.scrollTop = scroller.scrollHeight;
  }

  private render(line: ChatLine): HTMLLIElement {
    const item = el('li', `msg ${line.from}`);
    item.append(
      el(
        'span',
        'visually-hidden',
        `${line.from === 'person' ? this.strings.you : this.strings.bot}: `,
      ),
    );
    item.append(el('span', 'bubble', line.text));
    const meta: string[] = [];
    if (line.sms)
      meta.push(
        formatMessage(document.documentElement.lang || 'en', this.strings.segments, {
          encoding: line.sms.encoding,
          segments: line.sms.segments,
          units: line.sms.units,
        }),
      );
    if (meta.length) item.append(el('span', 'meta', meta.join(' · ')));
    if (line.stepId || line.source)
      item.append(
        el('span', 'meta source-meta', `${this.strings.step}: ${line.stepId ?? line.source}`),
      );
    return item;
  }

  /** Quick replies and postback buttons of the bot's last message, as real buttons. */
  private showChoices(line: ChatLine | undefined): void {
    this.chips.replaceChildren();
    for (const title of line?.quickReplies ?? []) {
      const chip = el('button', 'chip', title);
      chip.type = 'button';
      chip.addEventListener('click', () => this.onPick(title));
      this.chips.append(chip);
    }
    for (const button of line?.buttons ?? []) {
      if (button.url) {
        const link = el('a', 'chip link', button.title);
        link.href = button.url;
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
        this.chips.append(link);
      } else {
        const chip = el('button', 'chip', button.title);
        chip.type = 'button';
        chip.addEventListener('click', () => this.onPick(button.title));
        this.chips.append(chip);
      }
    }
  }
}

/** Reads the JSON a component left in a `<script type="application/json">` inside `root`. */
export function readJsonIsland<T>(root: Element, name: string): T | null {
  const node = root.querySelector(`script[data-json="${name}"]`);
  if (!node?.textContent) return null;
  try {
    return JSON.parse(node.textContent) as T;
  } catch {
    return null;
  }
}

export async function postJson<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  const data = (await response.json().catch(() => ({}))) as T & { error?: string };
  if (!response.ok) throw new Error(data.error ?? `HTTP ${response.status}`);
  return data;
}
