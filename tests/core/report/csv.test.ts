import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOM, parseCsv, toCsv } from '../../../core/report/csv';

describe('CSV writing', () => {
  it('writes RFC 4180 with a BOM and CRLF, every text field quoted, numbers, booleans and empty values bare', () => {
    expect(toCsv([['a', 1, true, null, false], ['x,y', 'say "hi"', 'line\nbreak', 'cr\rhere', 'plain']])).toBe(
      `${BOM}"a",1,true,,false\r\n"x,y","say ""hi""","line\nbreak","cr\rhere","plain"\r\n`,
    );
  });

  it('neutralises text that starts like a formula, and each part a ; , or tab reader would make a cell of, and leaves numbers as numbers', () => {
    expect(toCsv([['=1+1', '-2', '@A1', '+3', -2, 0]])).toBe(`${BOM}"'=1+1","'-2","'@A1","'+3",-2,0\r\n`);
    expect(toCsv([['=HYPERLINK("http://x","y")']])).toBe(`${BOM}"'=HYPERLINK(""http://x"",""y"")"\r\n`);
    expect(toCsv([['x;+cmd|calc', 'a,=1', 'b\t@c', 'line\n-2']])).toBe(`${BOM}"x;'+cmd|calc","a,'=1","b\t'@c","line\n'-2"\r\n`);
  });
});

describe('CSV reading', () => {
  it('reads quoted fields, doubled quotes, empty fields and a last row without a line end', () => {
    expect(parseCsv(`${BOM}a,"b,c","say ""hi""",,\r\n"line\r\nbreak",x\ry,""\r\nlast`)).toEqual([
      ['a', 'b,c', 'say "hi"', '', ''],
      ['line\r\nbreak', 'x\ry', ''],
      ['last'],
    ]);
    expect(parseCsv('a,b\r\n')).toEqual([['a', 'b']]);
    expect(parseCsv('x\ny,z\r\nc,')).toEqual([['x\ny', 'z'], ['c', '']]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv(BOM)).toEqual([]);
  });

  it('refuses a quoted field that never closes', () => {
    expect(() => parseCsv('a,"b\r\n')).toThrow('a quoted field is not closed');
  });

  it('reads back what it wrote, text neutralised and everything else as written (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\r', '\n', '=', '-', '+', '@', '\t', "'") });
    fc.assert(
      fc.property(fc.array(fc.array(text, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), (rows) => {
        // The rule written out: an apostrophe before a field that starts like a formula (or with tab or CR),
        // and before each part after ; , tab, CR or LF, behind any quote marks, that starts like a formula.
        const neutral = (value: string) => {
          const whole = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
          return whole.replace(/(^|[;,\t\r\n])("*)(?=[=+\-@])/g, "$1'$2");
        };
        // A row of one empty field is an empty line, which reads back as no row at all.
        const expected = rows.map((row) => row.map(neutral)).filter((row) => !(row.length === 1 && row[0] === ''));
        expect(parseCsv(toCsv(rows)).filter((row) => !(row.length === 1 && row[0] === ''))).toEqual(expected);
      }),
    );
  });
});
