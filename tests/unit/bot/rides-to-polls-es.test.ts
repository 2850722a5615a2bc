import { describe, expect, it } from 'vitest';
import { parseBot, lintBot } from '~/lib/bot/index.ts';
import { OPT_OUT_EXAMPLES, OPT_OUT_KEYWORDS } from '~/lib/bot/sms.ts';
import { Chat, loadBot, readBotFile } from './helpers';

// The Spanish rides bot honours the Spanish opt-out words (BASTA, ALTO, "no más mensajes") in
// the middle of every question of a booking, not only at the first one.
const bot = loadBot('rides-to-polls-es');

/** The answers that move a booking forward, and the question each one answers. */
const BOOKING = [
  { waiting: 'ask-zip', answer: '94110' },
  { waiting: 'ask-time', answer: '2' },
  { waiting: 'ask-riders', answer: '3' },
  { waiting: 'ask-wheelchair', answer: 'sí' },
] as const;

/** A chat paused at the `index`-th question of a booking. */
function pausedAt(index: number): Chat {
  const chat = new Chat(bot);
  chat.say('VIAJE');
  for (const step of BOOKING.slice(0, index)) {
    expect(chat.state.waiting).toBe(step.waiting);
    chat.say(step.answer);
  }
  expect(chat.state.waiting).toBe(BOOKING[index]!.waiting);
  return chat;
}

describe('rides-to-polls-es', () => {
  it('is lint-clean', () => {
    const { bot: parsed, sourceMap } = parseBot(readBotFile('rides-to-polls-es'));
    expect(lintBot(parsed!, sourceMap)).toEqual([]);
  });

  it('books a ride in Spanish from start to finish', () => {
    const chat = new Chat(bot);
    expect(chat.last).toMatch(/Escribe VIAJE.*STOP para darte de baja/);
    chat.say('VIAJE');
    expect(chat.say('941')).toEqual([expect.stringContaining('no parece un ZIP')]);
    for (const step of BOOKING) chat.say(step.answer);
    expect(chat.texts).toEqual([
      'Anotado: te mandamos una camioneta con rampa para silla de ruedas.',
      '¡Listo! Te recogemos el 3 de nov. de 11am a 3pm en el ZIP 94110, para 3 persona(s). Un chofer te escribe la noche anterior. Para cambiar algo, escribe VIAJE.',
    ]);
    expect(chat.state.tags).toEqual(['needs-accessible', 'rider']);
    expect(chat.state.ended).toBe(true);
  });

  for (const [index, step] of BOOKING.entries()) {
    for (const word of [
      'BASTA',
      'basta!',
      'ALTO',
      'Alto.',
      'no más mensajes',
      'No mas mensajes',
      'NO MÁS MENSAJES',
    ]) {
      it(`"${word}" opts out while the bot waits at ${step.waiting}`, () => {
        const chat = pausedAt(index);
        expect(chat.say(word)).toEqual([bot.optOutConfirmation]);
        expect(chat.state.optedOut).toBe(true);
        expect(chat.state.waiting).toBeNull();
        // Nothing more is sent, whatever the person writes next, until they text START.
        expect(chat.say(step.answer)).toEqual([]);
        expect(chat.say('VIAJE')).toEqual([]);
        expect(chat.say('START')).toEqual([bot.optInConfirmation]);
        expect(chat.state.optedOut).toBe(false);
      });
    }
  }

  it('confirms the opt-out in Spanish, in one GSM-7 segment', () => {
    const chat = pausedAt(2);
    chat.say('basta');
    expect(chat.replies).toHaveLength(1);
    expect(chat.last).toMatch(/^Te Llevamos a Votar: ya no te enviaremos mensajes/);
    expect(chat.replies[0]?.sms).toMatchObject({ encoding: 'GSM-7', segments: 1 });
  });

  it('does not take ALTA (sign up) or a valid answer for an opt-out', () => {
    const chat = pausedAt(3);
    chat.say('alta');
    expect(chat.state.optedOut).toBe(false);
    expect(chat.last).toBe('Por favor, responde SÍ o NO.');
    chat.say('no');
    expect(chat.state.optedOut).toBe(false);
    expect(chat.state.tags).toEqual(['rider']);
  });
});

// Everything the Spanish lessons teach as a way to stop: the lists they render from the engine
// (<OptOutKeywords />, both languages: the lessons say the English words count in a Spanish
// conversation too) and the phrases their text, quizzes and exercises use.
const LESSON_PHRASES = [
  'ya por favor dejen de mandarme mensajes',
  'ya no me manden mensajes',
  'Ya no me manden mensajes, gracias',
];
const TAUGHT = [
  ...OPT_OUT_KEYWORDS.es,
  ...OPT_OUT_EXAMPLES.es,
  ...OPT_OUT_KEYWORDS.en,
  'STOPALL',
  ...LESSON_PHRASES,
];

describe('rides-to-polls-es and every opt-out the Spanish lessons teach', () => {
  for (const [index, step] of BOOKING.entries()) {
    it(`each one opts out at once while the bot waits at ${step.waiting}`, () => {
      for (const words of TAUGHT) {
        const chat = pausedAt(index);
        expect(chat.say(words), words).toEqual([bot.optOutConfirmation]);
        expect(chat.state.optedOut, words).toBe(true);
        expect(chat.say(step.answer), words).toEqual([]);
      }
    });

    it(`"fin" and "ya no" get one question at ${step.waiting}, and SÍ then stops without another text`, () => {
      for (const unclear of ['fin', 'ya no']) {
        const chat = pausedAt(index);
        expect(chat.say(unclear)).toEqual([
          expect.stringMatching(
            /^¿Quieres dejar de recibir mensajes de Te Llevamos a Votar\? Responde SÍ/,
          ),
        ]);
        expect(chat.state.optedOut).toBe(false);
        expect(chat.state.waiting).toBe(step.waiting);
        expect(chat.say('sí')).toEqual([]);
        expect(chat.state.optedOut).toBe(true);
      }
    });
  }

  it('an unclear word answered with the booking answer instead keeps the booking going', () => {
    const chat = pausedAt(0);
    chat.say('ya no');
    chat.say('94110');
    expect(chat.state.optedOut).toBe(false);
    expect(chat.state.waiting).toBe('ask-time');
  });
});
