import type { Connection } from 'mongoose';
import type { DocumentsEnvironment } from '../environment.js';
import type { FileStorage } from './file-storage.js';
import { FilesystemStorage } from './filesystem.storage.js';
import { GridFsStorage } from './gridfs.storage.js';

/** The store chosen by STORAGE_DRIVER; GridFS lives in the service's own database. */
export function createFileStorage(
  env: Pick<DocumentsEnvironment, 'STORAGE_DRIVER' | 'FILE_STORAGE_DIR'>,
  connection: Connection,
): FileStorage {
  if (env.STORAGE_DRIVER === 'filesystem') return new FilesystemStorage(env.FILE_STORAGE_DIR);
  if (!connection.db) throw new Error('GridFS memerlukan koneksi MongoDB yang sudah terbuka.');
  return new GridFsStorage(connection.db);
}
