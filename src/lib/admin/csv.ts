import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/**
 * CSV in and out, as spreadsheets write and read it: a UTF-8 byte-order mark, `,` or `;` as the
 * separator (Excel in Spanish- and German-language locales writes `;`), quoted fields, CRLF.
 */

export interface CsvRecord {
  /** The line the record starts on (1 = the header), for messages people can find. */
  line: number;
  cells: string[];
}

export type CsvResult =
  | { ok: true; header: string[]; records: CsvRecord[] }
  | { ok: false; error: 'csv-empty' | 'csv-unreadable'; line?: number };

/** The separator of the header line: whichever of `;` and `,` it uses more (outside quotes). */
function separatorOf(text: string): ',' | ';' {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  return (unquoted.match(/;/g)?.length ?? 0) > (unquoted.match(/,/g)?.length ?? 0) ? ';' : ',';
}

/**
 * @example parseCsv('\uFEFFemail;name\r\n"a@x.org";"Ann, B"\r\n') // { ok: true, header: ['email', 'name'], records: [{ line: 2, cells: ['a@x.org', 'Ann, B'] }] }
 */
export function parseCsv(text: string): CsvResult {
  if (!text.replace(/^\uFEFF/, '').trim()) return { ok: false, error: 'csv-empty' };
  // The parser miscounts lines when a quoted field holds a CRLF, and every later row's line
  // number drifts; one kind of line break keeps the numbers people are shown right.
  text = text.replace(/\r\n?/g, '\n');
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, {
      bom: true,
      delimiter: separatorOf(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    // The parser reports where it gave up, which for an unclosed quote is past the last line.
    const reported = (error as { lines?: number }).lines;
    const line =
      reported === undefined ? undefined : Math.min(reported, text.split(/\r\n|\r|\n/).length);
    return { ok: false, error: 'csv-unreadable', ...(line === undefined ? {} : { line }) };
  }
  const [head, ...rest] = rows;
  if (!head) return { ok: false, error: 'csv-empty' };
  // info.lines is the line a record ends on; a quoted field may span lines, so step back over them.
  const records = rest.map((row) => ({
    line: row.info.lines - row.record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0),
    cells: row.record,
  }));
  return { ok: true, header: head.record.map((h) => h.toLowerCase()), records };
}

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, a tab or a carriage return first) is
 * turned into text by a leading apostrophe, so an export cannot attack whoever opens it.
 * @example neutralizeCell('=HYPERLINK("http://x")') // "'=HYPERLINK(\"http://x\")"
 */
export function neutralizeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One CSV line (CRLF-terminated, quoted where needed), every cell neutralised. */
export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return stringify(
    [cells.map((c) => neutralizeCell(c === null || c === undefined ? '' : String(c)))],
    { record_delimiter: '\r\n' },
  );
}
