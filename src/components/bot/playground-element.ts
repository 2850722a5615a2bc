import {
  handleMessage,
  startConversation,
  type Bot,
  type ConversationState,
} from '~/lib/bot/runtime.ts';
import type { CheckResult, Problem } from '~/lib/bot/types.ts';
import { ChatView, postJson, readJsonIsland, type ChatLine, type ChatStrings } from './chat-view';

type Strings = ChatStrings &
  Record<
    | 'error'
    | 'slowDown'
    | 'line'
    | 'noProblems'
    | 'passed'
    | 'failed'
    | 'allPassed'
    | 'someFailed'
    | 'fixFirst'
    | 'saved'
    | 'flow-too-slow'
    | 'flow-too-big'
    | 'flow-runner-busy'
    | 'flow-runner-unavailable',
    string
  >;

/** The runner's errors the learner gets a sentence for (src/lib/sandbox/flow-runner.ts FlowError). */
const FLOW_ERRORS = [
  'flow-too-slow',
  'flow-too-big',
  'flow-runner-busy',
  'flow-runner-unavailable',
] as const;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * <bot-playground>: the learner edits a flow, sees the server's lint messages as they type,
 * chats with their own bot (the engine runs here on the bot the server parsed), and asks the
 * server to run the exercise's checks, which alone decides a pass.
 */
class BotPlayground extends HTMLElement {
  private strings!: Strings;
  private view!: ChatView;
  private bot: Bot | null = null;
  private state: ConversationState | null = null;
  private lintTimer = 0;
  private saveTimer = 0;
  private editor!: HTMLTextAreaElement;

  connectedCallback(): void {
    const strings = readJsonIsland<Strings>(this, 'strings');
    const editor = this.querySelector<HTMLTextAreaElement>('textarea.flow-editor');
    const list = this.querySelector<HTMLElement>('.message-list');
    const chips = this.querySelector<HTMLElement>('.choices');
    const form = this.querySelector<HTMLFormElement>('form.composer');
    if (!strings || !editor || !list || !chips || !form) return;
    this.strings = strings;
    this.editor = editor;
    this.view = new ChatView(list, chips, strings, (text) => this.send(text));
    form.hidden = false;
    this.querySelector('.needs-js')?.remove();
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const input = form.elements.namedItem('text') as HTMLInputElement;
      this.send(input.value);
      input.value = '';
    });
    this.querySelector('[data-action="restart"]')?.addEventListener('click', () => this.restart());
    this.querySelector('[data-action="run"]')?.addEventListener('click', () => void this.run());
    editor.addEventListener('input', () => {
      window.clearTimeout(this.lintTimer);
      window.clearTimeout(this.saveTimer);
      this.lintTimer = window.setTimeout(() => void this.lint(), 350);
      this.saveTimer = window.setTimeout(() => void this.save(), 1500);
    });
    editor.addEventListener('keydown', (event) => {
      // Tab inserts two spaces (YAML indentation); Escape then Tab leaves the editor as usual.
      if (event.key === 'Tab' && !event.shiftKey && !editor.dataset.escaped) {
        event.preventDefault();
        editor.setRangeText('  ', editor.selectionStart, editor.selectionEnd, 'end');
        editor.dispatchEvent(new Event('input'));
      }
      if (event.key === 'Escape') editor.dataset.escaped = '1';
      else if (event.key !== 'Tab') delete editor.dataset.escaped;
    });
    this.bot = readJsonIsland<Bot>(this, 'bot');
    this.restart();
  }

  private get endpoint(): string {
    return `/api/exercises/${this.dataset.exercise}`;
  }

  private restart(): void {
    this.view.clear();
    if (!this.bot) return;
    const turn = startConversation(this.bot, { now: Date.now() });
    this.state = turn.state;
    this.view.add(turn.replies.map((r) => ({ from: 'bot', ...r })));
  }

  private send(raw: string): void {
    const text = raw.trim();
    if (!text || !this.bot || !this.state) return;
    const turn = handleMessage(this.bot, this.state, text, { now: Date.now() });
    this.state = turn.state;
    const lines: ChatLine[] = [
      { from: 'person', text },
      ...turn.replies.map((r) => ({ from: 'bot' as const, ...r })),
    ];
    this.view.add(lines);
  }

  private showProblems(problems: Problem[]): void {
    const box = this.querySelector('.lint');
    if (!box) return;
    if (problems.length === 0) {
      box.replaceChildren(el('p', 'small ok-text', this.strings.noProblems));
      return;
    }
    const list = el('ul', '');
    for (const p of problems) {
      list.append(
        el(
          'li',
          `problem ${p.severity}`,
          `${this.strings.line.replace('{line}', String(p.line)).replace('{column}', String(p.column))} ${p.message}`,
        ),
      );
    }
    box.replaceChildren(list);
  }

  private async lint(): Promise<void> {
    try {
      const result = await postJson<{ problems: Problem[]; bot: Bot | null }>(this.endpoint, {
        action: 'lint',
        source: this.editor.value,
      });
      this.showProblems(result.problems);
      if (result.bot && !result.problems.some((p) => p.severity === 'error')) {
        this.bot = result.bot;
        this.restart();
      }
    } catch (error) {
      this.showStatus(this.failure(error));
    }
  }

  /** The server's error code as the learner's message (flow too slow, too big, busy), else the generic one. */
  private failure(error: unknown): string {
    const code = error instanceof Error ? error.message : '';
    if (code === 'too-many-requests') return this.strings.slowDown;
    return (FLOW_ERRORS as readonly string[]).includes(code)
      ? this.strings[code as (typeof FLOW_ERRORS)[number]]
      : this.strings.error;
  }

  private async save(): Promise<void> {
    try {
      await postJson(this.endpoint, { action: 'save', source: this.editor.value });
      this.showStatus(this.strings.saved);
    } catch {
      this.showStatus(this.strings.error);
    }
  }

  private showStatus(text: string): void {
    const status = this.querySelector('.save-status');
    if (status) status.textContent = text;
  }

  private async run(): Promise<void> {
    const box = this.querySelector('.results');
    if (!box) return;
    try {
      window.clearTimeout(this.saveTimer);
      const result = await postJson<{
        problems: Problem[];
        checks: CheckResult[];
        passed: boolean;
      }>(this.endpoint, { action: 'run', source: this.editor.value });
      this.showProblems(result.problems);
      if (result.checks.length === 0) {
        box.replaceChildren(el('p', 'alert error', this.strings.fixFirst));
        return;
      }
      const list = el('ul', '');
      for (const check of result.checks) {
        const item = el('li', `check ${check.passed ? 'pass' : 'fail'}`);
        item.append(
          el(
            'strong',
            '',
            `${check.passed ? '✓' : '✗'} ${check.passed ? this.strings.passed : this.strings.failed}: ${check.name}`,
          ),
        );
        item.append(el('span', '', check.reason));
        list.append(item);
      }
      box.replaceChildren(
        el(
          'p',
          result.passed ? 'alert ok' : 'alert error',
          result.passed ? this.strings.allPassed : this.strings.someFailed,
        ),
        list,
      );
    } catch (error) {
      box.replaceChildren(el('p', 'alert error', this.failure(error)));
    }
  }
}

if (!customElements.get('bot-playground')) customElements.define('bot-playground', BotPlayground);
