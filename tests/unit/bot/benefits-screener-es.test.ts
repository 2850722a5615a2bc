/**
 * benefits-screener-es: the Spanish screener reaches the same results as the English one, in
 * Spanish, with Spanish quick replies, and never asks about status.
 */
import { describe, expect, it } from 'vitest';
import { Chat, loadBot } from './helpers.ts';

const es = loadBot('benefits-screener-es');
const en = loadBot('benefits-screener');
const screen = (...answers: string[]) => {
  const chat = new Chat(es);
  chat.say('hola');
  chat.say(...answers);
  return chat;
};

const STATUS_QUESTION =
  /migra|estatus|status|ciudadan|green card|tarjeta de residencia|visa|documento|seguro social|identificaci|nombre/i;

describe('benefits-screener-es', () => {
  it('has the same steps, branches and limits as the English screener', () => {
    expect(Object.keys(es.steps)).toEqual(Object.keys(en.steps));
    expect(es.lookups).toEqual(en.lookups);
    for (const [id, step] of Object.entries(en.steps)) {
      expect(es.steps[id]?.branch, id).toEqual(step.branch);
      expect(es.steps[id]?.goto, id).toEqual(step.goto);
      expect(es.steps[id]?.tag, id).toEqual(step.tag);
      expect(es.steps[id]?.expect, id).toEqual(step.expect);
    }
  });

  it('greets in Spanish, promises not to ask for status, and offers Spanish quick replies', () => {
    const chat = new Chat(es);
    expect(chat.say('hola')).toEqual([
      expect.stringContaining('SNAP'),
      expect.stringContaining('no una solicitud ni una decisión'),
      '¿Empezamos?',
    ]);
    expect(chat.texts[1]).toContain('ni tu estatus migratorio');
    expect(chat.replies[2]?.quickReplies).toEqual(['Sí', 'No']);
  });

  it('never asks about immigration status, citizenship, identity numbers or names', () => {
    const questions = Object.values(es.steps).flatMap((step) => (step.ask ? [step.ask] : []));
    for (const question of questions) expect(question).not.toMatch(STATUS_QUESTION);
  });

  it('points a low-income family with working parents to SNAP and child care, then names the fiscal year', () => {
    const chat = screen('sí', '3', '1900', 'no', 'Sí', 'si');
    expect(chat.texts[0]).toContain(
      'podrías calificar para SNAP (ayuda para comida) Y para ayuda con el pago del cuidado infantil',
    );
    expect(chat.texts[1]).toContain(
      'año fiscal 2027 (del 1 de octubre de 2026 al 30 de septiembre de 2027)',
    );
    expect(chat.texts[1]).toContain('Cambian cada 1 de octubre');
    expect(chat.replies[1]?.buttons?.map((b) => b.title)).toEqual([
      'Oficina de SNAP',
      'Cuidado infantil',
    ]);
    expect(chat.texts[2]).toContain('el estatus migratorio influye en quién puede recibir SNAP');
    expect(chat.texts[2]).toContain('con ciudadanía estadounidense podrían calificar');
    expect(chat.texts[2]).toContain('(415) 555-0147');
    expect(chat.state.tags).toEqual(['may-qualify-snap', 'may-qualify-childcare']);
  });

  it.each([
    [['si', '1', '1200', 'no', 'no'], 'podrías calificar para SNAP', ['may-qualify-snap']],
    [
      ['si', '4', '4000', 'no', 'si', 'si'],
      'ayuda con el pago del cuidado infantil',
      ['may-qualify-childcare'],
    ],
    [['si', '2', '2500', 'si', 'no'], '60 años o más', ['may-qualify-snap']],
    [['si', '2', '9000', 'no', 'no'], 'por encima de los límites habituales', []],
    [['si', 'cuatro', '3575', 'no', 'no'], 'podrías calificar para SNAP', ['may-qualify-snap']],
  ])('answers %j in Spanish', (answers, text, tags) => {
    const chat = screen(...answers);
    expect(chat.texts[0]).toContain(text);
    expect(chat.state.tags).toEqual(tags);
    expect(chat.state.ended).toBe(true);
  });

  it('re-asks in Spanish, and starts over with EMPEZAR DE NUEVO', () => {
    const chat = screen('si');
    expect(chat.say('15')).toEqual([
      'Escribe un número del 1 al 10. Si en tu casa viven más de 10 personas, escribe 10.',
    ]);
    chat.say('2');
    expect(chat.say('mucho')[0]).toContain('sin puntos ni comas');
    expect(chat.say('1500')).toEqual([
      '¿En tu casa vive alguien de 60 años o más, o alguien con una discapacidad?',
    ]);
    expect(chat.say('tal vez')).toEqual(['Responde Sí o No, por favor.']);
    expect(chat.say('empezar de nuevo').at(-1)).toBe('¿Empezamos?');
    expect(chat.say('no')).toEqual(['Está bien. Escribe EMPEZAR DE NUEVO cuando quieras.']);
  });

  it('answers AYUDA with its Spanish help text', () => {
    const chat = screen('si');
    expect(chat.say('ayuda')).toEqual([es.help]);
    expect(es.help).toContain('año fiscal 2027');
  });
});
