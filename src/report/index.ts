/** The board paper: what other capabilities and surfaces (HTTP, CLI, Slack) may use. */
export type { BoardReport, ReportBasis, ReportSummary } from './board-report';
export { parseCsv } from './formats/csv';
export {
  type BoardReportRequest,
  BoardReportRequestSchema,
  buildBoardReport,
  loadBoardReport,
  type ReportDeps,
  ReportError,
  type ReportFile,
  type ReportFormat,
  ReportFormatSchema,
  type ReportSources,
  renderBoardReport,
} from './report-service';
export { REPORT_COLUMNS, type ReportRow } from './rows';
