import { describe, expect, it } from 'vitest';
import { smsSegments } from '~/lib/bot/index.ts';

const GSM_SINGLE = 160;
const GSM_PART = 153;
const UCS2_SINGLE = 70;
const UCS2_PART = 67;
const plain = (n: number) => 'a'.repeat(n);
const EMOJI = '👍';
const EURO = '€';

describe('smsSegments: GSM-7', () => {
  it('fits 160 plain characters in one segment', () => {
    expect(smsSegments(plain(GSM_SINGLE))).toEqual({
      encoding: 'GSM-7',
      units: 160,
      segments: 1,
      ucs2Chars: [],
    });
  });

  it('splits 161 characters into 2 segments of up to 153', () => {
    expect(smsSegments(plain(GSM_SINGLE + 1)).segments).toBe(2);
    expect(smsSegments(plain(GSM_PART * 2)).segments).toBe(2);
    expect(smsSegments(plain(GSM_PART * 2 + 1)).segments).toBe(3);
  });

  it.each(['^', '{', '}', '[', ']', '~', '|', '\\', EURO])(
    'counts the extension character %s as 2',
    (char) => {
      const info = smsSegments(char);
      expect(info).toMatchObject({ encoding: 'GSM-7', units: 2, segments: 1 });
    },
  );

  it('lets extension characters push a message over 160', () => {
    expect(smsSegments(plain(GSM_SINGLE - 1) + EURO)).toMatchObject({ units: 161, segments: 2 });
  });

  it('never splits an extension character across segments', () => {
    // 152 + € would straddle the first 153-septet boundary, so € starts segment 2.
    const text = plain(GSM_PART - 1) + EURO + plain(GSM_PART - 1);
    expect(smsSegments(text)).toMatchObject({ units: 306, segments: 3 });
  });

  it.each(['é', 'ñ', 'ü', '¿', '¡', 'Ñ', 'à', 'Ç', '£', '¥', 'Δ'])('keeps %s in GSM-7', (char) => {
    expect(smsSegments(`${char} ${plain(10)}`).encoding).toBe('GSM-7');
  });

  it('keeps a Spanish message with é, ñ, ¿ in GSM-7 at 160 per segment', () => {
    const spanish = '¿Necesitas transporte? Envía... no: envia RIDE. Señal: ñ é ü ¡Sí!'
      .replace('í', 'i')
      .replace('Sí', 'Si');
    expect(smsSegments(spanish).encoding).toBe('GSM-7');
  });

  it('counts newlines as one character and an empty message as no segments', () => {
    expect(smsSegments('a\nb').units).toBe(3);
    expect(smsSegments('')).toMatchObject({ units: 0, segments: 0 });
  });
});

describe('smsSegments: UCS-2', () => {
  it.each(['á', 'í', 'ó', 'ú', '’', '“', EMOJI, '中'])(
    'switches the whole message to UCS-2 for %s',
    (char) => {
      const info = smsSegments(`Hola ${char}`);
      expect(info.encoding).toBe('UCS-2');
      expect(info.ucs2Chars).toEqual([char]);
    },
  );

  it('fits 70 units in one segment and splits at 67 per segment', () => {
    expect(smsSegments('á' + plain(UCS2_SINGLE - 1))).toMatchObject({ units: 70, segments: 1 });
    expect(smsSegments('á' + plain(UCS2_SINGLE))).toMatchObject({ units: 71, segments: 2 });
    expect(smsSegments('á' + plain(UCS2_PART * 2 - 1)).segments).toBe(2);
    expect(smsSegments('á' + plain(UCS2_PART * 2)).segments).toBe(3);
  });

  it('counts an emoji as 2 UTF-16 code units', () => {
    expect(smsSegments(EMOJI)).toMatchObject({ encoding: 'UCS-2', units: 2, segments: 1 });
    expect(smsSegments(plain(UCS2_SINGLE - 2) + EMOJI)).toMatchObject({ units: 70, segments: 1 });
    expect(smsSegments(plain(UCS2_SINGLE - 1) + EMOJI)).toMatchObject({ units: 71, segments: 2 });
  });

  it('extension characters count 1 once the message is UCS-2', () => {
    expect(smsSegments(`${EURO}${EMOJI}`).units).toBe(3);
  });

  it('never splits an emoji across segments', () => {
    const text = plain(UCS2_PART - 1) + EMOJI + plain(UCS2_PART - 1);
    expect(smsSegments(text)).toMatchObject({ units: 134, segments: 3 });
  });
});
