/**
 * gig-workers-signup-es: the Spanish Messenger sign-up bot. Same flow and tags as the English
 * bot, Spanish texts and answers, and the same single check-in inside the 24-hour window.
 */
import { describe, expect, it } from 'vitest';
import { lintBot, parseBot } from '~/lib/bot/index.ts';
import { WINDOW_MS } from '~/lib/bot/messenger.ts';
import { Chat, HOUR, loadBot, readBotFile } from './helpers.ts';

const bot = loadBot('gig-workers-signup-es');
const english = loadBot('gig-workers-signup');

describe('gig-workers-signup-es', () => {
  it('parses, is lint-clean and has help text', () => {
    const { bot: parsed, problems, sourceMap } = parseBot(readBotFile('gig-workers-signup-es'));
    expect(problems).toEqual([]);
    expect(parsed?.id).toBe('gig-workers-signup-es');
    expect(parsed?.channel).toBe('messenger');
    expect(lintBot(parsed!, sourceMap)).toEqual([]);
    expect(bot.help).toMatch(/UNIRME/);
  });

  it('signs a worker up in Spanish, tags the app like the English bot and schedules one check-in', () => {
    const chat = new Chat(bot);
    expect(chat.say('Hola')).toEqual([
      expect.stringMatching(/^¡Hola! Somos Gig Workers Rising/),
      '¿Para qué app trabajas más?',
    ]);
    expect(chat.replies[1]?.quickReplies).toEqual([
      'Uber',
      'Lyft',
      'DoorDash',
      'Instacart',
      'Amazon Flex',
      'Otra',
    ]);
    expect(chat.say('mi bici')).toEqual([
      'Toca uno de los botones de abajo o escribe el nombre de la app.',
    ]);
    expect(chat.say('amazon flex')).toEqual([
      '¡Gracias! ¿En qué ciudad trabajas la mayor parte del tiempo?',
    ]);
    expect(chat.state.tags).toEqual(['platform-amazon-flex']);
    expect(chat.say('Oakland')).toEqual([
      'Quienes manejan o reparten con Amazon Flex en Oakland nos reunimos en línea cada dos martes a las 7pm para planear los próximos pasos. ¿Quieres una invitación a la próxima reunión?',
    ]);
    expect(chat.replies[0]?.quickReplies).toEqual(['Sí', 'No']);
    expect(chat.say('quizás')).toEqual(['Toca Sí o No, o escríbelo.']);
    expect(chat.say('Sí')).toEqual(['¡Genial! ¿A qué correo te mandamos la invitación?']);
    expect(chat.say('no es un correo')[0]).toMatch(/^Ese correo no parece estar bien/);
    chat.say('Luz@Ejemplo.com');
    const [confirmation, checkIn] = chat.replies;
    expect(confirmation?.text).toContain('luz@ejemplo.com');
    expect(confirmation?.text).toMatch(
      /el recordatorio del día antes de la reunión también te llegará ahí/,
    );
    expect(confirmation?.text).toMatch(/una sola vez, dentro de unas 20 horas/);
    expect(confirmation?.buttons).toEqual([
      { title: 'Conoce tus derechos', url: 'https://example.org/gig-workers/derechos' },
    ]);
    expect(checkIn?.sendAt).toBe(chat.now + 20 * HOUR);
    expect(checkIn!.sendAt! - chat.state.lastUserMessageAt!).toBeLessThan(WINDOW_MS);
    expect(checkIn).not.toHaveProperty('outsideWindow');
    expect(checkIn?.text).toMatch(
      /^Hola, te escribe Gig Workers Rising, como te prometimos: ¿te llegó la invitación a luz@ejemplo\.com\?/,
    );
    expect(chat.state.tags).toEqual(['platform-amazon-flex', 'wants-meeting']);
    expect(chat.state.ended).toBe(true);
  });

  it('tags "Otra" as platform-other and words the meeting invite without an app name', () => {
    const chat = new Chat(bot);
    chat.say('hola', 'otra');
    expect(chat.state.tags).toEqual(['platform-other']);
    expect(chat.say('Fresno')).toEqual([
      expect.stringMatching(/^Choferes y repartidores de Fresno nos reunimos/),
    ]);
    expect(chat.say('no')).toEqual([expect.stringContaining('Ya estás en la lista')]);
    expect(chat.state.tags).toEqual(['platform-other', 'signed-up']);
  });

  it('uses the same tags as the English bot for the same answers', () => {
    const answers = [
      ['hi', '3', 'San Jose', 'yes', 'a@example.org'],
      ['hola', '3', 'San Jose', 'sí', 'a@example.org'],
    ];
    const en = new Chat(english);
    en.say(...answers[0]!);
    const es = new Chat(bot);
    es.say(...answers[1]!);
    expect(es.state.tags).toEqual(en.state.tags);
  });

  it('restarts with UNIRME or JOIN', () => {
    const chat = new Chat(bot);
    chat.say('hola', 'Uber');
    expect(chat.say('UNIRME').at(-1)).toBe('¿Para qué app trabajas más?');
    expect(chat.say('JOIN').at(-1)).toBe('¿Para qué app trabajas más?');
  });
});
