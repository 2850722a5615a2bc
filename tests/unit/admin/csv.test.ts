import { describe, expect, it } from 'vitest';
import { csvLine, neutralizeCell, parseCsv } from '~/lib/admin/csv';

describe('parseCsv', () => {
  it('numbers rows right after a quoted field that spans CRLF lines', () => {
    const r = parseCsv('email,name\r\na@x.org,"Ann\r\nB"\r\nb@x.org,Bo\r\n');
    expect(r.ok && r.records.map((rec) => rec.line)).toEqual([2, 4]);
  });

  it('points an unclosed quote at a line of the file', () => {
    expect(parseCsv('email,name\r\n"a@x.org,Ann\r\nb@x.org,Bo')).toMatchObject({
      ok: false,
      error: 'csv-unreadable',
      line: 3,
    });
  });

  it('reads what spreadsheets write: a BOM, semicolons, quotes, CRLF, blank lines', () => {
    const result = parseCsv(
      '\uFEFFEmail;Name;Course\r\n"ana@example.org";"Ruiz; Ana";texting-for-turnout\r\n\r\nbo@example.org;"Bo ""the"" Organizer";x\r\n',
    );
    expect(result).toEqual({
      ok: true,
      header: ['email', 'name', 'course'],
      records: [
        { line: 2, cells: ['ana@example.org', 'Ruiz; Ana', 'texting-for-turnout'] },
        { line: 4, cells: ['bo@example.org', 'Bo "the" Organizer', 'x'] },
      ],
    });
  });
  it('picks commas when the header uses them, and keeps line numbers across multi-line fields', () => {
    const result = parseCsv('email,name,course\na@x.org,"Line one\nline two",c\nb@x.org,B,c\n');
    expect(result.ok && result.records.map((r) => r.line)).toEqual([2, 4]);
    expect(result.ok && result.records[0]!.cells[1]).toBe('Line one\nline two');
  });
  it('says where a file stops making sense', () => {
    expect(parseCsv('')).toEqual({ ok: false, error: 'csv-empty' });
    expect(parseCsv('\uFEFF  \r\n')).toEqual({ ok: false, error: 'csv-empty' });
    expect(parseCsv('email,name\na@x.org,"unclosed\n')).toMatchObject({
      ok: false,
      error: 'csv-unreadable',
    });
  });
});

describe('csv output', () => {
  it('neutralises cells a spreadsheet would run', () => {
    for (const formula of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx'])
      expect(neutralizeCell(formula)).toBe(`'${formula}`);
    expect(neutralizeCell('Ana = organizer')).toBe('Ana = organizer');
  });
  it('quotes where needed and ends lines with CRLF', () => {
    expect(csvLine(['=HYPERLINK("http://x")', 'a,b', 'plain', 3, null])).toBe(
      `"'=HYPERLINK(""http://x"")","a,b",plain,3,\r\n`,
    );
  });
});
