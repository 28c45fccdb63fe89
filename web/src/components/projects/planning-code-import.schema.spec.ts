import { describe, expect, it } from 'vitest';
import {
  base64OfDataUrl,
  importFormatOf,
  toImportInput,
  validateImport,
  type ImportValues,
} from './planning-code-import.schema';

const messages = {
  required: 'required',
  versionId: 'versionId',
  versionTaken: 'taken',
  format: 'format',
  tooLong: 'long',
};

const file = { name: 'Nomenklatur 2021.XLSX', size: 2048, base64: 'UEsDBA==' };

const values: ImportValues = {
  target: 'new',
  existingVersionId: null,
  newVersionId: ' kepmendagri-050-5889-2021 ',
  newVersionName: ' Pemutakhiran 2021 ',
  legalBasis: ' Kepmendagri 050-5889 Tahun 2021 ',
  kind: 'NOMENCLATURE',
  file,
};

describe('planning-code importer', () => {
  it('knows CSV and XLSX by name only', () => {
    expect(importFormatOf('kode.csv')).toBe('CSV');
    expect(importFormatOf('kode.XLSX')).toBe('XLSX');
    expect(importFormatOf('kode.xls')).toBeNull();
    expect(importFormatOf('kode')).toBeNull();
  });

  it('takes the base64 part of a data URL', () => {
    expect(base64OfDataUrl('data:text/csv;base64,a29kZQ==')).toBe('a29kZQ==');
    expect(base64OfDataUrl('a29kZQ==')).toBe('a29kZQ==');
  });

  it('creates a new version with its name and legal basis', () => {
    expect(validateImport(values, ['pmdn-90-2019'], messages)).toEqual({});
    expect(toImportInput(values, file, true)).toEqual({
      versionId: 'kepmendagri-050-5889-2021',
      versionName: 'Pemutakhiran 2021',
      legalBasis: 'Kepmendagri 050-5889 Tahun 2021',
      kind: 'NOMENCLATURE',
      format: 'XLSX',
      filename: 'Nomenklatur 2021.XLSX',
      contentBase64: 'UEsDBA==',
      dryRun: true,
    });
  });

  it('imports into an existing version without renaming it', () => {
    const existing = { ...values, target: 'existing' as const, existingVersionId: 'pmdn-90-2019' };
    expect(validateImport(existing, ['pmdn-90-2019'], messages)).toEqual({});
    expect(toImportInput(existing, file, false)).toMatchObject({
      versionId: 'pmdn-90-2019',
      versionName: null,
      legalBasis: null,
      dryRun: false,
    });
  });

  it('names every missing or bad field', () => {
    expect(
      validateImport(
        { ...values, newVersionId: 'a b', newVersionName: '', legalBasis: ' ', file: null },
        [],
        messages,
      ),
    ).toEqual({
      newVersionId: 'versionId',
      newVersionName: 'required',
      legalBasis: 'required',
      file: 'required',
    });
    expect(
      validateImport({ ...values, newVersionId: 'pmdn-90-2019' }, ['pmdn-90-2019'], messages)
        .newVersionId,
    ).toBe('taken');
    expect(
      validateImport({ ...values, file: { ...file, name: 'kode.ods' } }, [], messages).file,
    ).toBe('format');
    expect(
      validateImport({ ...values, target: 'existing', existingVersionId: null }, [], messages),
    ).toEqual({ existingVersionId: 'required' });
  });
});
