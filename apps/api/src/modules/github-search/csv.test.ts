import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CsvError, parseCsv } from './csv.ts';

test('reads plain fields, CRLF and LF line ends, and a last line without one', () => {
  assert.deepEqual(parseCsv('a,b\r\nc,d\ne,f'), [['a', 'b'], ['c', 'd'], ['e', 'f']]);
});

test('quoted fields hold commas, doubled quotes and line breaks', () => {
  assert.deepEqual(parseCsv('"a, b","say ""hi""","one\ntwo\r\nthree"\n'), [['a, b', 'say "hi"', 'one\ntwo\r\nthree']]);
});

test('empty fields, quoted or not, stay fields; blank lines are skipped', () => {
  assert.deepEqual(parseCsv(',"",x\n\n""\n,\n'), [['', '', 'x'], [''], ['', '']]);
});

test('a byte order mark is not part of the first field', () => {
  assert.deepEqual(parseCsv('\uFEFFid,name\n1,a\n'), [['id', 'name'], ['1', 'a']]);
});

test('a quote inside an unquoted field is text; non-Latin text and emoji pass through', () => {
  assert.deepEqual(parseCsv('5" disk,日本語 🚀\n'), [['5" disk', '日本語 🚀']]);
});

test('an unclosed quote or text after a closing quote is an error naming the line', () => {
  assert.throws(() => parseCsv('a\n"never closed\n'), (e: Error) => e instanceof CsvError && /line 2/.test(e.message));
  assert.throws(() => parseCsv('"a"b,c\n'), CsvError);
});
