/**
 * nearest-clinic-es: the Spanish clinic finder finds the same clinics as the English one,
 * answers in Spanish, honours STOP and Spanish opt-outs, and keeps its texts short.
 */
import { describe, expect, it } from 'vitest';
import { lintBot, parseBot } from '~/lib/bot/index.ts';
import { Chat, loadBot, readBotFile } from './helpers.ts';

const es = loadBot('nearest-clinic-es');
const en = loadBot('nearest-clinic');

describe('nearest-clinic-es', () => {
  it('is lint-clean and lists the same clinics under the same ZIP codes as the English bot', () => {
    const { bot, sourceMap } = parseBot(readBotFile('nearest-clinic-es'));
    expect(lintBot(bot!, sourceMap)).toEqual([]);
    expect(Object.keys(es.lookups.clinics!)).toEqual(Object.keys(en.lookups.clinics!));
    for (const [zip, row] of Object.entries(en.lookups.clinics!)) {
      const esRow = es.lookups.clinics![zip] as Record<string, string>;
      const enRow = row as Record<string, string>;
      expect([esRow.name, esRow.address, esRow.phone]).toEqual([
        enRow.name,
        enRow.address,
        enRow.phone,
      ]);
    }
  });

  it('greets, says how to opt out, and asks for a ZIP in GSM-7', () => {
    const chat = new Chat(es);
    expect(chat.texts).toEqual([
      expect.stringContaining('STOP para darte de baja'),
      'Escribe tu ZIP de 5 cifras, por ejemplo 94110.',
    ]);
    expect(chat.replies.map((r) => r.sms?.encoding)).toEqual(['GSM-7', 'GSM-7']);
  });

  it('finds the clinic for a known ZIP, in Spanish', () => {
    const chat = new Chat(es);
    expect(chat.say('94112')).toEqual([
      'Te queda cerca: Excelsior Family Clinic, 4600 Mission St, San Francisco. Horario: lun a vie 9am-5pm. Llama al (415) 555-0112. Escribe CLINICA para buscar en otro ZIP.',
    ]);
    expect(chat.replies[0]?.sms).toMatchObject({ encoding: 'GSM-7', segments: 2 });
    expect(chat.state.tags).toEqual(['clinic-found']);
  });

  it('keeps every clinic answer within three segments, even the ones that need "sábado"', () => {
    for (const zip of [
      '94110',
      '94103',
      '94112',
      '94124',
      '94601',
      '94612',
      '94704',
      '95112',
      '94040',
    ]) {
      const chat = new Chat(es);
      chat.say(zip);
      expect(chat.replies[0]?.sms?.segments, zip).toBeLessThanOrEqual(3);
      if (!chat.last.includes('sábado')) expect(chat.replies[0]?.sms?.encoding, zip).toBe('GSM-7');
    }
  });

  it('uses a prefix row for nearby ZIPs', () => {
    expect(new Chat(es).say('94612')[0]).toContain('Oakland Downtown Clinic');
  });

  it('re-asks for an invalid ZIP and falls back to 211 for an unknown one', () => {
    const chat = new Chat(es);
    expect(chat.say('en la Misión')).toEqual([
      'Eso no parece un ZIP. Manda solo las 5 cifras de tu ZIP, por ejemplo 94110.',
    ]);
    expect(chat.say('10001')).toEqual([expect.stringContaining('Llama al 211')]);
    expect(chat.last).toContain('cerca del ZIP 10001');
    expect(chat.replies[0]?.sms?.encoding).toBe('GSM-7');
    expect(chat.state.tags).toEqual(['clinic-not-found']);
  });

  it('starts a new search on CLINICA, CLÍNICA, CLINIC or any other message', () => {
    const chat = new Chat(es);
    chat.say('94110');
    expect(chat.say('clínica')).toEqual(['Escribe tu ZIP de 5 cifras, por ejemplo 94110.']);
    chat.say('94110');
    expect(chat.say('CLINIC')).toEqual(['Escribe tu ZIP de 5 cifras, por ejemplo 94110.']);
    chat.say('94110');
    expect(chat.say('¡gracias!')).toEqual(['Escribe tu ZIP de 5 cifras, por ejemplo 94110.']);
  });

  it('honours STOP and Spanish opt-outs mid-question, in Spanish, then START', () => {
    for (const stop of ['STOP', 'baja', 'ya no me manden mensajes']) {
      const chat = new Chat(es);
      expect(chat.say(stop)).toEqual([
        'Salud Cerca: ya no te enviaremos mensajes. Responde START para volver a suscribirte.',
      ]);
      expect(chat.say('94110')).toEqual([]);
      expect(chat.say('START')[0]).toContain('te suscribiste de nuevo');
    }
  });

  it('asks once before treating "fin" as an opt-out', () => {
    const chat = new Chat(es);
    expect(chat.say('fin')[0]).toMatch(/^¿Quieres dejar de recibir mensajes de Salud Cerca\?/);
    expect(chat.say('94110')[0]).toContain('Mission Neighborhood Health');
  });

  it('answers HELP and AYUDA with its Spanish help text', () => {
    expect(new Chat(es).say('HELP')).toEqual([es.help]);
    expect(new Chat(es).say('ayuda')).toEqual([es.help]);
    expect(es.help).toMatch(/STOP.*tarifas de mensajes y datos/);
  });
});
