// Restore of a SIPADU backup made by scripts/backup.ts (issue 10, item 9) into an empty
// environment: checks every file of the backup against its manifest first (a corrupt backup is
// refused before anything is written), refuses target databases or a file directory that are not
// empty (unless --force), then recreates each collection's indexes, inserts its documents in
// batches and copies the stored files. See docs/backup-restore.md.
//
// Usage: npm run restore -- <backup dir> [--mongo-url <url>] [--prefix <p>] [--suffix <s>]
//          [--files <dir>|--no-files] [--force]
// Reads MONGO_URL and FILE_STORAGE_DIR like the services when the options are not given.
import { createReadStream } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import mongoose from 'mongoose';
import { documentsEnvironment } from '../services/documents/src/environment.js';
import {
  BackupError,
  copyHashed,
  FILES_DIR,
  listFiles,
  verifyBackup,
  type BackupManifest,
} from './backup.js';

type Document = mongoose.mongo.Document;

export interface RestoreOptions {
  /** The backup directory (the one holding manifest.json). */
  dir: string;
  mongoUrl: string;
  /** Target database name = prefix + name in the backup + suffix. */
  prefix?: string;
  suffix?: string;
  /** Where the stored files go (FILE_STORAGE_DIR); null: not restored. */
  fileStorageDir?: string | null;
  /** Restore over non-empty targets: the collections restored are dropped first. */
  force?: boolean;
  /** Documents per insert (also bounded to about 8 MB of JSON). */
  batchSize?: number;
  log?: (line: string) => void;
}

export interface RestoreResult {
  manifest: BackupManifest;
  databases: { service: string; source: string; target: string; documents: number }[];
  files: number;
}

const DATABASE_NAME = /^[\w-]{1,63}$/;
const BATCH_BYTES = 8 * 1024 * 1024;

/** What an index specification from listIndexes becomes for createIndexes. */
function indexSpec(index: Document): mongoose.mongo.IndexDescription {
  const { v: _version, ns: _namespace, key, ...options } = index;
  return { key: key as Record<string, mongoose.mongo.IndexDirection>, ...options };
}

export async function restore(options: RestoreOptions): Promise<RestoreResult> {
  const log = options.log ?? (() => undefined);
  const dir = path.resolve(options.dir);
  const manifest = await verifyBackup(dir);
  log(`Cadangan ${dir} utuh: ${manifest.files.length} berkas cocok dengan SHA-256 di manifest.`);
  const target = (name: string) => `${options.prefix ?? ''}${name}${options.suffix ?? ''}`;
  for (const database of manifest.databases) {
    if (!DATABASE_NAME.test(target(database.name))) {
      throw new BackupError(`Nama basis data tujuan tidak valid: ${target(database.name)}`);
    }
  }
  const restoreFiles = Boolean(options.fileStorageDir && manifest.fileStorage);

  const client = await new mongoose.mongo.MongoClient(options.mongoUrl, {
    serverSelectionTimeoutMS: 10_000,
  }).connect();
  try {
    // Everything is checked before the first write: a refused restore leaves no trace.
    const occupied: string[] = [];
    for (const database of manifest.databases) {
      const db = client.db(target(database.name));
      for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
        if (
          !name.startsWith('system.') &&
          (await db.collection(name).estimatedDocumentCount()) > 0
        ) {
          occupied.push(`${db.databaseName}.${name}`);
        }
      }
    }
    if (restoreFiles) {
      const present = await listFiles(options.fileStorageDir as string);
      if (present.length > 0) occupied.push(`${options.fileStorageDir} (${present.length} berkas)`);
    }
    if (occupied.length > 0 && !options.force) {
      throw new BackupError(
        'Tujuan pemulihan tidak kosong; pemulihan dibatalkan (gunakan --force untuk menimpa):\n' +
          occupied.map((entry) => `  - ${entry}`).join('\n'),
      );
    }

    const databases: RestoreResult['databases'] = [];
    for (const database of manifest.databases) {
      const db = client.db(target(database.name));
      let total = 0;
      for (const collection of database.collections) {
        if (options.force)
          await db
            .collection(collection.name)
            .drop()
            .catch(() => false);
        // Created even when empty: an empty collection is part of the state backed up.
        const into = await db
          .createCollection(collection.name)
          .catch(() => db.collection(collection.name));
        const indexes = (
          JSON.parse(await readFile(path.join(dir, collection.indexesFile), 'utf8')) as Document[]
        ).filter((index) => index.name !== '_id_');
        if (indexes.length > 0) await into.createIndexes(indexes.map(indexSpec));
        const inserted = await insertLines(
          into,
          path.join(dir, collection.file),
          options.batchSize ?? 500,
        );
        if (inserted !== collection.documents) {
          throw new BackupError(
            `${db.databaseName}.${collection.name}: ${inserted} dokumen dipulihkan, manifest menyebut ${collection.documents}.`,
          );
        }
        total += inserted;
      }
      databases.push({
        service: database.service,
        source: database.name,
        target: db.databaseName,
        documents: total,
      });
      log(
        `${database.name} → ${db.databaseName}: ${database.collections.length} koleksi, ${total} dokumen`,
      );
    }

    let files = 0;
    if (restoreFiles) {
      const into = options.fileStorageDir as string;
      if (options.force) await rm(into, { recursive: true, force: true });
      const prefix = `${FILES_DIR}/`;
      for (const entry of manifest.files.filter((file) => file.path.startsWith(prefix))) {
        const copied = await copyHashed(
          path.join(dir, entry.path),
          path.join(into, entry.path.slice(prefix.length)),
        );
        if (copied.sha256 !== entry.sha256) {
          throw new BackupError(`${entry.path}: SHA-256 berubah saat disalin.`);
        }
        files += 1;
      }
      log(`${into}: ${files} berkas dipulihkan`);
    }
    return { manifest, databases, files };
  } finally {
    await client.close();
  }
}

/** Inserts the Extended JSON lines of a file in order, in batches; returns how many. */
async function insertLines(
  collection: mongoose.mongo.Collection,
  file: string,
  batchSize: number,
): Promise<number> {
  let batch: Document[] = [];
  let batchBytes = 0;
  let inserted = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await collection.insertMany(batch, { ordered: true });
    inserted += batch.length;
    batch = [];
    batchBytes = 0;
  };
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    batch.push(mongoose.mongo.BSON.EJSON.parse(line, { relaxed: false }) as Document);
    batchBytes += line.length;
    if (batch.length >= batchSize || batchBytes >= BATCH_BYTES) await flush();
  }
  await flush();
  return inserted;
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'mongo-url': { type: 'string' },
      prefix: { type: 'string', default: '' },
      suffix: { type: 'string', default: '' },
      files: { type: 'string' },
      'no-files': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
    },
  });
  const [dir] = positionals;
  if (!dir) throw new BackupError('Sebutkan direktori cadangan: npm run restore -- <direktori>');
  const storage = documentsEnvironment({ FILE_STORAGE_DIR: process.env.FILE_STORAGE_DIR });
  await restore({
    dir,
    mongoUrl: values['mongo-url'] ?? process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017',
    prefix: values.prefix,
    suffix: values.suffix,
    fileStorageDir: values['no-files'] ? null : (values.files ?? storage.FILE_STORAGE_DIR),
    force: values.force,
    log: (line) => console.log(line),
  });
  console.log('Pemulihan selesai.');
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof BackupError ? error.message : error);
    process.exitCode = 1;
  });
}
