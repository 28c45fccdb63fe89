import { randomUUID } from 'node:crypto';
import {
  badInput,
  containsPattern,
  notFound,
  parseInput,
  type Principal,
} from '@sipadu/service-kit';
import { createEvent, eventsForInsert, type Outbox } from '@sipadu/events';
import type { Connection } from 'mongoose';
import { z } from 'zod';
import { access } from '../access.js';
import {
  MAX_LISTED_REJECTIONS,
  planningCodeImportModel,
  type ImportActorRecord,
  type PlanningCodeImportModel,
  type PlanningCodeImportRecord,
} from './planning-code-import.model.js';
import {
  planningCodeSettingModel,
  planningCodeVersionModel,
  type PlanningCodeSettingModel,
  type PlanningCodeVersionModel,
  type PlanningCodeVersionRecord,
  type PlanningCodeVersionView,
} from './planning-code-version.model.js';
import { decodeBase64, readImportTable } from './planning-code.file.js';
import {
  planningCodeId,
  planningCodeModel,
  type PlanningCodeModel,
  type PlanningCodeRecord,
} from './planning-code.model.js';
import {
  ancestorCodes,
  checkCode,
  codesToLookUp,
  LEVEL_LABELS,
  normalizeCode,
  rowsFromTable,
  validateRows,
  type AcceptedRow,
  type PlanningCodeKind,
  type PlanningCodeLevel,
} from './planning-code.parser.js';
import { loadPlanningCodeSeed } from './seed/planning-code.seed.js';

const KINDS = ['NOMENCLATURE', 'ACCOUNT'] as const satisfies readonly PlanningCodeKind[];

const versionId = z
  .string()
  .trim()
  .regex(
    /^[a-z0-9][a-z0-9-]{2,63}$/,
    'ID versi: 3–64 huruf kecil, angka atau tanda hubung, mis. kepmendagri-050-5889-2021.',
  );

const importSchema = z.object({
  versionId,
  versionName: z.string().trim().max(200, 'Nama versi paling panjang 200 karakter.').nullish(),
  legalBasis: z.string().trim().max(300, 'Dasar hukum paling panjang 300 karakter.').nullish(),
  kind: z.enum(KINDS),
  format: z.enum(['CSV', 'XLSX']),
  filename: z
    .string()
    .trim()
    .min(1, 'Nama berkas wajib diisi.')
    .max(255, 'Nama berkas paling panjang 255 karakter.'),
  contentBase64: z.string().min(1, 'Isi berkas wajib diisi.'),
  dryRun: z.boolean().nullish(),
});

export type PlanningCodeImportInput = z.input<typeof importSchema>;

export interface PlanningCodeListArgs {
  kind?: PlanningCodeKind | null;
  versionId?: string | null;
  parentCode?: string | null;
  search?: string | null;
  level?: PlanningCodeLevel | null;
  first?: number | null;
}

export interface ResolvedPlanningCode {
  code: string;
  name: string;
  versionId: string;
}

export interface ChildCount {
  parentId: string;
  count: number;
}

/** Upserts per bulkWrite command. */
const WRITE_BATCH = 500;
/** `_id`s per lookup command. */
const LOOKUP_BATCH = 1_000;
/** Codes one project may cite at once. */
const MAX_CITED_CODES = 100;

const clamp = (value: number | null | undefined, fallback: number, max: number) =>
  Math.min(Math.max(Math.trunc(value ?? fallback), 1), max);

const isDuplicateKey = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;

/**
 * Permendagri 90/2019 reference data (DOMAIN.md §8): versioned nomenclature (urusan → sub
 * kegiatan) and account codes, imported from CSV/XLSX with a per-row report, browsed as a tree,
 * and checked when a project cites sub kegiatan codes. An import made by a user publishes
 * `projects.planningCodes.imported` (the seed loaded at start does not).
 */
export class PlanningCodeService {
  private readonly codeModel: PlanningCodeModel;
  private readonly versionModel: PlanningCodeVersionModel;
  private readonly settingModel: PlanningCodeSettingModel;
  /** Also an event source of the outbox relay (imports carry their event). */
  readonly importModel: PlanningCodeImportModel;

  constructor(
    connection: Connection,
    private readonly outbox: Outbox | null = null,
  ) {
    this.codeModel = planningCodeModel(connection);
    this.versionModel = planningCodeVersionModel(connection);
    this.settingModel = planningCodeSettingModel(connection);
    this.importModel = planningCodeImportModel(connection);
  }

  async init(): Promise<void> {
    await Promise.all(
      [this.codeModel, this.versionModel, this.settingModel, this.importModel].map(
        async (model) => {
          await model.init();
          await model.createIndexes();
        },
      ),
    );
  }

  /** Loads the shipped seed when no version exists yet; returns the number of codes loaded. */
  async seedIfEmpty(): Promise<number> {
    if (await this.versionModel.exists({})) return 0;
    return loadPlanningCodeSeed(this);
  }

  // -------------------------------------------------------------------------------------------
  // Reads

  /** Every version, newest first, each marked active or not. */
  async versions(): Promise<PlanningCodeVersionView[]> {
    const [versions, activeId] = await Promise.all([
      this.versionModel.find().sort({ createdAt: -1 }).lean<PlanningCodeVersionRecord[]>().exec(),
      this.activeVersionId(),
    ]);
    return versions.map((version) => ({ ...version, active: version._id === activeId }));
  }

  async activeVersionId(): Promise<string | null> {
    const setting = await this.settingModel.findById('active').lean().exec();
    return setting?.versionId ?? null;
  }

  async version(id: string): Promise<PlanningCodeVersionView | null> {
    const [version, activeId] = await Promise.all([
      this.versionModel.findById(id).lean<PlanningCodeVersionRecord>().exec(),
      this.activeVersionId(),
    ]);
    return version ? { ...version, active: version._id === activeId } : null;
  }

  /**
   * Codes of one kind in one version (default: the active one), by code. Without `parentCode`,
   * `search` and `level`: the top level (urusan or akun).
   */
  async list(args: PlanningCodeListArgs): Promise<PlanningCodeRecord[]> {
    const kind = args.kind ?? 'NOMENCLATURE';
    const version = args.versionId ?? (await this.activeVersionId());
    if (!version) return [];
    const filter: Record<string, unknown> = { versionId: version, kind };
    const parentCode = args.parentCode ? normalizeCode(args.parentCode) : '';
    const search = args.search?.trim() ?? '';
    if (parentCode) filter.parentCode = parentCode;
    if (args.level) filter.level = args.level;
    if (search) filter.searchText = { $regex: containsPattern(search) };
    if (!parentCode && !search && !args.level) filter.depth = 1;
    return this.codeModel
      .find(filter)
      .sort({ code: 1 })
      .limit(clamp(args.first, 100, 500))
      .lean<PlanningCodeRecord[]>()
      .exec();
  }

  async get(
    code: string,
    kind: PlanningCodeKind = 'NOMENCLATURE',
    versionId?: string | null,
  ): Promise<PlanningCodeRecord | null> {
    const version = versionId ?? (await this.activeVersionId());
    if (!version) return null;
    return this.codeModel
      .findById(planningCodeId(version, kind, normalizeCode(code)))
      .lean<PlanningCodeRecord>()
      .exec();
  }

  /** Codes by `_id`, in one command (the path loader's batch). */
  byIds(ids: readonly string[]): Promise<PlanningCodeRecord[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.codeModel
      .find({ _id: { $in: [...ids] } })
      .lean<PlanningCodeRecord[]>()
      .exec();
  }

  /** `_id`s of a code's ancestors, urusan/akun first (for the path loader). */
  ancestorIds(record: PlanningCodeRecord): string[] {
    return ancestorCodes(record.kind, record.code).map((code) =>
      planningCodeId(record.versionId, record.kind, code),
    );
  }

  /** The chain from the urusan/akun down to the code itself, in one `_id` lookup. */
  async path(record: PlanningCodeRecord): Promise<PlanningCodeRecord[]> {
    const ancestors = await this.byIds(this.ancestorIds(record));
    return [...ancestors.sort((a, b) => a.depth - b.depth), record];
  }

  /** Children per parent `_id`, in one aggregate for any number of parents. */
  async childCounts(parentIds: readonly string[]): Promise<ChildCount[]> {
    if (parentIds.length === 0) return [];
    const groups = await this.codeModel
      .aggregate<{ _id: string; count: number }>([
        { $match: { parentId: { $in: [...parentIds] } } },
        { $group: { _id: '$parentId', count: { $sum: 1 } } },
      ])
      .exec();
    return groups.map((group) => ({ parentId: group._id, count: group.count }));
  }

  async childCount(record: PlanningCodeRecord): Promise<number> {
    const [counted] = await this.childCounts([record._id]);
    return counted?.count ?? 0;
  }

  /** Stored import reports, newest first (dry runs are not stored). */
  imports(first?: number | null): Promise<PlanningCodeImportRecord[]> {
    return this.importModel
      .find()
      .sort({ importedAt: -1 })
      .limit(clamp(first, 20, 100))
      .lean<PlanningCodeImportRecord[]>()
      .exec();
  }

  // -------------------------------------------------------------------------------------------
  // Writes

  /** BPKAD imports a CSV/XLSX file of codes into a version (created when missing). */
  async import(principal: Principal | null, input: unknown): Promise<PlanningCodeImportRecord> {
    const caller = access.require(principal, 'Mutation.importPlanningCodes');
    return this.importAs(
      { id: caller.id, name: caller.name, organizationCode: caller.organizationCode },
      input,
      { announce: true },
    );
  }

  /**
   * The import itself, for a caller already authorized (the API) or the seed; `announce` writes
   * the imported event in the same insert as the stored report.
   */
  async importAs(
    actor: ImportActorRecord,
    input: unknown,
    { announce = false }: { announce?: boolean } = {},
  ): Promise<PlanningCodeImportRecord> {
    const data = parseInput(importSchema, input);
    const bytes = decodeBase64(data.contentBase64);
    const { rows, totalRows } = rowsFromTable(await readImportTable(data.format, bytes));

    const version = await this.versionModel
      .findById(data.versionId)
      .lean<PlanningCodeVersionRecord>()
      .exec();
    if (!version && (!data.versionName || !data.legalBasis)) {
      throw badInput(
        `Versi '${data.versionId}' belum ada: isi nama versi dan dasar hukumnya untuk membuatnya.`,
      );
    }
    const existing = version
      ? await this.storedNames(data.versionId, data.kind, codesToLookUp(data.kind, rows))
      : new Map<string, string>();
    const { accepted, rejections } = validateRows(data.kind, rows, existing);
    const fresh = accepted.filter((row) => !row.unchanged);

    const report: PlanningCodeImportRecord = {
      _id: randomUUID(),
      versionId: data.versionId,
      kind: data.kind,
      format: data.format,
      filename: data.filename,
      dryRun: data.dryRun ?? false,
      totalRows,
      accepted: accepted.length,
      rejected: rejections.length,
      inserted: fresh.length,
      rejections: rejections.slice(0, MAX_LISTED_REJECTIONS),
      importedBy: actor,
      importedAt: new Date(),
    };
    if (report.dryRun) return report;

    if (!version) await this.createVersion(data.versionId, data.versionName!, data.legalBasis!);
    await this.write(data.versionId, data.kind, fresh);
    await this.refreshCounts(data.versionId);
    const event =
      announce && this.outbox
        ? createEvent(
            'projects.planningCodes.imported',
            {
              importId: report._id,
              versionId: report.versionId,
              kind: report.kind,
              accepted: report.accepted,
              rejected: report.rejected,
            },
            {
              actor: { type: 'user', id: actor.id, org: actor.organizationCode },
              subject: { type: 'planningCodeImport', id: report._id },
              org: actor.organizationCode,
            },
          )
        : null;
    await this.importModel.create({ ...report, ...(event ? eventsForInsert([event]) : {}) });
    if (event) await this.outbox?.flush(this.importModel, report._id);
    return report;
  }

  /** Makes a version the one new projects cite. */
  async activate(principal: Principal | null, id: string): Promise<PlanningCodeVersionView> {
    access.require(principal, 'Mutation.activatePlanningCodeVersion');
    const version = await this.versionModel.findById(id).lean<PlanningCodeVersionRecord>().exec();
    if (!version) throw notFound(`Versi nomenklatur '${id}' tidak ditemukan.`);
    await this.settingModel
      .updateOne(
        { _id: 'active' },
        { $set: { versionId: id, updatedAt: new Date() } },
        { upsert: true },
      )
      .exec();
    return { ...version, active: true };
  }

  // -------------------------------------------------------------------------------------------
  // For projects

  /**
   * Checks the sub kegiatan codes a project cites against the active version and returns them
   * with their names (duplicates dropped, order kept). BAD_USER_INPUT names every bad code.
   */
  async resolveSubKegiatan(codes: readonly string[]): Promise<ResolvedPlanningCode[]> {
    const unique = [...new Set(codes.map(normalizeCode).filter((code) => code !== ''))];
    if (unique.length === 0) return [];
    if (unique.length > MAX_CITED_CODES) {
      throw badInput(`Paling banyak ${MAX_CITED_CODES} kode sub kegiatan per proyek.`);
    }
    const activeId = await this.activeVersionId();
    if (!activeId) {
      throw badInput(
        'Belum ada versi nomenklatur yang aktif; impor nomenklatur Permendagri 90/2019 dahulu.',
      );
    }
    const found = await this.byIds(
      unique.map((code) => planningCodeId(activeId, 'NOMENCLATURE', code)),
    );
    const byCode = new Map(found.map((record) => [record.code, record]));

    const problems: { code: string; message: (versionName: string) => string }[] = [];
    for (const code of unique) {
      const record = byCode.get(code);
      if (record?.level === 'SUB_KEGIATAN') continue;
      const checked = checkCode('NOMENCLATURE', code);
      if (record || (checked.ok && checked.info.level !== 'SUB_KEGIATAN')) {
        const level = record?.level ?? (checked.ok ? checked.info.level : 'SUB_KEGIATAN');
        problems.push({
          code,
          message: () =>
            `Kode ${code} adalah kode ${LEVEL_LABELS[level].toLowerCase()}, bukan kode sub kegiatan`,
        });
      } else if (!checked.ok && checked.reason === 'WRONG_KIND') {
        problems.push({
          code,
          message: () => `Kode ${code} adalah kode rekening, bukan kode sub kegiatan`,
        });
      } else if (!checked.ok) {
        problems.push({
          code,
          message: () =>
            `Kode sub kegiatan ${code} tidak sesuai format (U.BB.PP.L.KK.SS atau U.BB.PP.L.KK.SSSS)`,
        });
      } else {
        problems.push({
          code,
          message: (versionName) =>
            `Kode sub kegiatan ${code} tidak ada pada nomenklatur ${versionName}`,
        });
      }
    }
    if (problems.length > 0) {
      const version = await this.versionModel
        .findById(activeId)
        .lean<PlanningCodeVersionRecord>()
        .exec();
      const versionName = version?.name ?? activeId;
      throw badInput(`${problems.map((problem) => problem.message(versionName)).join('; ')}.`, {
        codes: problems.map((problem) => problem.code),
      });
    }
    return unique.map((code) => {
      const record = byCode.get(code)!;
      return { code: record.code, name: record.name, versionId: activeId };
    });
  }

  // -------------------------------------------------------------------------------------------
  // Internals

  /** Names of the given codes already in the version, by `_id` lookups in batches. */
  private async storedNames(
    versionId: string,
    kind: PlanningCodeKind,
    codes: readonly string[],
  ): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (let start = 0; start < codes.length; start += LOOKUP_BATCH) {
      const ids = codes
        .slice(start, start + LOOKUP_BATCH)
        .map((code) => planningCodeId(versionId, kind, code));
      const found = await this.codeModel
        .find({ _id: { $in: ids } }, { code: 1, name: 1 })
        .lean<Pick<PlanningCodeRecord, 'code' | 'name'>[]>()
        .exec();
      for (const record of found) names.set(record.code, record.name);
    }
    return names;
  }

  /**
   * Creates a version (a concurrent creation of the same id is fine) and makes it active when
   * no version is: the pointer is inserted only if absent, so two first imports cannot both win.
   */
  private async createVersion(id: string, name: string, legalBasis: string): Promise<void> {
    try {
      await this.versionModel.create({
        _id: id,
        name,
        legalBasis,
        counts: { NOMENCLATURE: 0, ACCOUNT: 0 },
      });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    try {
      await this.settingModel.create({ _id: 'active', versionId: id, updatedAt: new Date() });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }

  /** Upserts keyed by `_id` in batches: re-importing the same file changes nothing. */
  private async write(
    versionId: string,
    kind: PlanningCodeKind,
    rows: readonly AcceptedRow[],
  ): Promise<void> {
    for (let start = 0; start < rows.length; start += WRITE_BATCH) {
      const batch = rows.slice(start, start + WRITE_BATCH);
      await this.codeModel.bulkWrite(
        batch.map((row) => ({
          updateOne: {
            filter: { _id: planningCodeId(versionId, kind, row.code) },
            update: {
              $set: {
                versionId,
                kind,
                code: row.code,
                name: row.name,
                level: row.level,
                depth: row.depth,
                parentCode: row.parentCode,
                parentId: row.parentCode ? planningCodeId(versionId, kind, row.parentCode) : null,
                searchText: `${row.code} ${row.name}`.toLowerCase(),
              },
            },
            upsert: true,
          },
        })),
        { ordered: false },
      );
    }
  }

  private async refreshCounts(versionId: string): Promise<void> {
    const [nomenclature, account] = await Promise.all(
      KINDS.map((kind) => this.codeModel.countDocuments({ versionId, kind }).exec()),
    );
    await this.versionModel
      .updateOne(
        { _id: versionId },
        { $set: { counts: { NOMENCLATURE: nomenclature, ACCOUNT: account } } },
      )
      .exec();
  }
}
