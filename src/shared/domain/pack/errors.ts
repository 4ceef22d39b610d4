/**
 * Why a pack was refused or a sync failed. Codes, not sentences: the pure domain cannot reach the
 * browser's i18n, so pages turn `{ code, params }` into Spanish or English words.
 */
export type PackErrorCode =
  // reading the file
  | 'tooLarge'
  | 'notJson'
  | 'tooDeep'
  | 'forbiddenKey'
  | 'notPack'
  | 'newerFormat'
  // fields
  | 'fieldMissing'
  | 'fieldType'
  | 'fieldTooLong'
  | 'fieldTooMany'
  | 'fieldNotAllowed'
  | 'fieldFormat'
  | 'duplicateId'
  | 'duplicateShortcut'
  | 'htmlContent'
  | 'controlChars'
  /** A rule's regex pattern the safety check refuses: rule id, pattern, RegexRisk. */
  | 'unsafePattern'
  // CSV
  | 'csvEmpty'
  | 'csvMissingColumns'
  | 'csvSyntax'
  // applying
  | 'removesAll'
  | 'idConflict'
  | 'idChanged'
  | 'storageCap'
  | 'localFailure'
  // syncing
  | 'badUrl'
  | 'timeout'
  | 'network'
  | 'httpStatus'
  | 'privateHost'
  /** Kept for errors stored before redirects were refused outright; no longer produced. */
  | 'redirectOrigin'
  | 'redirected'
  | 'etagMismatch'
  | 'notUtf8';

export interface PackError {
  code: PackErrorCode;
  /** Substitutions for the message, in order (a field path, a limit, a status code…). */
  params: string[];
  /** The 1-based spreadsheet row, for CSV imports (row 1 is the header). */
  row?: number;
}

export type PackResult<T> = { ok: true; value: T } | { ok: false; error: PackError };

export const packError = (code: PackErrorCode, ...params: (string | number)[]): PackError => ({
  code,
  params: params.map(String),
});

export const fail = <T>(code: PackErrorCode, ...params: (string | number)[]): PackResult<T> => ({
  ok: false,
  error: packError(code, ...params),
});
