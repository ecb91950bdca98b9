/**
 * Spreadsheet formula injection (design §6): Excel and LibreOffice treat a text cell that starts
 * with = + - @ (and, in some versions, tab, CR or NUL) as a formula. A leading apostrophe keeps
 * it text. Only strings pass through here; numbers stay numbers.
 */
const formulaStart = /^[=+\-@\t\r\0]/;

export function neutralise(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

/**
 * A CSV cell is only a cell under the separator it was written for. Opened with `;` (French,
 * Spanish, German, Portuguese settings) or tab, a comma-separated file is split inside quoted
 * text, and once the quotes no longer line up a line break starts a new row: every piece that
 * could become a cell of its own starts after `;`, `,`, tab, CR or LF, possibly behind stray
 * quote marks. Each such piece that starts like a formula gets the apostrophe too.
 */
const pieceStart = /(^|[;,\t\r\n])("*)(?=[=+\-@\0])/g;

export function neutraliseCsvText(text: string): string {
  return neutralise(text).replace(pieceStart, "$1'$2");
}
