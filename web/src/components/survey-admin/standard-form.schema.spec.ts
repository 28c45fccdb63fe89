import { describe, expect, it } from 'vitest';
import {
  listRow,
  optionalWholeNumber,
  standardFormSchema,
  standardFormValues,
  standardInput,
} from './standard-form.schema';

const t = (key: string) => key;

const version = {
  name: 'Penerbitan KTP-el',
  category: 'Administrasi Kependudukan',
  description: null,
  onlineServiceUrl: 'https://layanan.example.go.id',
  components: {
    legalBasis: ['UU 24/2013'],
    requirements: ['Fotokopi KK', 'Telah berusia 17 tahun'],
    procedure: ['Ambil antrean', 'Perekaman', 'Pencetakan'],
    completionTime: '1 hari kerja',
    completionDays: 1,
    cost: 'Gratis',
    products: ['KTP-el'],
    facilities: [],
    officerCompetence: ['Operator terlatih'],
    internalSupervision: 'Kepala bidang',
    complaintHandling: 'Kotak saran',
    numberOfOfficers: null,
    serviceGuarantee: 'Tepat waktu',
    securityGuarantee: 'Data aman',
    performanceEvaluation: 'Setiap triwulan',
  },
};

describe('service standard form', () => {
  it('fills the form from a version and gives each list row its own key', () => {
    const values = standardFormValues(version);
    expect(values.name).toBe('Penerbitan KTP-el');
    expect(values.description).toBe('');
    expect(values.components.procedure.map((row) => row.value)).toEqual([
      'Ambil antrean',
      'Perekaman',
      'Pencetakan',
    ]);
    const keys = values.components.requirements.map((row) => row.key);
    expect(new Set(keys).size).toBe(2);
    expect(values.components.numberOfOfficers).toBe('');
    expect(standardFormValues(null, 'DINKES').organizationCode).toBe('DINKES');
  });

  it('builds the input: trimmed, blank rows dropped, order kept, numbers or null', () => {
    const values = standardFormValues(version, 'DINKES');
    values.components.procedure.splice(1, 0, listRow('   '));
    values.components.facilities.push(listRow(' Ruang tunggu '));
    values.components.numberOfOfficers = '12';
    values.onlineServiceUrl = '  ';
    const input = standardInput(values, false);
    expect(input.organizationCode).toBeUndefined();
    expect(input.onlineServiceUrl).toBeNull();
    expect(input.description).toBeNull();
    expect(input.components.procedure).toEqual(['Ambil antrean', 'Perekaman', 'Pencetakan']);
    expect(input.components.facilities).toEqual(['Ruang tunggu']);
    expect(input.components.numberOfOfficers).toBe(12);
    expect(input.components.completionDays).toBe(1);
    expect(standardInput(values, true).organizationCode).toBe('DINKES');
  });

  it('reads optional whole numbers', () => {
    expect(optionalWholeNumber('')).toBeNull();
    expect(optionalWholeNumber(' 14 ')).toBe(14);
    expect(optionalWholeNumber('1.200')).toBe(1200);
    expect(optionalWholeNumber('2,5')).toBeNaN();
    expect(optionalWholeNumber(3)).toBe(3);
  });

  it('checks name, category, URL, numbers and the organization of a new one', () => {
    const empty = standardFormValues(null);
    const result = standardFormSchema(t, true).safeParse({
      ...empty,
      onlineServiceUrl: 'ftp://x',
      components: { ...empty.components, completionDays: '-2' },
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.')).sort();
    expect(paths).toEqual([
      'category',
      'components.completionDays',
      'name',
      'onlineServiceUrl',
      'organizationCode',
    ]);
    expect(standardFormSchema(t, false).safeParse(standardFormValues(version)).success).toBe(true);
  });
});
