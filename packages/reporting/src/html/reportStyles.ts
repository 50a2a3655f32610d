import { FONT_STACK } from '../charts/chartPalette.js';

/**
 * The stylesheet inlined into every HTML report: system fonts only (nothing fetched), a
 * readable text column on screen, A4 pages with page numbers in print, and page breaks that
 * keep headings with what follows and figures, key figures and table rows whole.
 */
export const REPORT_STYLES = `
:root{color-scheme:light;--ink:#1c1e21;--muted:#595f69;--rule:#d8dbe0;--soft:#f4f5f7;--accent:#0b5cad;--good:#18703a;--bad:#b3261e;
--advocate:#18703a;--supporter:#5fae6e;--neutral:#8b929c;--skeptic:#c98a00;--hostile:#b3261e;--unknown:#ffffff}
*{box-sizing:border-box}
html{font:15px/1.5 ${FONT_STACK};color:var(--ink);background:#fff;-webkit-text-size-adjust:100%}
body{margin:0}
main{max-width:800px;margin:0 auto;padding:40px 28px 64px}
a{color:var(--accent)}
.report-header{border-bottom:3px solid var(--ink);padding-bottom:16px;margin-bottom:8px}
h1{font-size:1.95rem;line-height:1.2;margin:0 0 6px;letter-spacing:-0.01em}
.subtitle{font-size:1.1rem;color:var(--muted);margin:0 0 14px}
.metadata{display:grid;grid-template-columns:max-content 1fr;gap:2px 18px;margin:0;font-size:.92rem}
.metadata dt{color:var(--muted)}.metadata dd{margin:0}
.toc{margin:18px 0 8px;font-size:.92rem}
.toc-title{font-weight:600;margin:0 0 4px}
.toc ol{margin:0;padding-left:1.4em;columns:2;column-gap:32px}
.toc li{margin:0 0 2px;break-inside:avoid}
h2{font-size:1.35rem;line-height:1.25;margin:40px 0 14px;padding-bottom:5px;border-bottom:1px solid var(--rule)}
h3{font-size:1.13rem;line-height:1.3;margin:26px 0 10px}
h4{font-size:1rem;margin:20px 0 8px}
p{margin:10px 0}
ul,ol{padding-left:1.4em}
li{margin:2px 0}
.subsection{border-top:1px solid var(--rule);margin-top:22px}
.subsection>h3{margin-top:14px}
.key-figures{list-style:none;padding:0;margin:14px 0 18px;display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:10px}
.key-figure{margin:0;border:1px solid var(--rule);border-radius:8px;padding:10px 12px;display:flex;flex-direction:column;gap:2px}
.key-figure .label{font-size:.8rem;color:var(--muted);line-height:1.3}
.key-figure .value{font-size:1.4rem;font-weight:650;line-height:1.25;font-variant-numeric:tabular-nums;overflow-wrap:anywhere}
.key-figure .value.long{font-size:1.15rem}
.key-figure .value.longer{font-size:1rem}
.key-figure .value.longest{font-size:.9rem}
.key-figure .trend,.key-figure .note{font-size:.8rem;line-height:1.3}
.key-figure .note{color:var(--muted)}
.trend.positive{color:var(--good)}.trend.negative{color:var(--bad)}.trend.neutral{color:var(--muted)}
.table-wrap{overflow-x:auto;margin:12px 0 20px}
table{border-collapse:collapse;width:100%;font-size:.9rem}
caption{text-align:left;font-weight:600;padding:0 0 6px}
th,td{padding:6px 8px;border-bottom:1px solid var(--rule);text-align:left;vertical-align:top}
thead th{border-bottom:2px solid var(--ink);font-weight:600;vertical-align:bottom}
tbody th{font-weight:500}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tfoot th,tfoot td{font-weight:650;border-top:2px solid var(--ink);border-bottom:0}
td.empty{color:var(--muted);font-style:italic}
figure{margin:16px 0 24px}
figcaption{font-size:.88rem;color:var(--muted);margin-top:6px}
.chart svg{display:block;width:100%;height:auto;max-width:100%}
.chart.compact{display:flex;align-items:center;gap:14px;margin:8px 0 12px}
.chart.compact svg{width:170px;flex:none;border-bottom:1px solid var(--rule)}
.chart.compact figcaption{margin:0}
.chart .range{display:block;color:var(--ink);font-variant-numeric:tabular-nums}
.chart-data{margin-top:4px;font-size:.85rem}
.chart-data summary{color:var(--accent);cursor:pointer;width:max-content}
.chart-data .table-wrap{margin:6px 0 0}
.checklist{list-style:none;padding:0;margin:10px 0 16px}
.checklist li{display:flex;gap:10px;align-items:baseline;padding:6px 0;border-bottom:1px solid var(--rule);margin:0}
.checklist .box{flex:none;width:1.05em;height:1.05em;border:1.5px solid var(--ink);border-radius:3px;display:inline-flex;align-items:center;justify-content:center;font-size:.85em;line-height:1;position:relative;top:.15em}
.checklist .done .box{background:var(--ink);color:#fff}
.checklist .detail{color:var(--muted);font-size:.85rem;margin-left:auto;padding-left:12px;text-align:right}
.checklist li.blank{height:2.4em;border-bottom:1px solid var(--muted);align-items:flex-end;padding-bottom:6px}
.checklist.lines .box{visibility:hidden}
.org-chart{margin:16px 0 24px}
.org-scroll{overflow-x:auto;padding-bottom:4px}
.org-tree,.org-tree ul{list-style:none;margin:0;padding:0;display:flex;justify-content:center}
.org-tree li{margin:0;position:relative;display:flex;flex-direction:column;align-items:center;padding:18px 5px 0}
.org-tree>li{padding-top:0}
.org-tree ul{position:relative;padding-top:18px}
.org-tree ul::before{content:"";position:absolute;top:0;left:50%;height:18px;border-left:1.5px solid #9aa0a8}
.org-tree li::before,.org-tree li::after{content:"";position:absolute;top:0;right:50%;width:50%;height:18px;border-top:1.5px solid #9aa0a8}
.org-tree li::after{right:auto;left:50%;border-left:1.5px solid #9aa0a8}
.org-tree li:first-child::before,.org-tree li:last-child::after{border:0}
.org-tree li:only-child::before{display:none}
.org-tree li:only-child::after{border-top:0;border-left:1.5px solid #9aa0a8}
.org-tree li:last-child::before{border-right:1.5px solid #9aa0a8;border-radius:0 5px 0 0;width:calc(50% + .75px)}
.org-tree li:first-child::after{border-radius:5px 0 0 0}
.org-tree>li::before,.org-tree>li::after{display:none}
.org-tree ul.stack{flex-direction:column;align-items:center;padding-top:18px;gap:8px}
.org-tree ul.stack::before{content:"";position:absolute;top:0;bottom:24px;left:50%;border-left:1.5px solid #9aa0a8}
.org-tree ul.stack>li{padding:0}
.org-tree ul.stack>li::before,.org-tree ul.stack>li::after{display:none}
.person{position:relative;z-index:1;background:#fff;width:168px;border:1px solid var(--rule);border-top:5px solid var(--neutral);border-radius:6px;padding:6px 8px 7px;display:flex;flex-direction:column;gap:1px;font-size:.8rem;line-height:1.3;text-align:left}
.person .name{font-weight:650;font-size:.88rem}
.person .title,.person .note{color:var(--muted)}
.person .stance{font-size:.7rem;font-weight:650;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.person .tag{align-self:flex-start;margin-top:3px;font-size:.72rem;border:1px solid var(--rule);border-radius:10px;padding:0 7px;background:var(--soft)}
.person.stance-advocate{border-top-color:var(--advocate)}.person.stance-advocate .stance{color:var(--advocate)}
.person.stance-supporter{border-top-color:var(--supporter)}.person.stance-supporter .stance{color:#3d7f4b}
.person.stance-neutral{border-top-color:var(--neutral)}
.person.stance-skeptic{border-top-color:var(--skeptic)}.person.stance-skeptic .stance{color:#8a5e00}
.person.stance-hostile{border-top-color:var(--hostile)}.person.stance-hostile .stance{color:var(--hostile)}
.person.stance-unknown{border-style:dashed;border-top:2px dashed var(--neutral)}
.legend{list-style:none;padding:0;margin:8px 0 0;display:flex;flex-wrap:wrap;gap:4px 16px;font-size:.82rem;color:var(--muted)}
.legend li{display:flex;align-items:center;gap:6px;margin:0}
.swatch{display:inline-block;width:18px;height:10px;border-radius:2px;border:1px solid rgba(0,0,0,.15)}
.swatch.stance-advocate{background:var(--advocate)}.swatch.stance-supporter{background:var(--supporter)}.swatch.stance-neutral{background:var(--neutral)}
.swatch.stance-skeptic{background:var(--skeptic)}.swatch.stance-hostile{background:var(--hostile)}.swatch.stance-unknown{background:#fff;border:1.5px dashed var(--neutral)}
.heat-map table{width:auto;min-width:60%}
.heat-map .cell-head{text-align:center}
.cell{text-align:center;font-size:1rem;line-height:1;min-width:64px;border:2px solid #fff}
td.cell{padding:8px}
.legend .cell{display:inline-flex;align-items:center;justify-content:center;width:26px;height:20px;min-width:0;border-radius:3px;font-size:.85rem}
.tone-positive{background:#d7efdd;color:#0f5129}.tone-info{background:#dbe7fb;color:#173f86}.tone-warning{background:#fdeec4;color:#6e4400}
.tone-negative{background:#fadbd8;color:#7c1a14}.tone-neutral{background:#e9ebee;color:#374151}.tone-muted{background:#f6f7f8;color:#8b929c}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
@page{size:A4;margin:14mm 14mm 16mm;@bottom-right{content:counter(page) " / " counter(pages);font:9pt ${FONT_STACK};color:#595f69}}
@media print{
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
html{font-size:10pt}
main{max-width:none;padding:0}
.toc,.chart-data{display:none}
.page-break{break-before:page}
h2,h3,h4,caption,figcaption{break-after:avoid}
figure,.key-figure,.key-figures,.checklist li,tr,.person,li{break-inside:avoid}
section>ol,section>ul:not(.checklist){break-inside:avoid}
.subsection{break-inside:avoid}
thead{display:table-header-group}
.table-wrap,.org-scroll{overflow:visible}
}
`
  .trim()
  .replace(/\n/g, '');
