import {
  badInput,
  forbidden,
  isRole,
  notFound,
  unauthenticated,
  unavailable,
  type Principal,
} from '@sipadu/service-kit';
import type { Connection } from 'mongoose';
import { access } from '../access.js';
import {
  DATA_SET_DEFINITIONS,
  OPEN_LICENSE_URL,
  UPDATE_FREQUENCIES,
  dataSetDefinition,
  type DataRow,
  type DataSetDefinition,
} from '../datasets/catalog.js';
import type { DataSet, DataSetInput } from '../generated/graphql.js';
import { dataSetModel, type DataSetModel, type DataSetRecord } from '../models/data-set.model.js';
import type { AssessmentService } from './assessment.service.js';
import { MODULE_NAMES, OwnerUnavailableError, type OwnerClient } from './owner-client.js';
import { currentPeriodKey, parsePeriod, periodYear, type AssessmentPeriod } from './period.js';

const ORGANIZATION_CODE = /^[A-Z0-9][A-Z0-9-]{1,39}$/;
const MAX_READERS = 50;

export interface DataSetServiceOptions {
  connection: Connection;
  owners: OwnerClient;
  assessments: AssessmentService;
  /** Public base URL of the gateway (absolute links in the DCAT catalog). */
  publicApiUrl: string;
  /** The Pemda publishing the catalog. */
  publisher: string;
  timeZone: string;
}

/** A generated data set: metadata, the period read, and the rows. */
export interface DataSetContent {
  dataSet: DataSet;
  period: AssessmentPeriod | null;
  generatedAt: string;
  rows: DataRow[];
}

/**
 * Whether a caller may read a data set under its registry entry. TERBUKA: anyone. INTERNAL: a
 * signed-in employee holding one of the reader roles, or of the walidata or a reader
 * organization. TERBATAS: only the walidata and reader organizations (and, when reader roles are
 * listed, only those roles there). super-admin reads all; partner clients only internal sets
 * whose definition names one of their scopes.
 */
export function canRead(
  principal: Principal | null,
  definition: DataSetDefinition,
  record: Pick<DataSetRecord, 'classification' | 'readerRoles' | 'readerOrganizations'>,
): boolean {
  if (record.classification === 'TERBUKA') return true;
  if (!principal) return false;
  if (principal.kind === 'client') {
    return definition.clientScopes.some((scope) => principal.scopes.includes(scope));
  }
  if (principal.roles.includes('super-admin')) return true;
  const organization = principal.organizationCode;
  const holdsRole = record.readerRoles.some((role) => principal.roles.includes(role as never));
  const walidata = organization !== null && organization === definition.walidataCode;
  const reader = organization !== null && record.readerOrganizations.includes(organization);
  if (record.classification === 'INTERNAL') return holdsRole || walidata || reader;
  return walidata || (reader && (record.readerRoles.length === 0 || holdsRole));
}

/** Rows of an internal set limited to the caller's organization, when the definition says so. */
export function visibleRows(
  principal: Principal | null,
  definition: DataSetDefinition,
  classification: DataSetRecord['classification'],
  rows: DataRow[],
): DataRow[] {
  const across = definition.rowsAcrossOrganizations;
  if (!across || classification === 'TERBUKA' || !principal || principal.kind === 'client') {
    return rows;
  }
  if (principal.organizationCode === definition.walidataCode) return rows;
  if (across.some((role) => principal.roles.includes(role))) return rows;
  return rows.filter((row) => row.organizationCode === principal.organizationCode);
}

/**
 * The walidata registry and the open-data catalog: metadata and access rules per data set
 * (editable), rows generated from the owning services on request.
 */
export class DataSetService {
  private readonly model: DataSetModel;

  constructor(private readonly options: DataSetServiceOptions) {
    this.model = dataSetModel(options.connection);
  }

  /** Adds the registry entries of new definitions; existing entries (and their edits) stay. */
  async init(): Promise<void> {
    await this.model.createCollection().catch(() => undefined);
    const existing = new Set(
      (await this.model.find({}, { _id: 1 }).lean<Array<{ _id: string }>>().exec()).map(
        (row) => row._id,
      ),
    );
    const now = new Date();
    const missing = DATA_SET_DEFINITIONS.filter((definition) => !existing.has(definition.id));
    for (const definition of missing) {
      try {
        await this.model.create({
          _id: definition.id,
          ...definition.defaults,
          modifiedAt: now,
          modifiedBy: null,
        });
      } catch (error) {
        // Another replica seeded it first.
        if ((error as { code?: number }).code !== 11000) throw error;
      }
    }
  }

  /** The data sets the caller may read (anonymous: the open ones), in catalog order. */
  async list(principal: Principal | null): Promise<DataSet[]> {
    const [records, names] = await Promise.all([this.records(), this.organizationNames()]);
    return DATA_SET_DEFINITIONS.flatMap((definition) => {
      const record = records.get(definition.id);
      if (!record || !canRead(principal, definition, record)) return [];
      return [this.view(definition, record, names)];
    });
  }

  /** One data set's metadata; null when unknown or not readable by the caller. */
  async get(principal: Principal | null, id: string): Promise<DataSet | null> {
    const definition = dataSetDefinition(id);
    if (!definition) return null;
    const record = await this.model.findById(id).lean<DataSetRecord>().exec();
    if (!record || !canRead(principal, definition, record)) return null;
    return this.view(definition, record, await this.organizationNames());
  }

  /**
   * Edits the metadata and access rules: super-admin any data set, admin-opd only those whose
   * walidata is its organization.
   */
  async update(principal: Principal | null, id: string, input: DataSetInput): Promise<DataSet> {
    const caller = access.require(principal, 'Mutation.updateDataSet');
    const definition = dataSetDefinition(id);
    const record = definition ? await this.model.findById(id).lean<DataSetRecord>().exec() : null;
    if (!definition || !record) throw notFound(`Set data "${id}" tidak ditemukan.`);
    if (
      !caller.roles.includes('super-admin') &&
      caller.organizationCode !== definition.walidataCode
    ) {
      throw forbidden('Hanya walidata set data ini atau super-admin yang boleh mengubahnya.');
    }
    const changes = await this.validate(input);
    const updated = await this.model
      .findByIdAndUpdate(
        id,
        {
          $set: {
            ...changes,
            modifiedAt: new Date(),
            modifiedBy: { id: caller.id, name: caller.name ?? caller.username },
          },
        },
        { returnDocument: 'after' },
      )
      .lean<DataSetRecord>()
      .exec();
    if (!updated) throw notFound(`Set data "${id}" tidak ditemukan.`);
    return this.view(definition, updated, await this.organizationNames());
  }

  /**
   * Generates a data set for a download: 404 when unknown, 401/403 when the caller may not read
   * it, 400 for a bad period, 503 when the owning module does not answer (never partial rows).
   */
  async content(
    principal: Principal | null,
    id: string,
    periodParam: string | null,
  ): Promise<DataSetContent> {
    const definition = dataSetDefinition(id);
    const record = definition ? await this.model.findById(id).lean<DataSetRecord>().exec() : null;
    if (!definition || !record) throw notFound(`Set data "${id}" tidak ditemukan.`);
    if (!canRead(principal, definition, record)) {
      throw principal
        ? forbidden('Anda tidak berwenang membaca set data ini.')
        : unauthenticated('Set data ini bukan data terbuka. Silakan masuk terlebih dahulu.');
    }
    const period = this.periodOf(definition, periodParam);
    let rows: DataRow[];
    try {
      rows = await definition.rows({
        owners: this.options.owners,
        assessments: this.options.assessments,
        period,
      });
    } catch (error) {
      if (error instanceof OwnerUnavailableError) {
        throw unavailable(
          `Sumber data (${MODULE_NAMES[error.module]}) sedang tidak menjawab. Coba lagi nanti.`,
          error.module,
        );
      }
      throw error;
    }
    return {
      dataSet: this.view(definition, record, await this.organizationNames()),
      period,
      generatedAt: new Date().toISOString(),
      rows: visibleRows(principal, definition, record.classification, rows),
    };
  }

  /** The DCAT-AP style catalog (JSON-LD) of the open data sets. */
  async catalog(): Promise<Record<string, unknown>> {
    const [records, names] = await Promise.all([this.records(), this.organizationNames()]);
    const base = this.options.publicApiUrl.replace(/\/+$/, '');
    const publisher = { '@type': 'foaf:Agent', 'foaf:name': this.options.publisher };
    const open = DATA_SET_DEFINITIONS.flatMap((definition) => {
      const record = records.get(definition.id);
      return record?.classification === 'TERBUKA' ? [{ definition, record }] : [];
    });
    const modified = open.map(({ record }) => record.modifiedAt.getTime());
    return {
      '@context': {
        dcat: 'http://www.w3.org/ns/dcat#',
        dct: 'http://purl.org/dc/terms/',
        foaf: 'http://xmlns.com/foaf/0.1/',
        vcard: 'http://www.w3.org/2006/vcard/ns#',
        xsd: 'http://www.w3.org/2001/XMLSchema#',
      },
      '@id': `${base}/open-data/catalog.json`,
      '@type': 'dcat:Catalog',
      'dct:title': `Katalog Data Terbuka ${this.options.publisher}`,
      'dct:description':
        'Set data terbuka SIPADU (Satu Data Indonesia), dibangkitkan langsung dari layanan ' +
        'pemilik datanya saat diunduh.',
      'dct:publisher': publisher,
      'dct:language': 'id',
      'dct:license': { '@id': OPEN_LICENSE_URL },
      ...(modified.length > 0
        ? { 'dct:modified': new Date(Math.max(...modified)).toISOString() }
        : {}),
      'dcat:dataset': open.map(({ definition, record }) => {
        const view = this.view(definition, record, names);
        const period = view.period ? parsePeriod(view.period) : null;
        return {
          '@id': `${base}/open-data/${definition.id}`,
          '@type': 'dcat:Dataset',
          'dct:identifier': definition.id,
          'dct:title': view.title,
          'dct:description': view.description,
          'dct:publisher': publisher,
          'dct:creator': {
            '@type': 'foaf:Organization',
            'foaf:name': view.walidataName,
            'dct:identifier': view.walidataCode,
          },
          'dcat:contactPoint': {
            '@type': 'vcard:Organization',
            'vcard:fn': view.walidataName,
          },
          'dct:accrualPeriodicity': {
            '@id': `http://publications.europa.eu/resource/authority/frequency/${UPDATE_FREQUENCIES[view.updateFrequency] ?? 'UNKNOWN'}`,
          },
          ...(period
            ? {
                'dct:temporal': {
                  '@type': 'dct:PeriodOfTime',
                  'dcat:startDate': { '@value': period.from, '@type': 'xsd:date' },
                  'dcat:endDate': { '@value': period.to, '@type': 'xsd:date' },
                },
              }
            : {}),
          'dct:license': { '@id': OPEN_LICENSE_URL },
          'dct:modified': view.modifiedAt,
          'dcat:keyword': view.keywords,
          'dcat:distribution': view.downloads.map((download) => ({
            '@type': 'dcat:Distribution',
            'dct:title': `${view.title} (${download.format})`,
            'dcat:downloadURL': { '@id': `${base}${download.url}` },
            'dcat:accessURL': { '@id': `${base}${download.url}` },
            'dcat:mediaType': download.mediaType,
            'dct:format': download.format,
            'dct:license': { '@id': OPEN_LICENSE_URL },
          })),
        };
      }),
    };
  }

  private periodOf(
    definition: DataSetDefinition,
    periodParam: string | null,
  ): AssessmentPeriod | null {
    const given = periodParam?.trim() || null;
    switch (definition.periodMode) {
      case 'NONE':
        if (given) throw badInput(`Set data "${definition.id}" tidak memakai parameter period.`);
        return null;
      case 'YEAR_OPTIONAL': {
        if (!given) return null;
        const period = parsePeriod(given);
        if (period.key !== String(periodYear(period.key))) {
          throw badInput(`Parameter period set data "${definition.id}" harus tahun, mis. 2026.`);
        }
        return period;
      }
      case 'ANY':
        return parsePeriod(given ?? this.defaultPeriodKey());
    }
  }

  private defaultPeriodKey(): string {
    return currentPeriodKey('YEAR', new Date(), this.options.timeZone);
  }

  private view(
    definition: DataSetDefinition,
    record: DataSetRecord,
    names: ReadonlyMap<string, string>,
  ): DataSet {
    const path = `/open-data/${definition.id}`;
    return {
      id: definition.id,
      title: definition.title,
      description: record.description,
      classification: record.classification,
      walidataCode: definition.walidataCode,
      walidataName: names.get(definition.walidataCode) ?? definition.walidataName,
      sourceService: definition.sourceService,
      updateFrequency: record.updateFrequency,
      period: definition.periodMode === 'ANY' ? this.defaultPeriodKey() : null,
      license: definition.license,
      keywords: [...definition.keywords],
      fields: definition.fields.map((field) => ({ ...field })),
      readerRoles: [...record.readerRoles],
      readerOrganizations: [...record.readerOrganizations],
      downloads: [
        { format: 'CSV', mediaType: 'text/csv', url: `${path}.csv` },
        { format: 'JSON', mediaType: 'application/json', url: `${path}.json` },
      ],
      modifiedAt: record.modifiedAt.toISOString(),
    };
  }

  private async records(): Promise<Map<string, DataSetRecord>> {
    const rows = await this.model.find().lean<DataSetRecord[]>().exec();
    return new Map(rows.map((row) => [row._id, row]));
  }

  /** Organization names from the directory; empty (definitions' names used) if it does not answer. */
  private async organizationNames(): Promise<Map<string, string>> {
    try {
      const organizations = await this.options.owners.organizations();
      return new Map(organizations.map((organization) => [organization.code, organization.name]));
    } catch (error) {
      if (error instanceof OwnerUnavailableError) return new Map();
      throw error;
    }
  }

  private async validate(input: DataSetInput): Promise<Partial<DataSetRecord>> {
    const changes: Partial<DataSetRecord> = {};
    if (input.description != null) {
      const description = input.description.trim();
      if (description.length < 10 || description.length > 2000) {
        throw badInput('Deskripsi set data harus 10–2000 karakter.');
      }
      changes.description = description;
    }
    if (input.classification != null) changes.classification = input.classification;
    if (input.updateFrequency != null) {
      const frequency = input.updateFrequency.trim();
      if (!Object.hasOwn(UPDATE_FREQUENCIES, frequency)) {
        throw badInput(
          `Frekuensi pemutakhiran harus salah satu dari: ${Object.keys(UPDATE_FREQUENCIES).join(', ')}.`,
        );
      }
      changes.updateFrequency = frequency;
    }
    if (input.readerRoles != null) {
      const roles = [...new Set(input.readerRoles.map((role) => role.trim()))];
      const unknown = roles.find((role) => !isRole(role));
      if (unknown !== undefined) throw badInput(`Peran pembaca "${unknown}" tidak dikenal.`);
      changes.readerRoles = roles;
    }
    if (input.readerOrganizations != null) {
      const codes = [
        ...new Set(input.readerOrganizations.map((code) => code.trim().toUpperCase())),
      ];
      if (codes.length > MAX_READERS) {
        throw badInput(`Organisasi pembaca paling banyak ${MAX_READERS}.`);
      }
      const malformed = codes.find((code) => !ORGANIZATION_CODE.test(code));
      if (malformed !== undefined) {
        throw badInput(`Kode organisasi pembaca "${malformed}" tidak valid.`);
      }
      const known = await this.organizationNames();
      // Without an answer from identity the format check above is all that can be done.
      const missing = known.size > 0 ? codes.find((code) => !known.has(code)) : undefined;
      if (missing !== undefined) {
        throw badInput(`Organisasi pembaca "${missing}" tidak terdaftar.`);
      }
      changes.readerOrganizations = codes;
    }
    return changes;
  }
}
