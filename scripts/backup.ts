// Backup of SIPADU (issue 10, item 9): every service's database, collection by collection, as
// canonical Extended JSON lines (types survive: dates, binary GridFS chunks, ObjectIds), with its
// indexes, plus the files of a filesystem store (FILE_STORAGE_DIR), into a timestamped directory
// whose manifest.json lists each file's SHA-256 and each collection's document count. Driver
// based: the MongoDB tools (mongodump) are not available to this project. See
// docs/backup-restore.md; restore with scripts/restore.ts.
//
// Usage: npm run backup -- [--out <dir>] [--files <dir>|--no-files] [--database <service>=<name>]…
// Reads MONGO_URL (default mongodb://127.0.0.1:27017) and FILE_STORAGE_DIR like the services.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { databaseName } from '@sipadu/service-kit';
import mongoose from 'mongoose';
import { documentsEnvironment } from '../services/documents/src/environment.js';
import { existingServices } from './lib/platform.js';

export const MANIFEST = 'manifest.json';
const FORMAT = 'sipadu-backup';
const FORMAT_VERSION = 1;
/** Where the stored files go inside a backup. */
export const FILES_DIR = 'files';
const DATABASES_DIR = 'databases';

/** One database to dump: the service it belongs to and its name on the server. */
export interface DatabaseSource {
  service: string;
  name: string;
}

export interface BackupCollection {
  name: string;
  documents: number;
  /** Extended JSON lines, one document each; relative to the backup directory. */
  file: string;
  /** The index specifications (listIndexes) as JSON; relative to the backup directory. */
  indexesFile: string;
}

export interface BackupFileEntry {
  /** Relative to the backup directory, `/`-separated. */
  path: string;
  size: number;
  sha256: string;
}

export interface BackupManifest {
  format: typeof FORMAT;
  version: number;
  createdAt: string;
  databases: { service: string; name: string; collections: BackupCollection[] }[];
  /** The filesystem store's files (under `files/`), or null when none was backed up. */
  fileStorage: { files: number; bytes: number } | null;
  /** Every file of the backup except this manifest. */
  files: BackupFileEntry[];
}

/** A refusal or failure of backup or restore, said in Indonesian for the operator. */
export class BackupError extends Error {
  override name = 'BackupError';
}

/** Each service's own database, `sipadu_<service>`, for the services of this checkout. */
export function defaultDatabases(): DatabaseSource[] {
  return existingServices().map((unit) => ({ service: unit.name, name: databaseName(unit.name) }));
}

export interface BackupOptions {
  mongoUrl: string;
  /** Parent directory; the backup goes into `sipadu-backup-<timestamp>` inside it. */
  out: string;
  databases?: readonly DatabaseSource[];
  /** The filesystem store to copy (FILE_STORAGE_DIR); null: none (GridFS is in the database). */
  fileStorageDir?: string | null;
  now?: Date;
  log?: (line: string) => void;
}

/** SHA-256 and size of everything written through it. */
function hashingWriter(file: string) {
  const stream = createWriteStream(file);
  const hash = createHash('sha256');
  let size = 0;
  return {
    async write(text: string | Buffer) {
      const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
      hash.update(bytes);
      size += bytes.length;
      if (!stream.write(bytes)) await once(stream, 'drain');
    },
    async close(): Promise<{ size: number; sha256: string }> {
      await new Promise<void>((resolve, reject) =>
        stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
      );
      return { size, sha256: hash.digest('hex') };
    },
  };
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Files under `dir`, relative and `/`-separated, sorted; none when it does not exist. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    },
  );
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
    )
    .sort();
}

/** Copies a file, returning its size and SHA-256 (of the bytes as copied). */
export async function copyHashed(from: string, to: string) {
  await mkdir(path.dirname(to), { recursive: true });
  const writer = hashingWriter(to);
  for await (const chunk of createReadStream(from)) await writer.write(chunk as Buffer);
  return writer.close();
}

/**
 * GridFS buckets last, `<bucket>.files` before `<bucket>.chunks`: a file's chunks are written
 * before its `.files` entry, and its record (stored_files) after both, so in a backup taken while
 * services write every record and every `.files` entry finds all its chunks (there may be extra,
 * unreferenced ones). The rest alphabetically.
 */
function byDumpOrder(a: string, b: string): number {
  const rank = (name: string) => (name.endsWith('.chunks') ? 2 : name.endsWith('.files') ? 1 : 0);
  return rank(a) - rank(b) || a.localeCompare(b);
}

const timestamp = (date: Date) => date.toISOString().replace(/[:.]/g, '-');

/** Writes a backup and returns its directory and manifest. */
export async function backup(
  options: BackupOptions,
): Promise<{ dir: string; manifest: BackupManifest }> {
  const log = options.log ?? (() => undefined);
  const createdAt = options.now ?? new Date();
  const dir = path.resolve(options.out, `sipadu-backup-${timestamp(createdAt)}`);
  if (existsSync(dir)) throw new BackupError(`Direktori cadangan ${dir} sudah ada.`);
  await mkdir(dir, { recursive: true });
  const files: BackupFileEntry[] = [];
  const manifest: BackupManifest = {
    format: FORMAT,
    version: FORMAT_VERSION,
    createdAt: createdAt.toISOString(),
    databases: [],
    fileStorage: null,
    files,
  };

  const client = await new mongoose.mongo.MongoClient(options.mongoUrl, {
    serverSelectionTimeoutMS: 10_000,
  }).connect();
  try {
    for (const source of options.databases ?? defaultDatabases()) {
      const db = client.db(source.name);
      const names = (await db.listCollections({}, { nameOnly: true }).toArray())
        .map((collection) => collection.name)
        .filter((name) => !name.startsWith('system.'))
        .sort(byDumpOrder);
      const collections: BackupCollection[] = [];
      await mkdir(path.join(dir, DATABASES_DIR, source.service), { recursive: true });
      for (const name of names) {
        const base = `${DATABASES_DIR}/${source.service}/${encodeURIComponent(name)}`;
        const collection = db.collection(name);
        const indexes = await collection.listIndexes().toArray();
        const indexesFile = `${base}.indexes.json`;
        const indexText = `${JSON.stringify(indexes, null, 2)}\n`;
        await writeFile(path.join(dir, indexesFile), indexText);
        files.push({
          path: indexesFile,
          size: Buffer.byteLength(indexText),
          sha256: createHash('sha256').update(indexText).digest('hex'),
        });

        const file = `${base}.jsonl`;
        const writer = hashingWriter(path.join(dir, file));
        let documents = 0;
        // In _id order: a restore inserts them in the same order, and two backups of the same
        // data are byte-identical.
        for await (const document of collection.find({}).sort({ _id: 1 }).batchSize(200)) {
          await writer.write(
            `${mongoose.mongo.BSON.EJSON.stringify(document, { relaxed: false })}\n`,
          );
          documents += 1;
        }
        files.push({ path: file, ...(await writer.close()) });
        collections.push({ name, documents, file, indexesFile });
      }
      manifest.databases.push({ service: source.service, name: source.name, collections });
      const total = collections.reduce((sum, collection) => sum + collection.documents, 0);
      log(`${source.name}: ${collections.length} koleksi, ${total} dokumen`);
    }
  } finally {
    await client.close();
  }

  if (options.fileStorageDir) {
    let bytes = 0;
    // `.incoming` holds objects still being written: half files, never part of the store.
    const stored = (await listFiles(options.fileStorageDir)).filter(
      (relative) => !relative.startsWith('.incoming/'),
    );
    for (const relative of stored) {
      const target = `${FILES_DIR}/${relative}`;
      const copied = await copyHashed(
        path.join(options.fileStorageDir, relative),
        path.join(dir, target),
      );
      files.push({ path: target, ...copied });
      bytes += copied.size;
    }
    manifest.fileStorage = { files: stored.length, bytes };
    log(`${options.fileStorageDir}: ${stored.length} berkas, ${bytes} byte`);
  }

  await writeFile(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  log(`Cadangan selesai: ${dir}`);
  return { dir, manifest };
}

/**
 * Reads a backup's manifest and checks every file it lists (size and SHA-256) and that nothing
 * else is there; throws BackupError naming each problem. Nothing is written.
 */
export async function verifyBackup(dir: string): Promise<BackupManifest> {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(await readFile(path.join(dir, MANIFEST), 'utf8')) as BackupManifest;
  } catch (error) {
    throw new BackupError(`${MANIFEST} di ${dir} tidak dapat dibaca: ${(error as Error).message}`);
  }
  if (manifest.format !== FORMAT || manifest.version !== FORMAT_VERSION) {
    throw new BackupError(`${dir} bukan cadangan SIPADU versi ${FORMAT_VERSION}.`);
  }
  const problems: string[] = [];
  const listed = new Set(manifest.files.map((file) => file.path));
  for (const file of manifest.files) {
    const full = path.join(dir, file.path);
    // A path in the manifest must stay inside the backup.
    if (path.relative(dir, full).startsWith('..') || path.isAbsolute(file.path)) {
      problems.push(`${file.path}: jalur di luar direktori cadangan`);
      continue;
    }
    const info = await stat(full).catch(() => null);
    if (!info) problems.push(`${file.path}: hilang`);
    else if (info.size !== file.size) problems.push(`${file.path}: ukuran berbeda`);
    else if ((await sha256OfFile(full)) !== file.sha256)
      problems.push(`${file.path}: SHA-256 berbeda`);
  }
  for (const present of await listFiles(dir)) {
    if (present !== MANIFEST && !listed.has(present)) problems.push(`${present}: tidak tercantum`);
  }
  for (const database of manifest.databases) {
    for (const collection of database.collections) {
      if (!listed.has(collection.file) || !listed.has(collection.indexesFile)) {
        problems.push(`${database.name}.${collection.name}: berkas koleksi tidak tercantum`);
      }
    }
  }
  if (problems.length > 0) {
    throw new BackupError(
      `Cadangan ${dir} rusak atau tidak lengkap; pemulihan dibatalkan:\n` +
        problems.map((problem) => `  - ${problem}`).join('\n'),
    );
  }
  return manifest;
}

/** `--database identity=sipadu_identity_prod` → overrides of the default names. */
export function parseDatabaseOverrides(values: readonly string[]): DatabaseSource[] {
  const databases = defaultDatabases();
  for (const value of values) {
    const [service, name] = value.split('=');
    const entry = databases.find((database) => database.service === service);
    if (!entry || !name || !/^[\w-]{1,63}$/.test(name)) {
      throw new BackupError(
        `--database ${value}: harus <layanan>=<nama basis data>; layanan: ${databases.map((d) => d.service).join(', ')}`,
      );
    }
    entry.name = name;
  }
  return databases;
}

async function main() {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: 'backups' },
      files: { type: 'string' },
      'no-files': { type: 'boolean', default: false },
      database: { type: 'string', multiple: true, default: [] },
    },
  });
  const storage = documentsEnvironment({
    STORAGE_DRIVER: process.env.STORAGE_DRIVER,
    FILE_STORAGE_DIR: process.env.FILE_STORAGE_DIR,
  });
  const { dir } = await backup({
    mongoUrl: process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017',
    out: values.out,
    databases: parseDatabaseOverrides(values.database),
    fileStorageDir: values['no-files'] ? null : (values.files ?? storage.FILE_STORAGE_DIR),
    log: (line) => console.log(line),
  });
  console.log(`Pulihkan dengan: npm run restore -- ${dir}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof BackupError ? error.message : error);
    process.exitCode = 1;
  });
}
