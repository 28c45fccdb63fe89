import { describe, expect, it } from 'vitest';
import type { LoanProjectRecord } from '../models/loan-project.model.js';
import { closedRing, documentTypeOf, sectorsOf, toOc4ids } from './oc4ids.js';

const actor = { kind: 'user' as const, id: 'u', name: null, organization: 'BPKAD', roles: [] };

const project = {
  _id: 'p1',
  code: 'PIN-2025-001',
  fiscalYear: 2025,
  name: 'Peningkatan Jalan Lingkar Barat',
  description: 'Pelebaran dan pengaspalan 4,2 km.',
  borrowingReason: 'Mempercepat konektivitas kawasan barat kota.',
  organizationCode: 'DPUPR',
  organizationName: 'Dinas PUPR Kota Jambi',
  lenderOrganizationCode: 'PTSMI',
  lenderName: 'PT Sarana Multi Infrastruktur',
  managerOrganizationCode: 'BPKAD',
  amount: 60_000_000_000,
  tenorMonths: 96,
  consultant: {
    name: 'CV Konsultan',
    contractNumber: 'K-01',
    supervisor: 'Ir. Budi',
    contact: null,
  },
  planningCodes: [{ code: '1.03.10.2.01.01', name: 'Penyusunan Rencana Jalan', versionId: 'v1' }],
  locations: [
    {
      id: 'loc1',
      latitude: -1.6101,
      longitude: 103.6131,
      address: 'Jl. Lingkar Barat',
      administrativeArea: 'Kecamatan Alam Barajo, Kota Jambi',
      outline: [
        { lng: 103.61, lat: -1.61 },
        { lng: 103.62, lat: -1.61 },
        { lng: 103.62, lat: -1.62 },
      ],
    },
  ],
  state: 'IMPLEMENTATION',
  history: [
    {
      transition: 'approve',
      from: 'VERIFICATION',
      to: 'APPROVED',
      actor,
      at: new Date('2025-05-02T03:00:00Z'),
      note: null,
    },
  ],
  agreement: {
    documentId: 'doc-agreement',
    number: 'PERJ-001/SMI/2025',
    signedOn: '2025-06-10',
    recordedBy: { id: 'u', name: null, organizationCode: 'BPKAD' },
    recordedAt: new Date('2025-06-11T00:00:00Z'),
  },
  tranches: [],
  progressPlan: [
    { period: '2025-07', physicalPercent: 10, financialPercent: 5 },
    { period: '2026-02', physicalPercent: 100, financialPercent: 100 },
  ],
  progressReports: [],
  physicalProgress: 40,
  financialProgress: 30,
  behindPlan: false,
  disbursedAmount: 18_000_000_000,
  approvedAmount: 18_000_000_000,
  requirementSummary: {
    total: 0,
    approved: 0,
    waived: 0,
    submitted: 0,
    revisionRequested: 0,
    outstanding: 0,
  },
  searchText: '',
  createdBy: { id: 'u', name: null, organizationCode: 'BPKAD' },
  revision: 3,
  createdAt: new Date('2025-01-05T00:00:00Z'),
  updatedAt: new Date('2025-08-01T04:05:06Z'),
} as LoanProjectRecord;

describe('toOc4ids', () => {
  const oc4ids = toOc4ids(project, {
    prefix: 'sipadu',
    requirements: [
      { _id: 'r1', title: 'Studi Kelayakan', group: null, status: 'APPROVED' },
      { _id: 'r2', title: 'SPTJM Kepala Daerah', group: 'Termin 1', status: 'APPROVED' },
      { _id: 'r3', title: 'MC-0', group: 'Termin 1', status: 'SUBMITTED' },
    ],
  });

  it('has the required identification fields', () => {
    expect(oc4ids.id).toBe('oc4ids-sipadu-PIN-2025-001');
    expect(oc4ids.updated).toBe('2025-08-01T04:05:06.000Z');
    expect(oc4ids.title).toBe('Peningkatan Jalan Lingkar Barat');
    expect(oc4ids.status).toBe('implementation');
    expect(oc4ids.sector).toEqual(['transport', 'transport.road']);
    expect(oc4ids.purpose).toBe('Mempercepat konektivitas kawasan barat kota.');
    expect(oc4ids.period).toEqual({
      startDate: '2025-07-01T00:00:00Z',
      endDate: '2026-02-28T00:00:00Z',
    });
    expect(oc4ids.identifiers).toContainEqual({
      scheme: 'Permendagri-90-2019',
      id: '1.03.10.2.01.01',
      description: 'Penyusunan Rencana Jalan',
    });
  });

  it('funds the budget from the loan of the lender party', () => {
    expect(oc4ids.budget.amount).toEqual({ amount: 60_000_000_000, currency: 'IDR' });
    expect(oc4ids.budget.approvalDate).toBe('2025-05-02T03:00:00.000Z');
    expect(oc4ids.budget.budgetBreakdown[0]).toMatchObject({
      id: 'loan',
      amount: { amount: 60_000_000_000, currency: 'IDR' },
      sourceParty: { id: 'PTSMI', name: 'PT Sarana Multi Infrastruktur' },
    });
    const roles = Object.fromEntries(oc4ids.parties.map((p) => [p.id, p.roles]));
    expect(roles).toEqual({
      DPUPR: ['publicAuthority'],
      PTSMI: ['funder'],
      BPKAD: ['buyer', 'administrativeEntity'],
      'consultant-K-01': ['supplier'],
    });
    // Every party referenced by the budget exists.
    expect(oc4ids.parties.map((p) => p.id)).toContain(
      oc4ids.budget.budgetBreakdown[0]?.sourceParty.id,
    );
  });

  it('writes locations as GeoJSON with longitude first and closed polygon rings', () => {
    const [point, area] = oc4ids.locations;
    expect(point?.geometry).toEqual({ type: 'Point', coordinates: [103.6131, -1.6101] });
    expect(point?.address?.countryName).toBe('Indonesia');
    expect(area?.geometry.type).toBe('Polygon');
    const ring = (area?.geometry.coordinates as number[][][])[0] ?? [];
    expect(ring).toHaveLength(4);
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    expect(ring[0]).toEqual([103.61, -1.61]);
    for (const [lng, lat] of ring as [number, number][]) {
      expect(lng).toBeGreaterThan(94);
      expect(lat).toBeLessThan(6.5);
    }
  });

  it('lists approved requirement documents and the signed agreement by type', () => {
    expect(oc4ids.documents.map((d) => [d.id, d.documentType])).toEqual([
      ['r1', 'feasibilityStudy'],
      ['r2', 'projectAdditionalDocument'],
      ['doc-agreement', 'contractSigned'],
    ]);
    expect(oc4ids.completion).toBeUndefined();
    expect(JSON.parse(JSON.stringify(oc4ids))).toEqual(oc4ids);
  });

  it('reports completion with the disbursed value', () => {
    const completed = toOc4ids(
      {
        ...project,
        state: 'COMPLETED',
        history: [
          ...project.history,
          {
            transition: 'complete',
            from: 'IMPLEMENTATION',
            to: 'COMPLETED',
            actor,
            at: new Date('2026-03-01T00:00:00Z'),
            note: null,
          },
        ],
      },
      { prefix: 'sipadu' },
    );
    expect(completed.status).toBe('completion');
    expect(completed.completion).toMatchObject({
      endDate: '2026-03-01T00:00:00.000Z',
      finalValue: { amount: 18_000_000_000, currency: 'IDR' },
    });
    expect(toOc4ids({ ...project, state: 'CANCELLED' }, { prefix: 'x' }).status).toBe('cancelled');
    expect(toOc4ids({ ...project, state: 'DRAFT' }, { prefix: 'x' }).status).toBe('identification');
  });
});

describe('helpers', () => {
  it('infers sectors from the planning codes', () => {
    expect(sectorsOf(['1.02.02.2.01.01'])).toEqual(['health']);
    expect(sectorsOf(['1.03.06.2.01.01', '1.03.03.2.01.01'])).toEqual(['waterAndWaste']);
    expect(sectorsOf(['5.01.01.2.01.01'])).toEqual(['other']);
    expect(sectorsOf([])).toEqual(['other']);
  });

  it('maps requirement titles to OC4IDS document types', () => {
    expect(documentTypeOf('Dokumen AMDAL / UKL-UPL')).toBe('environmentalImpact');
    expect(documentTypeOf('MC-0')).toBe('physicalProgressReport');
    expect(documentTypeOf('Rencana Penggunaan Uang Muka')).toBe('projectPlan');
    expect(documentTypeOf('DED dan RAB')).toBe('technicalSpecifications');
    expect(documentTypeOf('Surat Keterangan Lain')).toBe('projectAdditionalDocument');
  });

  it('closes a ring only when open', () => {
    expect(
      closedRing([
        { lng: 1, lat: 2 },
        { lng: 3, lat: 4 },
        { lng: 1, lat: 2 },
      ]),
    ).toHaveLength(3);
    expect(
      closedRing([
        { lng: 1, lat: 2 },
        { lng: 3, lat: 4 },
        { lng: 5, lat: 6 },
      ]),
    ).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
      [1, 2],
    ]);
  });
});
