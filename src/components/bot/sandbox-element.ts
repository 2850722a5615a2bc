import {
  handleMessage,
  startConversation,
  type Bot,
  type ConversationState,
} from '~/lib/bot/runtime.ts';
import { ChatView, postJson, readJsonIsland, type ChatLine, type ChatStrings } from './chat-view';

interface Stored {
  state: ConversationState;
  transcript: ChatLine[];
}

/**
 * <bot-sandbox>: a chat with one of the course's bots. Enrolled learners ("stored" mode) talk to
 * the server, which runs the engine and keeps the conversation; preview visitors ("local" mode)
 * run the same engine here, with the conversation kept in this browser only.
 */
class BotSandbox extends HTMLElement {
  private view!: ChatView;
  private stored: Stored | null = null;
  private bot: Bot | null = null;
  private busy = false;

  connectedCallback(): void {
    const strings = readJsonIsland<ChatStrings & { error: string }>(this, 'strings');
    const list = this.querySelector<HTMLElement>('.message-list');
    const chips = this.querySelector<HTMLElement>('.choices');
    const form = this.querySelector<HTMLFormElement>('form.composer');
    if (!strings || !list || !chips || !form) return;
    this.view = new ChatView(list, chips, strings, (text) => void this.send(text));
    form.hidden = false;
    this.querySelector('.needs-js')?.remove();
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const input = form.elements.namedItem('text') as HTMLInputElement;
      const text = input.value;
      input.value = '';
      void this.send(text);
    });
    this.querySelector('[data-action="restart"]')?.addEventListener(
      'click',
      () => void this.restart(),
    );
    const source = this.querySelector<HTMLDetailsElement>('details.view-source');
    source?.addEventListener('toggle', () => this.classList.toggle('show-source', source.open));
    if (this.dataset.mode === 'local') {
      this.bot = readJsonIsland<Bot>(this, 'bot');
      this.stored = this.loadLocal();
    } else {
      this.stored = readJsonIsland<Stored>(this, 'conversation');
    }
    this.view.clear();
    this.view.add(this.stored?.transcript ?? []);
    this.renderState();
  }

  private get storageKey(): string {
    return `botcamp:bot:${this.dataset.bot}:${this.dataset.version}`;
  }

  private loadLocal(): Stored | null {
    if (!this.bot) return null;
    try {
      const saved = JSON.parse(localStorage.getItem(this.storageKey) ?? 'null') as Stored | null;
      if (saved?.state?.v === 1) return saved;
    } catch {
      /* storage unavailable or corrupt: start fresh */
    }
    return this.freshLocal();
  }

  private freshLocal(): Stored | null {
    if (!this.bot) return null;
    const turn = startConversation(this.bot, { now: Date.now() });
    return { state: turn.state, transcript: turn.replies.map((r) => ({ from: 'bot', ...r })) };
  }

  private saveLocal(): void {
    try {
      localStorage.setItem(this.storageKey, JSON.stringify(this.stored));
    } catch {
      /* private mode: the chat still works, it just will not survive a reload */
    }
  }

  private async send(raw: string): Promise<void> {
    const text = raw.trim();
    if (!text || this.busy) return;
    this.busy = true;
    try {
      if (this.dataset.mode === 'local' && this.bot && this.stored) {
        const turn = handleMessage(this.bot, this.stored.state, text, { now: Date.now() });
        const lines: ChatLine[] = [
          { from: 'person', text },
          ...turn.replies.map((r) => ({ from: 'bot' as const, ...r })),
        ];
        this.stored = {
          state: turn.state,
          transcript: [...this.stored.transcript, ...lines].slice(-300),
        };
        this.saveLocal();
        this.view.add(lines);
      } else {
        this.view.add([{ from: 'person', text }]);
        const result = await postJson<{ replies: ChatLine[]; conversation: Stored }>(
          `/api/bots/${this.dataset.bot}`,
          { action: 'send', text },
        );
        this.stored = result.conversation;
        this.view.add(result.replies);
      }
      this.renderState();
    } catch (error) {
      this.showError(error);
    } finally {
      this.busy = false;
    }
  }

  private async restart(): Promise<void> {
    try {
      if (this.dataset.mode === 'local') {
        this.stored = this.freshLocal();
        this.saveLocal();
      } else {
        this.stored = (
          await postJson<{ conversation: Stored }>(`/api/bots/${this.dataset.bot}`, {
            action: 'restart',
          })
        ).conversation;
      }
      this.view.clear();
      this.view.add(this.stored?.transcript ?? []);
      this.renderState();
    } catch {
      this.showError();
    }
  }

  /** The "view source" panel's variables and tags. */
  private renderState(): void {
    const vars = this.querySelector('.state-vars');
    const tags = this.querySelector('.state-tags');
    if (!vars || !tags || !this.stored) return;
    vars.textContent = JSON.stringify(this.stored.state.vars, null, 2);
    tags.textContent = this.stored.state.tags.join(', ') || '—';
  }

  private showError(error?: unknown): void {
    const status = this.querySelector('.chat-error');
    const strings = readJsonIsland<{ error: string; slowDown: string }>(this, 'strings');
    const message =
      error instanceof Error && error.message === 'too-many-requests'
        ? strings?.slowDown
        : strings?.error;
    if (status && message) status.textContent = message;
  }
}

if (!customElements.get('bot-sandbox')) customElements.define('bot-sandbox', BotSandbox);
