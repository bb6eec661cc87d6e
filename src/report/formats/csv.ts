import { REPORT_COLUMNS, type ReportRow } from '../rows';

/** Excel reads UTF-8 only when the file starts with a byte-order mark. */
const BOM = '\uFEFF';

/**
 * The rows as RFC 4180 CSV: CRLF line ends, every field quoted when it holds a comma, a quote
 * or a line break, quotes doubled. UTF-8 with a BOM so Excel shows "–" and "£" as written.
 */
export function reportCsv(rows: readonly ReportRow[]): Uint8Array {
  const lines = [REPORT_COLUMNS.map(([, header]) => field(header))];
  for (const row of rows) lines.push(REPORT_COLUMNS.map(([key]) => field(row[key])));
  return new TextEncoder().encode(`${BOM}${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`);
}

function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Reads back what reportCsv writes (and any RFC 4180 file): records of fields. */
export function parseCsv(text: string): string[][] {
  const source = text.startsWith(BOM) ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let value = '';
  let quoted = false;
  for (let i = 0; i < source.length; i += 1) {
    const char = source[i];
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        value += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else value += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(value);
      value = '';
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && source[i + 1] === '\n') i += 1;
      record.push(value);
      records.push(record);
      record = [];
      value = '';
    } else value += char;
  }
  if (value !== '' || record.length > 0) records.push([...record, value]);
  return records;
}
