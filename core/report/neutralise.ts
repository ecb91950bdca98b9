/**
 * Spreadsheet formula injection (design §6): Excel and LibreOffice treat a text cell that starts
 * with = + - @ (and, in some versions, tab, CR or NUL) as a formula. A leading apostrophe keeps
 * it text. Only strings pass through here; numbers stay numbers.
 */
const formulaStart = /^[=+\-@\t\r\0]/;

export function neutralise(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}
