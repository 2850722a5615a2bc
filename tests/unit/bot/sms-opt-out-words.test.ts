import { describe, expect, it } from 'vitest';
import { isOptOut, maybeOptOut, OPT_OUT_EXAMPLES, OPT_OUT_KEYWORDS } from '~/lib/bot/sms.ts';
import { Chat, loadBot } from './helpers';

// The opt-out words the lessons teach are the ones the engine honours: every listed keyword and
// example, in both languages, stops a conversation, even in the middle of a question.
const spanishRides = loadBot('rides-to-polls-es');
const englishRides = loadBot('rides-to-polls');

function midQuestion(bot: typeof spanishRides, start: string): Chat {
  const chat = new Chat(bot);
  chat.say(start);
  expect(chat.state.waiting).toBe('ask-zip');
  return chat;
}

describe('opt-out words, as the lessons list them', () => {
  for (const [language, bot, start] of [
    ['es', spanishRides, 'VIAJE'],
    ['en', englishRides, 'RIDE'],
  ] as const) {
    for (const word of [...OPT_OUT_KEYWORDS[language], ...OPT_OUT_EXAMPLES[language]]) {
      it(`"${word}" opts out of the ${language === 'es' ? 'Spanish' : 'English'} rides bot in the middle of a question`, () => {
        const chat = midQuestion(bot, start);
        chat.say(word);
        expect(chat.state.optedOut).toBe(true);
        expect(chat.texts).toEqual([bot.optOutConfirmation]);
        expect(chat.say('94110')).toEqual([]);
      });
    }
  }

  it('takes BASTA, ALTO and "no más mensajes" however they are typed', () => {
    for (const text of [
      'basta',
      'Basta!',
      'ALTO.',
      'Para',
      'No más mensajes',
      'no mas mensajes por favor',
      'ya basta',
    ])
      expect(isOptOut(text), text).toBe(true);
  });

  it('does not take ALTA (sign up) or an ordinary answer for an opt-out', () => {
    for (const text of ['alta', 'Alta', 'altos', 'Necesito un viaje para mi abuela', 'no', 'sí'])
      expect(isOptOut(text), text).toBe(false);
  });
});

describe('an unclear message is confirmed, never ignored', () => {
  it('asks once whether "fin" means stop, keeps the question, and stops on a yes', () => {
    const chat = midQuestion(spanishRides, 'VIAJE');
    expect(maybeOptOut('Fin')).toBe('es');
    expect(chat.say('Fin')).toEqual([
      '¿Quieres dejar de recibir mensajes de Te Llevamos a Votar? Responde SÍ y no te escribiremos más, o sigue con tu respuesta.',
    ]);
    expect(chat.state.optedOut).toBe(false);
    expect(chat.state.waiting).toBe('ask-zip');
    // The question was the one text allowed after the request: the yes is answered with silence.
    expect(chat.say('Sí')).toEqual([]);
    expect(chat.state.optedOut).toBe(true);
    expect(chat.say('94110')).toEqual([]);
  });

  it('goes on with the conversation when the person answers instead', () => {
    const chat = midQuestion(spanishRides, 'VIAJE');
    chat.say('ya no');
    expect(chat.state.confirmingOptOut).toBe(true);
    const replies = chat.say('94110');
    expect(chat.state.optedOut).toBe(false);
    expect(chat.state.confirmingOptOut).toBeUndefined();
    expect(chat.state.vars.zip).toBe('94110');
    expect(replies.join(' ')).toMatch(/hora/);
  });

  it('asks in English for English words', () => {
    const chat = midQuestion(englishRides, 'RIDE');
    expect(chat.say('enough')).toEqual([
      'Do you want to stop getting texts from Rides to the Polls? Reply YES and we will not text you again, or go on with your answer.',
    ]);
    chat.say('yes');
    expect(chat.state.optedOut).toBe(true);
  });
});
