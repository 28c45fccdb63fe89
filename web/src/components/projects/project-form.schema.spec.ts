import { describe, expect, it } from 'vitest';
import { emptyProjectForm, projectFormSchema, type ProjectFormValues } from './project-form.schema';
import {
  locationSchema,
  outlineText,
  parseCoordinate,
  parseOutline,
} from './project-locations.schema';

const t = (key: string) => key;
const schema = projectFormSchema(t);

const valid: ProjectFormValues = {
  ...emptyProjectForm(2025),
  name: 'Peningkatan Jalan Lingkar Barat Kota Jambi',
  description: 'Peningkatan jalan sepanjang 4,2 km beserta drainase.',
  borrowingReason: 'Kapasitas fiskal APBD tidak mencukupi dalam satu tahun anggaran.',
  organizationCode: 'DPUPR',
  lenderOrganizationCode: 'PTSMI',
  amount: 12_500_000_000,
  tenorMonths: 96,
  planningCodes: ['1.03.10.2.01.0001'],
  locations: [
    {
      latitude: -1.6101,
      longitude: '103,6131',
      address: 'Jl. Lingkar Barat',
      administrativeArea: 'Kecamatan Alam Barajo, Kota Jambi',
      outline: '103.60,-1.61\n103.62,-1.61\n103.62,-1.62\n',
    },
  ],
};

const failedFields = (values: unknown) => {
  const result = schema.safeParse(values);
  return [...new Set(result.error?.issues.map((issue) => issue.path.join('.')))].sort();
};

describe('project form', () => {
  it('parses a complete proposal into the mutation input', () => {
    const result = schema.parse(valid);
    expect(result.amount).toBe(12_500_000_000);
    expect(result.consultant).toBeNull();
    expect(result.locations[0]).toEqual({
      latitude: -1.6101,
      longitude: 103.6131,
      address: 'Jl. Lingkar Barat',
      administrativeArea: 'Kecamatan Alam Barajo, Kota Jambi',
      outline: [
        { lng: 103.6, lat: -1.61 },
        { lng: 103.62, lat: -1.61 },
        { lng: 103.62, lat: -1.62 },
      ],
    });
  });

  it('flags every field the projects service would refuse', () => {
    expect(
      failedFields({
        ...valid,
        fiscalYear: 1999,
        name: 'Jl',
        amount: 12.5,
        tenorMonths: 400,
        lenderOrganizationCode: 'DPUPR',
        consultant: { name: '', contractNumber: 'KTR-01', supervisor: '', contact: '' },
      }),
    ).toEqual([
      'amount',
      'consultant.name',
      'fiscalYear',
      'lenderOrganizationCode',
      'name',
      'tenorMonths',
    ]);
    expect(failedFields({ ...valid, amount: '', tenorMonths: '' })).toEqual([
      'amount',
      'tenorMonths',
    ]);
    expect(failedFields({ ...valid, amount: 2e15 })).toEqual(['amount']);
  });

  it('keeps the consultant when a name is given', () => {
    const result = schema.parse({
      ...valid,
      consultant: { name: 'PT Konsultan', contractNumber: '', supervisor: 'Ir. Budi', contact: '' },
    });
    expect(result.consultant).toEqual({
      name: 'PT Konsultan',
      contractNumber: null,
      supervisor: 'Ir. Budi',
      contact: null,
    });
  });
});

describe('project locations', () => {
  const location = locationSchema(t);
  const issues = (values: unknown) =>
    location
      .safeParse(values)
      .error?.issues.map((issue) => `${issue.path.join('.')}:${issue.message}`);

  it('refuses coordinates outside Indonesia with the service message key', () => {
    expect(
      issues({ ...valid.locations[0], latitude: 48.85, longitude: 2.35, address: '' }),
    ).toEqual(['address:required', 'latitude:outsideIndonesia', 'longitude:outsideIndonesia']);
    expect(issues({ ...valid.locations[0], latitude: 'utara' })).toEqual(['latitude:coordinate']);
  });

  it('reads outlines as lng,lat lines and reports the bad line', () => {
    expect(parseOutline('')).toEqual({ ok: true, points: [] });
    expect(parseOutline('103.6, -1.6\n103.7 -1.6\n\n103.7;-1.7')).toEqual({
      ok: true,
      points: [
        { lng: 103.6, lat: -1.6 },
        { lng: 103.7, lat: -1.6 },
        { lng: 103.7, lat: -1.7 },
      ],
    });
    expect(parseOutline('103.6,-1.6\n-1.6,103.6\n103.7,-1.7')).toEqual({
      ok: false,
      line: 2,
      reason: 'outside',
    });
    expect(parseOutline('103.6,-1.6\nabc')).toEqual({ ok: false, line: 2, reason: 'format' });
    expect(parseOutline('103.6,-1.6\n103.7,-1.6')).toEqual({
      ok: false,
      line: 0,
      reason: 'tooFew',
    });
    expect(issues({ ...valid.locations[0], outline: '103.6,-1.6' })).toEqual([
      'outline:outlineTooFew',
    ]);
  });

  it('round-trips an outline and reads decimal commas', () => {
    const points = [
      { lng: 103.6, lat: -1.6 },
      { lng: 103.7, lat: -1.65 },
    ];
    expect(outlineText(points)).toBe('103.6,-1.6\n103.7,-1.65');
    expect(parseCoordinate('-1,61')).toBe(-1.61);
    expect(parseCoordinate('')).toBeNull();
    expect(parseCoordinate(Number.NaN)).toBeNull();
  });
});
