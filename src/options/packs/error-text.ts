import type { PackError, PackErrorCode } from '../../shared/domain/pack';
import { t, type MessageKey } from '../../shared/ui/i18n';
import { regexRiskText } from '../../shared/ui/rule-error-text';

const KEYS: Record<PackErrorCode, MessageKey> = {
  tooLarge: 'packsErrTooLarge',
  notJson: 'packsErrNotJson',
  tooDeep: 'packsErrTooDeep',
  forbiddenKey: 'packsErrForbiddenKey',
  notPack: 'packsErrNotPack',
  newerFormat: 'packsErrNewerFormat',
  fieldMissing: 'packsErrFieldMissing',
  fieldType: 'packsErrFieldType',
  fieldTooLong: 'packsErrFieldTooLong',
  fieldTooMany: 'packsErrFieldTooMany',
  fieldNotAllowed: 'packsErrFieldNotAllowed',
  fieldFormat: 'packsErrFieldFormat',
  duplicateId: 'packsErrDuplicateId',
  duplicateShortcut: 'packsErrDuplicateShortcut',
  htmlContent: 'packsErrHtmlContent',
  controlChars: 'packsErrControlChars',
  unsafePattern: 'packsErrUnsafePattern',
  csvEmpty: 'packsErrCsvEmpty',
  csvMissingColumns: 'packsErrCsvMissingColumns',
  csvSyntax: 'packsErrCsvSyntax',
  removesAll: 'packsErrRemovesAll',
  idConflict: 'packsErrIdConflict',
  idChanged: 'packsErrIdChanged',
  storageCap: 'packsErrStorageCap',
  localFailure: 'packsErrLocalFailure',
  badUrl: 'packsErrBadUrl',
  timeout: 'packsErrTimeout',
  network: 'packsErrNetwork',
  httpStatus: 'packsErrHttpStatus',
  privateHost: 'packsErrPrivateHost',
  redirectOrigin: 'packsErrRedirectOrigin',
  redirected: 'packsErrRedirected',
  etagMismatch: 'packsErrEtagMismatch',
  notUtf8: 'packsErrNotUtf8',
};

/** A pack error in the user's language, in plain words. */
export function packErrorText(error: PackError): string {
  const params =
    error.code === 'idConflict' && error.params[1] === 'file'
      ? [error.params[0] ?? '', t('packsSourceFile')]
      : error.code === 'unsafePattern'
        ? [error.params[0] ?? '', error.params[1] ?? '', regexRiskText(error.params[2] ?? '')]
        : error.params;
  const text = t(KEYS[error.code], ...params);
  return error.row ? t('packsErrRow', String(error.row), text) : text;
}
