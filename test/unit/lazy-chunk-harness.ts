// A stand-in for the extension's bundle in lazy-chunk.test.ts: the loader of the features, and some of the engine
// the bundle uses itself (which the features file must then take from it rather than copy).
export { features, setExtensionRoot } from '../../src/extension/lazy/load';
export { compare } from '../../src/core/analyse';
export { buildReportModel } from '../../src/core/report/model';
