// The public surface of @account-planning/reporting. Every exported name is listed here.

export { renderChartSvg } from './charts/renderChartSvg.js';
export { type CsvFile, type CsvOptions, renderCsv, renderCsvFiles } from './csv/renderCsv.js';
export {
  ChartBlock,
  ChartCategoryAxis,
  ChartDatum,
  ChartKind,
  ChartSeries,
  ChartValueAxis,
} from './document/chartBlock.js';
export { HeatMapBlock, HeatMapRow, HeatMapState, Tone } from './document/heatMapBlock.js';
export { KeyFigure, KeyFiguresBlock, Trend } from './document/keyFiguresBlock.js';
export { OrgChartBlock, OrgChartPerson, STANCE_LABELS, Stance } from './document/orgChartBlock.js';
export {
  parseReportDocument,
  ReportBlock,
  ReportDocument,
  ReportMetadataEntry,
  ReportSection,
  ReportSubsection,
} from './document/reportDocument.js';
export { Label, ProseText, ReportId } from './document/reportText.js';
export { TableBlock, TableColumn, TableRow } from './document/tableBlock.js';
export {
  ChecklistBlock,
  ChecklistItem,
  HeadingBlock,
  ListBlock,
  ParagraphBlock,
} from './document/textBlocks.js';
export {
  DateFormat,
  MeasureFormat,
  MoneyFormat,
  NumberFormat,
  PercentFormat,
  type ReportValue,
  TextFormat,
  ValueFormat,
} from './document/valueFormat.js';
export {
  DEFAULT_LOCALE,
  formatDate,
  formatInstant,
  formatMoney,
  formatPercent,
  formatValue,
  minorToDecimal,
} from './formatting/formatValue.js';
export { type HtmlOptions, renderHtml } from './html/renderHtml.js';
export { renderMarkdown } from './markdown/renderMarkdown.js';
export {
  type AnnualPackInput,
  type AnnualPackModels,
  type AnnualPackOptions,
  buildAnnualPack,
} from './reports/annualPack/buildAnnualPack.js';
export {
  type ReadAnnualPackOptions,
  readAnnualPackInput,
} from './reports/annualPack/readAnnualPackInput.js';
export {
  buildPlanDocument,
  PLAN_SECTION_TITLES,
  type PlanDocumentInput,
  type PlanDocumentModels,
  type PlanDocumentOptions,
} from './reports/planDocument/buildPlanDocument.js';
export {
  type ReadPlanDocumentOptions,
  readPlanDocumentInput,
} from './reports/planDocument/readPlanDocumentInput.js';
export type { ReportOptions } from './reports/reportOptions.js';
export {
  buildReviewPack,
  FIVE_QUESTIONS,
  type ReviewPackInput,
  type ReviewPackModels,
  type ReviewPackOptions,
} from './reports/reviewPack/buildReviewPack.js';
export {
  type ReadReviewPackOptions,
  readReviewPackInput,
} from './reports/reviewPack/readReviewPackInput.js';
export {
  buildTeamView,
  type TeamViewInput,
  type TeamViewModels,
  type TeamViewOptions,
} from './reports/teamView/buildTeamView.js';
export {
  type ReadTeamViewOptions,
  readTeamViewInput,
} from './reports/teamView/readTeamViewInput.js';
