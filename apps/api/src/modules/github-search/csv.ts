/**
 * An RFC 4180 CSV reader: comma-separated fields, records ended by CRLF or
 * LF, fields in double quotes may hold commas, line breaks and doubled
 * quotes. A quote inside an unquoted field is kept as text, as most writers
 * mean it; text after a closing quote, or a quote never closed, is an error.
 */
export class CsvError extends Error {}

export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false; // The current field was written in quotes (so "" is a field, not a blank line).
  let line = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // A byte order mark is not data.

  const endField = () => {
    record.push(field);
    field = '';
    quoted = false;
  };
  const endRecord = () => {
    const blank = record.length === 0 && field === '' && !quoted;
    endField();
    if (!blank) records.push(record);
    record = [];
  };

  while (i < text.length) {
    const char = text[i]!;
    if (char === '"' && field === '' && !quoted) {
      quoted = true;
      const opened = line;
      i += 1;
      for (;;) {
        if (i >= text.length) throw new CsvError(`line ${opened}: a quoted field is never closed`);
        const inner = text[i]!;
        i += 1;
        if (inner !== '"') {
          if (inner === '\n') line += 1;
          field += inner;
        } else if (text[i] === '"') {
          field += '"';
          i += 1;
        } else {
          break;
        }
      }
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
        throw new CsvError(`line ${line}: unexpected text after a closing quote`);
      }
    } else if (char === ',') {
      endField();
      i += 1;
    } else if (char === '\r' || char === '\n') {
      endRecord();
      i += char === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line += 1;
    } else {
      field += char;
      i += 1;
    }
  }
  // The last record may end without a line break.
  if (field !== '' || quoted || record.length > 0) endRecord();
  return records;
}
