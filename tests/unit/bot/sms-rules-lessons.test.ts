/**
 * What the SMS lessons (sms-bots-and-the-rules, launching-your-bot, writing-for-small-screens, in
 * English and Spanish) tell learners about the sandbox bots and about message sizes: checked here
 * against the engine, so a lesson cannot promise what the bots don't do or quote a wrong count.
 */
import { describe, expect, it } from 'vitest';
import { smsSegments } from '~/lib/bot/index.ts';
import { OPT_OUT_KEYWORDS, isOptOut, maybeOptOut } from '~/lib/bot/sms.ts';
import { Chat, loadBot } from './helpers';

describe('the opt-out rule as the lessons state it', () => {
  it('the English keywords in <OptOutKeywords />, except STOPALL, are the seven words the FCC names', () => {
    const fcc = ['STOP', 'QUIT', 'END', 'REVOKE', 'OPT OUT', 'CANCEL', 'UNSUBSCRIBE'];
    expect(OPT_OUT_KEYWORDS.en.filter((word) => word !== 'STOPALL').sort()).toEqual(
      [...fcc].sort(),
    );
  });

  it('"ya no" inside an ordinary answer is not an opt-out, but "ya no" alone is asked about', () => {
    expect(isOptOut('ya no puedo ir el jueves')).toBe(false);
    expect(maybeOptOut('ya no puedo ir el jueves')).toBeNull();
    expect(maybeOptOut('ya no')).toBe('es');
  });
});

describe('the English sandbox bot (opt-in-list), as the lesson describes it', () => {
  const bot = loadBot('opt-in-list');
  const waitingForName = () => {
    const chat = new Chat(bot);
    chat.say('JOIN', 'YES');
    expect(chat.state.waiting).toBe('ask-name');
    return chat;
  };

  it.each(['STOP', 'please stop texting me', 'REVOKE', 'opt out'])(
    '"%s" opts out while the bot waits for a name, with one confirmation and then silence',
    (message) => {
      const chat = waitingForName();
      const replies = chat.say(message);
      expect(replies).toHaveLength(1);
      expect(replies[0]).toMatch(/unsubscribed/i);
      expect(chat.state.optedOut).toBe(true);
      expect(chat.say('Maria')).toEqual([]);
      expect(chat.say('START')).toHaveLength(1);
      expect(chat.state.optedOut).toBe(false);
    },
  );

  it('asks once about an unclear word ("enough") and stops on a yes', () => {
    const chat = waitingForName();
    expect(chat.say('enough')).toEqual([expect.stringMatching(/^Do you want to stop/)]);
    expect(chat.state.optedOut).toBe(false);
    // The question was the one text allowed after a possible opt-out: a yes gets silence.
    expect(chat.say('yes')).toEqual([]);
    expect(chat.state.optedOut).toBe(true);
  });
});

describe('the Spanish sandbox bot (opt-in-list-es), as the Spanish lesson describes it', () => {
  const bot = loadBot('opt-in-list-es');
  const waitingForName = () => {
    const chat = new Chat(bot);
    chat.say('UNETE', 'ACEPTO');
    expect(chat.state.waiting).toBe('ask-name');
    return chat;
  };

  it.each(['BAJA', 'STOP', 'ya no me manden mensajes'])(
    '"%s" opts out while the bot waits for a name, with one confirmation',
    (message) => {
      const chat = waitingForName();
      expect(chat.say(message)).toEqual([bot.optOutConfirmation]);
      expect(chat.state.optedOut).toBe(true);
      expect(chat.say('START')).toEqual([bot.optInConfirmation]);
    },
  );

  it('asks once, in Spanish, about "fin"', () => {
    const chat = waitingForName();
    expect(chat.say('fin')).toEqual([expect.stringMatching(/^¿Quieres dejar de recibir mensajes/)]);
    expect(chat.say('sí')).toEqual([]);
    expect(chat.state.optedOut).toBe(true);
  });
});

describe('the message sizes quoted in the lessons', () => {
  const en =
    "Eastside Votes: Early voting starts Saturday, 9am-5pm at the Main St library. Need a ride? Reply RIDE and we'll send a volunteer driver. Reply STOP to opt out";
  const es =
    'Barrio Vota: Vota temprano desde el 24 de oct., de 9am a 5pm, en la biblioteca de Main St. ¿Te llevamos? Responde VIAJE y te mandamos un chofer. STOP para salir';
  const ballotBox = '\u{1F5F3}\u{FE0F}';

  it.each([
    ['English, as written', en, 'GSM-7', 158, 1],
    ['English, curly apostrophe', en.replace("we'll", 'we\u2019ll'), 'UCS-2', 158, 3],
    ['English, ballot box emoji', `${en} ${ballotBox}`, 'UCS-2', 162, 3],
    ['English, "Bring a friend along!"', `${en} Bring a friend along!`, 'GSM-7', 180, 2],
    ['Spanish, as written', es, 'GSM-7', 160, 1],
    ['Spanish, "todos los días"', es.replace('de 9am', 'todos los días de 9am'), 'UCS-2', 175, 3],
    ['Spanish, «VIAJE»', es.replace('VIAJE', '«VIAJE»'), 'UCS-2', 162, 3],
    ['Spanish, ballot box emoji', `${es} ${ballotBox}`, 'UCS-2', 164, 3],
    ['Spanish, "¡Trae a tu familia!"', `${es} ¡Trae a tu familia!`, 'GSM-7', 180, 2],
    [
      'Spanish reminder, before',
      'Barrio Vota: El martes 3 de nov. es el último día para votar. Más información sobre tu lugar de votación en example.org/vota ¿Necesitas transporte? Responde VIAJE. STOP para salir',
      'UCS-2',
      179,
      3,
    ],
    [
      'Spanish reminder, after',
      'Barrio Vota: El martes 3 de nov. toca votar. Busca tu lugar de voto en example.org/vota ¿Necesitas transporte? Responde VIAJE. STOP para salir',
      'GSM-7',
      142,
      1,
    ],
    [
      'Spanish rule 1, first example',
      '¿Cuántas personas viajan contigo? Responde con una cifra.',
      'UCS-2',
      57,
      1,
    ],
    [
      'Spanish rule 1, second example',
      '¿Vienes a la asamblea del jueves? Responde SÍ o NO.',
      'UCS-2',
      51,
      1,
    ],
    ['parentheses', 'Meeting (Thu 7pm)', 'GSM-7', 17, 1],
    ['brackets count double', 'Meeting [Thu 7pm]', 'GSM-7', 19, 1],
    ['paréntesis', 'Asamblea (jue 7pm)', 'GSM-7', 18, 1],
    ['corchetes', 'Asamblea [jue 7pm]', 'GSM-7', 20, 1],
  ] as const)('%s', (_name, text, encoding, units, segments) => {
    expect(smsSegments(text)).toMatchObject({ encoding, units, segments });
  });

  it('counts every extension character the lessons list (and form feed) as two', () => {
    for (const char of ['^', '{', '}', '[', ']', '~', '\\', '|', '€', '\f']) {
      expect(smsSegments(char)).toMatchObject({ encoding: 'GSM-7', units: 2 });
    }
  });
});
