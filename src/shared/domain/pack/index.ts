export * from './format';
export * from './errors';
export { parsePackText, parsePackValue } from './parse';
export { csvToPack, decodeSpreadsheet, type CsvPackMeta } from './csv';
export { diffPack, isEmptyDiff, type PackDiff, type PackChange, type PackField, type PackItemState } from './diff';
export { buildPack, bumpVersion, serializePack, templateFingerprint, type PackExportInput } from './export';
export { parsePackUrl } from './url';
export { summarizeDiff, type PackDiffSummary, type PackSyncOutcome } from './sync';
export { templatesInScope, type ExportScope, type ScopedTemplates } from './export-scope';
