// i18next-parser's own typings describe its CLI configuration only; these are the lexers it exports.
import 'i18next-parser';

declare module 'i18next-parser' {
  interface ExtractedKey {
    key: string;
    namespace?: string;
  }
  export class JsxLexer {
    constructor(options: { functions: string[] });
    extract(content: string, filename: string): ExtractedKey[];
  }
}
