/* global Mongo, print, sleep -- mongosh built-ins */
// mongosh --nodb script run by the mongo-init Job. Idempotent: initiates replica set rs0 once,
// waits for a primary, then creates or updates the application user.
const env = process.env;
const replicas = Number(env.MONGO_REPLICAS);
const hosts = Array.from({ length: replicas }, (_, i) => `mongo-${i}.${env.MONGO_SERVICE}:27017`);
const credentials = `${encodeURIComponent(env.MONGO_ROOT_USERNAME)}:${encodeURIComponent(env.MONGO_ROOT_PASSWORD)}`;

// Every database a SIPADU service uses (sipadu_<service>); a new service adds its own here.
const databases = [
  'sipadu_identity',
  'sipadu_documents',
  'sipadu_notifications',
  'sipadu_projects',
  'sipadu_surveys',
  'sipadu_consultations',
  'sipadu_insights',
  'sipadu_performance',
  'sipadu_sipd',
];

function connectWithRetry(uri) {
  for (let attempt = 1; ; attempt++) {
    try {
      const connection = new Mongo(uri);
      connection.getDB('admin').runCommand({ ping: 1 });
      return connection;
    } catch (error) {
      if (attempt >= 60) throw error;
      print(`menunggu MongoDB (${attempt}): ${error.message}`);
      sleep(5000);
    }
  }
}

// mongosh throws on { ok: 0 }; older shells return it.
function replicaSetInitiated(admin) {
  try {
    const status = admin.runCommand({ replSetGetStatus: 1 });
    if (status.ok) return true;
    if (status.codeName === 'NotYetInitialized') return false;
    throw new Error(`replSetGetStatus: ${JSON.stringify(status)}`);
  } catch (error) {
    if (error.codeName === 'NotYetInitialized') return false;
    throw error;
  }
}

// Before the set exists only a direct connection works; the image's entrypoint already created
// the root user on each empty member.
const first = connectWithRetry(`mongodb://${credentials}@${hosts[0]}/admin?directConnection=true`);
const admin = first.getDB('admin');
if (!replicaSetInitiated(admin)) {
  print(`rs.initiate: ${hosts.join(', ')}`);
  admin.runCommand({
    replSetInitiate: {
      _id: 'rs0',
      members: hosts.map((host, i) => ({ _id: i, host, priority: i === 0 ? 2 : 1 })),
    },
  });
}

// Connecting through the set succeeds once a primary has been elected.
const set = connectWithRetry(`mongodb://${credentials}@${hosts.join(',')}/admin?replicaSet=rs0`);

const roles = databases.map((db) => ({ role: 'readWrite', db }));
const users = set.getDB('admin');
if (users.getUser(env.MONGO_APP_USERNAME)) {
  users.updateUser(env.MONGO_APP_USERNAME, { pwd: env.MONGO_APP_PASSWORD, roles });
  print(`pengguna ${env.MONGO_APP_USERNAME} diperbarui`);
} else {
  users.createUser({ user: env.MONGO_APP_USERNAME, pwd: env.MONGO_APP_PASSWORD, roles });
  print(`pengguna ${env.MONGO_APP_USERNAME} dibuat`);
}
