import mongoose, { type Connection } from 'mongoose';

/** Each service owns one database, `sipadu_<service>`; no service opens another's. */
export function databaseName(service: string): string {
  return `sipadu_${service.replace(/[^a-z0-9]/gi, '_').toLowerCase()}`;
}

export async function connectMongo(
  url: string,
  service: string,
  dbName = databaseName(service),
): Promise<Connection> {
  const connection = mongoose.createConnection(url, {
    dbName,
    appName: `sipadu-${service}`,
    serverSelectionTimeoutMS: 10_000,
    // FerretDB v1 has no retryable writes; MongoDB replica sets keep their default behaviour.
    retryWrites: false,
    autoIndex: true,
  });
  await connection.asPromise();
  return connection;
}

/** True when the server answers a ping now, not merely when the driver believes it is connected. */
export async function pingMongo(connection: Connection): Promise<boolean> {
  try {
    if (connection.readyState !== 1 || !connection.db) return false;
    await connection.db.admin().command({ ping: 1 });
    return true;
  } catch {
    return false;
  }
}
