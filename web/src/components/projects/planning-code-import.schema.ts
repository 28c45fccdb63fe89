export type ImportKind = 'NOMENCLATURE' | 'ACCOUNT';
export type ImportFormat = 'CSV' | 'XLSX';

/**
 * The largest file sent in one import: the file travels base64-encoded (4/3 of its size) inside
 * a JSON request, and the portal and gateway accept requests up to 256 KiB.
 */
export const MAX_IMPORT_BYTES = 180 * 1024;

/** A new version's id as people type it, e.g. `kepmendagri-050-5889-2021`. */
export const VERSION_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/;

export interface LoadedFile {
  name: string;
  size: number;
  base64: string;
}

export interface ImportValues {
  /** Import into an existing version, or create a new one. */
  target: 'existing' | 'new';
  existingVersionId: string | null;
  newVersionId: string;
  newVersionName: string;
  legalBasis: string;
  kind: ImportKind;
  file: LoadedFile | null;
}

export interface ImportMessages {
  required: string;
  versionId: string;
  versionTaken: string;
  format: string;
  tooLong: string;
}

export type ImportErrors = Partial<
  Record<'existingVersionId' | 'newVersionId' | 'newVersionName' | 'legalBasis' | 'file', string>
>;

/** CSV or XLSX from the file name; null for anything else (XLS, ODS… are not read). */
export function importFormatOf(filename: string): ImportFormat | null {
  const extension = filename.toLowerCase().split('.').pop();
  if (extension === 'csv') return 'CSV';
  if (extension === 'xlsx') return 'XLSX';
  return null;
}

/** The base64 part of a `data:…;base64,…` URL as FileReader gives it. */
export function base64OfDataUrl(dataUrl: string): string {
  const comma = dataUrl.indexOf(',');
  return comma >= 0 ? dataUrl.slice(comma + 1) : dataUrl;
}

/** Checks the importer's form; `knownVersionIds` guards against re-creating a version. */
export function validateImport(
  values: ImportValues,
  knownVersionIds: readonly string[],
  messages: ImportMessages,
): ImportErrors {
  const errors: ImportErrors = {};
  if (values.target === 'existing') {
    if (!values.existingVersionId) errors.existingVersionId = messages.required;
  } else {
    const id = values.newVersionId.trim();
    if (!id) errors.newVersionId = messages.required;
    else if (!VERSION_ID.test(id)) errors.newVersionId = messages.versionId;
    else if (knownVersionIds.includes(id)) errors.newVersionId = messages.versionTaken;
    if (!values.newVersionName.trim()) errors.newVersionName = messages.required;
    else if (values.newVersionName.trim().length > 200) errors.newVersionName = messages.tooLong;
    if (!values.legalBasis.trim()) errors.legalBasis = messages.required;
    else if (values.legalBasis.trim().length > 300) errors.legalBasis = messages.tooLong;
  }
  if (!values.file) errors.file = messages.required;
  else if (!importFormatOf(values.file.name)) errors.file = messages.format;
  return errors;
}

/** The form as `importPlanningCodes` takes it. */
export function toImportInput(values: ImportValues, file: LoadedFile, dryRun: boolean) {
  const creating = values.target === 'new';
  return {
    versionId: creating ? values.newVersionId.trim() : (values.existingVersionId ?? ''),
    versionName: creating ? values.newVersionName.trim() : null,
    legalBasis: creating ? values.legalBasis.trim() : null,
    kind: values.kind,
    format: importFormatOf(file.name) ?? 'CSV',
    filename: file.name,
    contentBase64: file.base64,
    dryRun,
  };
}
