import { parseInput } from '@sipadu/service-kit';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { pledgeInputSchema, standardInputSchema } from './standard-input.schema.js';

const components = {
  legalBasis: [],
  requirements: ['KTP-el'],
  procedure: ['Serahkan berkas'],
  completionTime: '1 hari kerja',
  completionDays: 1,
  cost: 'Gratis',
  products: ['Surat keterangan'],
  facilities: [],
  officerCompetence: [],
  internalSupervision: '',
  complaintHandling: '',
  numberOfOfficers: null,
  serviceGuarantee: '',
  securityGuarantee: '',
  performanceEvaluation: '',
};

const standard = (over: Record<string, unknown> = {}, parts: Record<string, unknown> = {}) => ({
  name: 'Surat Keterangan Domisili',
  category: 'Administrasi Umum',
  components: { ...components, ...parts },
  ...over,
});

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    return (error as Error).message;
  }
  throw new Error('expected BAD_USER_INPUT');
}

describe('standard input', () => {
  it('trims text, drops blank list items, and defaults absent optionals', () => {
    const parsed = parseInput(
      standardInputSchema,
      standard(
        { name: '  Surat Keterangan Domisili ', description: '  ', onlineServiceUrl: '' },
        { requirements: [' KTP-el ', '', '  ', 'KK'] },
      ),
    );
    expect(parsed.name).toBe('Surat Keterangan Domisili');
    expect(parsed.description).toBeNull();
    expect(parsed.onlineServiceUrl).toBeNull();
    expect(parsed.organizationCode).toBeNull();
    expect(parsed.components.requirements).toEqual(['KTP-el', 'KK']);
    expect(parsed.components.numberOfOfficers).toBeNull();
  });

  it('accepts http and https links only', () => {
    const ok = parseInput(
      standardInputSchema,
      standard({ onlineServiceUrl: 'https://simbg.pu.go.id' }),
    );
    expect(ok.onlineServiceUrl).toBe('https://simbg.pu.go.id');
    for (const url of ['javascript:alert(1)', 'simbg.pu.go.id', 'ftp://a.go.id']) {
      expect(
        messageOf(() => parseInput(standardInputSchema, standard({ onlineServiceUrl: url }))),
      ).toContain('Tautan layanan daring');
    }
  });

  it('names each invalid field in Indonesian', () => {
    const cases: [Record<string, unknown>, Record<string, unknown>, string][] = [
      [{ name: 'ab' }, {}, 'Nama layanan sedikitnya 3 karakter'],
      [{ name: 'x'.repeat(161) }, {}, 'Nama layanan paling banyak 160 karakter'],
      [{ category: 'a' }, {}, 'Kategori layanan sedikitnya 2 karakter'],
      [{}, { requirements: [] }, 'Persyaratan wajib diisi'],
      [{}, { procedure: [' '] }, 'Sistem, mekanisme, dan prosedur wajib diisi'],
      [{}, { products: [] }, 'Produk pelayanan wajib diisi'],
      [{}, { completionTime: ' ' }, 'Jangka waktu penyelesaian wajib diisi'],
      [{}, { cost: '' }, 'Biaya/tarif wajib diisi'],
      [{}, { completionDays: 366 }, 'tidak boleh lebih dari 365'],
      [{}, { completionDays: 1.5 }, 'bilangan bulat'],
      [{}, { numberOfOfficers: -1 }, 'Jumlah pelaksana tidak boleh kurang dari 0'],
    ];
    for (const [over, parts, expected] of cases) {
      expect(messageOf(() => parseInput(standardInputSchema, standard(over, parts)))).toContain(
        expected,
      );
    }
  });
});

describe('pledge input', () => {
  const pledge = (over: Record<string, unknown> = {}) => ({
    text: 'Kami sanggup melayani sesuai standar pelayanan.',
    commitments: ['Tidak memungut biaya di luar ketentuan'],
    signatoryName: 'Ahmad Syukri',
    signatoryPosition: 'Camat Kota Baru',
    effectiveDate: '2026-01-02',
    ...over,
  });

  it('accepts a valid pledge', () => {
    expect(parseInput(pledgeInputSchema, pledge()).effectiveDate).toBe('2026-01-02');
  });

  it('refuses an impossible date and an empty pledge', () => {
    expect(
      messageOf(() => parseInput(pledgeInputSchema, pledge({ effectiveDate: '2026-13-01' }))),
    ).toContain('Tanggal berlaku');
    expect(
      messageOf(() => parseInput(pledgeInputSchema, pledge({ effectiveDate: '02-01-2026' }))),
    ).toContain('Tanggal berlaku');
    expect(
      messageOf(() => parseInput(pledgeInputSchema, pledge({ commitments: ['', ' '] }))),
    ).toContain('Butir janji maklumat wajib diisi');
    expect(messageOf(() => parseInput(pledgeInputSchema, pledge({ text: 'Singkat' })))).toContain(
      'Isi maklumat sedikitnya 10 karakter',
    );
  });
});
