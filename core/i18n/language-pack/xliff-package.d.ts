// The `xliff` package ships no types; these cover the two functions CCAT uses.
declare module 'xliff/js2xliff' {
  export interface XliffUnit {
    source: string;
    target?: string;
    note?: string;
    additionalAttributes?: Record<string, string | number>;
  }
  export interface XliffDocument {
    sourceLanguage: string;
    targetLanguage: string;
    resources: Record<string, Record<string, XliffUnit>>;
  }
  export default function js2xliff(document: XliffDocument, options: { indent?: string }): Promise<string>;
}

declare module 'xliff/xliff2js' {
  export interface ParsedXliff {
    sourceLanguage?: string;
    targetLanguage?: string;
    resources?: Record<string, Record<string, { source?: unknown; target?: unknown; additionalAttributes?: Record<string, unknown> }>>;
  }
  export default function xliff2js(xml: string, options: Record<string, never>): Promise<ParsedXliff>;
}
