import { describe, expect, it } from 'vitest';
import { lintBot, parseBot } from '~/lib/bot/index.ts';
import { Chat, loadBot, readBotFile } from './helpers';

const bot = loadBot('opt-in-list-es');

describe('opt-in-list-es', () => {
  it('is lint-clean and sends every fixed message in one GSM-7 segment', () => {
    const { bot: parsed, sourceMap } = parseBot(readBotFile('opt-in-list-es'));
    expect(lintBot(parsed!, sourceMap)).toEqual([]);
    const chat = new Chat(bot);
    expect(chat.replies[0]?.sms).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    chat.say('UNETE');
    expect(chat.replies[0]?.sms).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    expect(chat.say('HELP')).toEqual([bot.help]);
    expect(chat.replies[0]?.sms).toMatchObject({ encoding: 'GSM-7', segments: 1 });
  });

  it('asks for ACEPTO, then subscribes and collects a first name and ZIP', () => {
    const chat = new Chat(bot);
    expect(chat.say('ÚNETE')).toEqual([expect.stringMatching(/^Responde ACEPTO/)]);
    expect(chat.state.tags).toEqual(['pending']);
    expect(chat.say('acepto')).toEqual([
      expect.stringMatching(/^¡Listo! Ya recibes los avisos/),
      expect.stringMatching(/^Escribe tu nombre/),
    ]);
    expect(chat.state.tags).toEqual(['subscribed']);
    expect(chat.say('Rosa')[0]).toMatch(/^¡Gracias, Rosa!/);
    expect(chat.say('94601')).toEqual([
      'Anotado, Rosa: avisos para el ZIP 94601. ¡Te esperamos en las reuniones!',
    ]);
  });

  it.each(['Sí', 'si', 'SI', 'yes', 'ok', 'Acepto.', 'aceto'])(
    'takes "%s" as a confirmation',
    (reply) => {
      const chat = new Chat(bot);
      chat.say('UNETE');
      chat.say(reply);
      expect(chat.state.tags).toEqual(['subscribed']);
    },
  );

  it.each(['no', 'No gracias'])('does not subscribe on "%s"', (reply) => {
    const chat = new Chat(bot);
    chat.say('unete');
    expect(chat.say(reply)).toEqual([
      'Listo, no te suscribimos. Si cambias de idea, escribe UNETE cuando quieras.',
    ]);
    expect(chat.state.tags).toEqual([]);
  });

  it('re-asks in Spanish when the answer is neither', () => {
    const chat = new Chat(bot);
    chat.say('UNETE');
    expect(chat.say('¿de qué se trata?')).toEqual([
      'Responde ACEPTO para recibir los avisos, o NO si no los quieres.',
    ]);
    expect(chat.state.waiting).toBe('confirm-join');
  });

  it.each(['STOP', 'BASTA', 'ALTO', 'no más mensajes', 'ya no me manden mensajes'])(
    '"%s" opts out while the bot waits for the confirmation',
    (word) => {
      const chat = new Chat(bot);
      chat.say('UNETE');
      expect(chat.say(word)).toEqual([bot.optOutConfirmation]);
      expect(chat.state.optedOut).toBe(true);
      expect(chat.say('acepto')).toEqual([]);
      expect(chat.state.tags).toEqual(['pending']);
      expect(chat.say('START')).toEqual([bot.optInConfirmation]);
    },
  );
});
