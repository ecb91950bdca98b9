import { uiLanguages } from '../../locales/languages';
import { fontStack } from './fonts';

/** Each language's own font list (fonts.ts): a part in a second language takes its own script's fonts first. */
const languageFonts = uiLanguages.map((language) => `:lang(${language}){font-family:${fontStack(language)}}`).join('\n');

/**
 * Report styles: readable on screen, A4 in print, and legible in grayscale (borders and weights,
 * not colour alone, carry meaning). Fonts are local only: the report makes no network request
 * (a printed report carries CCAT's own fonts inline, see fonts.ts). Sides are logical
 * (start/end, inline) so that a right-to-left report mirrors.
 */
export const reportStyles = `
:root{color-scheme:light}
body{font-family:${fontStack('neutral')}}
${languageFonts}
body{color:#111;background:#fff;max-width:1000px;margin:2rem auto;padding:0 1rem;line-height:1.45;font-size:15px}
.marking{display:flex;justify-content:space-between;gap:1rem;margin:0 0 .4rem;font-weight:700}
.marking .draft{color:#a40000;letter-spacing:.04em;margin-inline-start:auto}
header{border-bottom:3px solid #1f4e79;margin-bottom:1rem}
.kicker{font-weight:600;color:#1f4e79;margin:0;letter-spacing:.02em}
h1{font-size:1.7rem;margin:.2rem 0 .3rem}
h2{font-size:1.3rem;border-bottom:2px solid #1f4e79;padding-bottom:.15rem;margin:2rem 0 .6rem}
h3{font-size:1.08rem;margin:1.4rem 0 .4rem}
.l2{display:block;color:#444;font-size:.92em}
h2 .l2,h3 .l2,h1 .l2,.kicker .l2{display:inline;font-size:inherit;color:inherit}
.l2.in{display:inline;font-size:inherit}
h2 .l2::before,h3 .l2::before,.kicker .l2::before,.l2.in::before{content:" / ";color:#4a4a4a}
.sep{display:none;color:#4a4a4a}
.mixed .l2::before{content:none}
h1 .sep,h2 .sep,h3 .sep,.kicker .sep,.sep.in{display:inline}
.u{white-space:pre-wrap;unicode-bidi:plaintext}
.muted,.muted .l2{color:#4a4a4a;font-size:.92em}
.strong{font-weight:700}
p{margin:.4rem 0}
ul.method{padding-inline-start:1.2rem}ul.method li{margin:.25rem 0}
table{border-collapse:collapse;width:100%;table-layout:fixed;margin:.4rem 0 1rem}
th,td{border:1px solid #8a8a8a;padding:.3rem .45rem;text-align:start;vertical-align:top;overflow-wrap:break-word;word-break:normal}
thead th{background:#e4eaf1;font-weight:600;font-size:.94em}
tbody th{font-weight:600;background:#f6f8fa}
td.num,th.num{text-align:end}
td.num .line:first-child{white-space:nowrap}
.sized-by-content td.num .line{white-space:nowrap}
td .line+.line,th .line+.line{margin-top:.15rem}
table.facts th{width:28%}
table.sized-by-content{table-layout:auto}
/* Labels and figures keep whole words; Japanese, which breaks between any two characters, breaks them between phrases. */
.sized-by-content :is(th,td):not(.free){word-break:auto-phrase}
.sized-by-content .free{overflow-wrap:anywhere;min-width:7em}
.bilingual td,.bilingual th{font-size:.94em}
figure.chart{margin:.5rem auto 1rem;max-width:720px}
figure.chart svg{display:block;width:100%;height:auto}
footer{margin-top:2rem;border-top:1px solid #8a8a8a;padding-top:.4rem}
.columns{display:grid;grid-template-columns:1fr 1fr;gap:1.2rem}
.columns>p{margin:.4rem 0}
@page{size:A4;margin:16mm 12mm}
@media print{
  body{max-width:none;margin:0;padding:0;font-size:9.5pt}
  h1{font-size:17pt}h2{font-size:13pt;margin-top:1.2rem}h3{font-size:11pt}
  h2,h3,h3+table{break-after:avoid}
  thead{display:table-header-group}
  tr,figure.chart,table.facts,p{break-inside:avoid}
  figure.chart{max-width:125mm}
  p:has(+ figure.chart){break-after:avoid}
}
`;
