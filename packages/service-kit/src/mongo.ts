import mongoose, { type Connection, type mongo } from 'mongoose';

/** Receives every command a service's MongoDB client sends (driver command monitoring). */
export type MongoCommandListener = (service: string, event: mongo.CommandStartedEvent) => void;

let commandListener: MongoCommandListener | null = null;

/**
 * Benchmarks only (`npm run bench:projects`): connections that `connectMongo` opens after this
 * call send every command to `listener` (`monitorCommands`), named by their service so services in
 * one process stay apart; `null` turns it off for later connections. Off by default.
 */
export function monitorMongoCommands(listener: MongoCommandListener | null): void {
  commandListener = listener;
}

/** Each service owns one database, `sipadu_<service>`; no service opens another's. */
export function databaseName(service: string): string {
  return `sipadu_${service.replace(/[^a-z0-9]/gi, '_').toLowerCase()}`;
}

export async function connectMongo(
  url: string,
  service: string,
  dbName = databaseName(service),
): Promise<Connection> {
  const listener = commandListener;
  const connection = mongoose.createConnection(url, {
    dbName,
    appName: `sipadu-${service}`,
    serverSelectionTimeoutMS: 10_000,
    // FerretDB v1 has no retryable writes; MongoDB replica sets keep their default behaviour.
    retryWrites: false,
    autoIndex: true,
    monitorCommands: listener !== null,
  });
  await connection.asPromise();
  if (listener) {
    connection.getClient().on('commandStarted', (event) => listener(service, event));
  }
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
