/**
 * What the extension loads the first time it is needed rather than at activation: the report panel and the
 * renderers of the report pages, exporting the report and the notes, comparing two versions of a letter, two of
 * the quick fixes, and the notes themselves (annotations/notes.ts loads them when a notes file or a note
 * appears). Together they are about a quarter of the extension and most sessions never use them.
 * `load.ts` loads this module; the bundles build it as a file of its own (dist/features.js, dist/web/features.js:
 * see scripts/lazy-chunk.mjs).
 */
export { diff } from '../../core/analyse';
export { renderReportBody, renderReportHtml } from '../../core/report/html';
export { reportMarkdown } from '../../core/report/markdown';
export { renderVersionsHtml } from '../../core/report/versions-html';
export { exportAnnotations, exportReport } from '../report/export';
export { ReportPanel } from '../report/panel';
export { addLogEntry, silence } from '../fixes';
export { AnnotationController } from '../annotations/controller';
export { addAnnotation } from '../annotations/add';
export { compareVersionsCommand, versionsMessage, versionsState } from '../versions/compare';
