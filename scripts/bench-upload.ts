// Upload benchmark (issue 4): a 200 MB video through the gateway's tus endpoint `/files`, next to
// a plain loopback HTTP copy of the same bytes. Starts its own documents service (database
// `sipadu_bench_upload`, temporary upload/storage directories) and gateway as child processes on
// free ports, on the running infrastructure (started if needed). Measures
//   - throughput of both and their ratio,
//   - growth of the documents service's resident memory (VmRSS every 100 ms; target ≤ 64 MB),
//   - a second upload cut at 50 % and resumed from the server's offset: the share of bytes sent
//     twice (target ≤ 5 %),
//   - that both uploads download again byte-identical (SHA-256).
// Exit code 0 = PASS, 1 = FAIL, 2 = could not run.
//
// Usage: tsx scripts/bench-upload.ts [--size-mb 200] [--chunk-mb 0] [--resume-delay-ms 0] [--keep]
//   --chunk-mb N   PATCH in requests of N MB (0 = the whole rest in one request, as tus-js-client)
//   --keep         keep the bench database and temporary files
import { createHash, randomFillSync } from 'node:crypto';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import {
  createReadStream,
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { getUserToken } from '@sipadu/test-kit';
import mongoose from 'mongoose';
import { composeSubgraphs, readSubgraphSources } from '../gateway/src/composition.js';
import { KEYCLOAK_REALM, ensureInfra, type InfraHandle } from './lib/infra/index.js';
import { REPO_ROOT, logFile } from './lib/infra/paths.js';
import {
  httpOk,
  startProcess,
  stopProcess,
  waitUntil,
  type ManagedProcess,
} from './lib/infra/process.js';

const DATABASE = 'sipadu_bench_upload';
const MEMORY_TARGET_MB = 64;
const RESEND_TARGET = 0.05;
const MB = 1024 * 1024;

const { values: args } = parseArgs({
  options: {
    'size-mb': { type: 'string', default: '200' },
    'chunk-mb': { type: 'string', default: '0' },
    'resume-delay-ms': { type: 'string', default: '0' },
    keep: { type: 'boolean', default: false },
  },
});
const size = Math.round(Number(args['size-mb']) * MB);
const chunkBytes = Math.round(Number(args['chunk-mb']) * MB);
const resumeDelayMs = Number(args['resume-delay-ms']);

// ---------------------------------------------------------------------------------------------
// Processes and memory

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** `node --import tsx` rather than the tsx CLI, so the child's pid is the server itself. */
function startUnit(name: string, cwd: string, env: NodeJS.ProcessEnv): ManagedProcess {
  return startProcess(name, process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd,
    env,
    logPath: logFile(name),
  });
}

function rssBytes(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** VmRSS of one process every 100 ms, grouped by the phase running at the time. */
class RssSampler {
  readonly samples: { phase: string; rss: number }[] = [];
  phase = 'idle';
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly pid: number) {
    this.timer = setInterval(() => this.sample(), 100);
  }

  sample(): void {
    const rss = rssBytes(this.pid);
    if (rss !== null) this.samples.push({ phase: this.phase, rss });
  }

  of(phases: string[]): number[] {
    return this.samples.filter((s) => phases.includes(s.phase)).map((s) => s.rss);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const toMb = (bytes: number) => bytes / MB;

// ---------------------------------------------------------------------------------------------
// The test file: an ISO BMFF `ftyp` box (brand isom, as MP4 encoders write it) so the bytes sniff
// as video/mp4, then pseudo-random bytes.

function ftypBox(): Buffer {
  const brands = ['isom', 'iso2', 'avc1', 'mp41'];
  const box = Buffer.alloc(16 + brands.length * 4);
  box.writeUInt32BE(box.length, 0);
  box.write('ftyp', 4, 'latin1');
  box.write('isom', 8, 'latin1');
  box.writeUInt32BE(0x200, 12);
  brands.forEach((brand, i) => box.write(brand, 16 + i * 4, 'latin1'));
  return box;
}

async function generateFile(file: string, bytes: number): Promise<string> {
  const hash = createHash('sha256');
  const out = createWriteStream(file);
  const block = Buffer.alloc(4 * MB);
  let written = 0;
  while (written < bytes) {
    const chunk = block.subarray(0, Math.min(block.length, bytes - written));
    randomFillSync(chunk);
    if (written === 0) ftypBox().copy(chunk);
    hash.update(chunk);
    written += chunk.length;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return hash.digest('hex');
}

// ---------------------------------------------------------------------------------------------
// HTTP

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function readReply(response: http.IncomingMessage): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('error', reject);
    response.on('end', () =>
      resolve({
        status: response.statusCode ?? 0,
        headers: response.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }),
    );
  });
}

function request(url: URL, method: string, headers: http.OutgoingHttpHeaders): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (response) => {
      readReply(response).then(resolve, reject);
    });
    req.on('error', reject);
    req.end();
  });
}

interface SendResult {
  /** Body bytes handed to the socket. */
  written: number;
  /** Null when the request was cut on purpose. */
  reply: Reply | null;
  /** performance.now() when the whole body had been flushed to the socket. */
  bodySentAt: number;
}

/**
 * Sends bytes [start, end) of the file as the body of one request, with backpressure. With
 * `cutAfter`, destroys the socket once that many body bytes have been written.
 */
function sendRange(
  url: URL,
  method: string,
  headers: http.OutgoingHttpHeaders,
  file: string,
  start: number,
  end: number,
  cutAfter?: number,
): Promise<SendResult> {
  return new Promise((resolve, reject) => {
    let written = 0;
    let cut = false;
    let bodySentAt = Number.NaN;
    const req = http.request(
      url,
      { method, headers: { ...headers, 'content-length': end - start } },
      (response) => {
        readReply(response).then((reply) => resolve({ written, reply, bodySentAt }), reject);
      },
    );
    req.on('error', (error) =>
      cut ? resolve({ written, reply: null, bodySentAt }) : reject(error),
    );
    void (async () => {
      const source = createReadStream(file, { start, end: end - 1, highWaterMark: MB });
      for await (const data of source as AsyncIterable<Buffer>) {
        let chunk = data;
        if (cutAfter !== undefined && written + chunk.length >= cutAfter) {
          chunk = chunk.subarray(0, cutAfter - written);
          req.write(chunk);
          written += chunk.length;
          if (req.writableNeedDrain) await once(req, 'drain');
          cut = true;
          source.destroy();
          req.destroy();
          return;
        }
        written += chunk.length;
        if (!req.write(chunk)) await once(req, 'drain');
      }
      req.end(() => {
        bodySentAt = performance.now();
      });
    })().catch((error: unknown) => (cut ? undefined : reject(error)));
  });
}

// ---------------------------------------------------------------------------------------------
// tus through the gateway

interface Gateway {
  origin: string;
  token: string;
}

const TUS = { 'tus-resumable': '1.0.0' };
const auth = (gw: Gateway) => ({ authorization: `Bearer ${gw.token}` });

function metadata(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([key, value]) => `${key} ${Buffer.from(value).toString('base64')}`)
    .join(',');
}

async function createUpload(gw: Gateway, bytes: number, filename: string, sha256: string) {
  const reply = await request(new URL('/files', gw.origin), 'POST', {
    ...TUS,
    ...auth(gw),
    'upload-length': bytes,
    'upload-metadata': metadata({ filename, purpose: 'video', sha256, filetype: 'video/mp4' }),
  });
  const location = reply.headers.location;
  if (reply.status !== 201 || !location) {
    throw new Error(`membuat unggahan gagal: HTTP ${reply.status} ${reply.body}`);
  }
  // tus answers with an absolute URL built from the forwarded host; only its path matters here.
  return new URL(new URL(location, gw.origin).pathname, gw.origin);
}

async function serverOffset(gw: Gateway, upload: URL): Promise<number> {
  const reply = await request(upload, 'HEAD', { ...TUS, ...auth(gw) });
  const offset = Number(reply.headers['upload-offset']);
  if (reply.status >= 300 || !Number.isInteger(offset)) {
    throw new Error(`HEAD unggahan gagal: HTTP ${reply.status}`);
  }
  return offset;
}

/** PATCHes [from, total) in requests of `chunkBytes` (0 = one); returns the final reply. */
async function patchFrom(
  gw: Gateway,
  upload: URL,
  file: string,
  from: number,
  total: number,
  cutAfter?: number,
): Promise<SendResult & { offset: number }> {
  let offset = from;
  let written = 0;
  for (;;) {
    const end = chunkBytes > 0 ? Math.min(total, offset + chunkBytes) : total;
    const remainingCut = cutAfter === undefined ? undefined : cutAfter - written;
    const result = await sendRange(
      upload,
      'PATCH',
      {
        ...TUS,
        ...auth(gw),
        'upload-offset': offset,
        'content-type': 'application/offset+octet-stream',
      },
      file,
      offset,
      end,
      remainingCut !== undefined && remainingCut <= end - offset ? remainingCut : undefined,
    );
    written += result.written;
    if (!result.reply) return { ...result, written, offset };
    if (result.reply.status !== 204) {
      throw new Error(`PATCH gagal: HTTP ${result.reply.status} ${result.reply.body}`);
    }
    offset = Number(result.reply.headers['upload-offset']);
    if (offset >= total) return { ...result, written, offset };
  }
}

function fileIdOf(reply: Reply | null): string {
  const id = reply?.headers['sipadu-file-id'];
  if (typeof id !== 'string' || !id) {
    throw new Error('unggahan selesai tanpa header Sipadu-File-Id');
  }
  return id;
}

async function downloadSha256(
  gw: Gateway,
  fileId: string,
): Promise<{ sha256: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL(`/files/${encodeURIComponent(fileId)}`, gw.origin),
      { headers: auth(gw) },
      (response) => {
        if (response.statusCode !== 200) {
          readReply(response).then(
            (r) => reject(new Error(`unduhan gagal: HTTP ${r.status} ${r.body}`)),
            reject,
          );
          return;
        }
        const hash = createHash('sha256');
        response.on('data', (chunk: Buffer) => hash.update(chunk));
        response.on('error', reject);
        response.on('end', () =>
          resolve({ sha256: hash.digest('hex'), ms: performance.now() - started }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

// ---------------------------------------------------------------------------------------------
// Baseline: a separate Node process that streams the request body to a file.

const COPY_SERVER = `
const http = require('node:http'), fs = require('node:fs'), path = require('node:path');
let n = 0;
http.createServer((req, res) => {
  const out = fs.createWriteStream(path.join(process.argv[1], 'copy-' + n++ + '.bin'));
  req.pipe(out);
  out.on('finish', () => res.end('ok'));
  out.on('error', (e) => { res.statusCode = 500; res.end(String(e)); });
}).listen(0, '127.0.0.1', function () { process.stdout.write(this.address().port + '\\n'); });
`;

async function baselineCopy(file: string, dir: string): Promise<number> {
  const child = spawn(process.execPath, ['-e', COPY_SERVER, dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const [line] = (await once(child.stdout, 'data')) as [Buffer];
    const url = new URL(`http://127.0.0.1:${line.toString().trim()}/copy`);
    const started = performance.now();
    const { reply } = await sendRange(url, 'PUT', {}, file, 0, size);
    if (reply?.status !== 200) throw new Error(`salinan loopback gagal: HTTP ${reply?.status}`);
    return performance.now() - started;
  } finally {
    child.kill();
  }
}

// ---------------------------------------------------------------------------------------------

interface Check {
  name: string;
  value: string;
  target: string;
  pass: boolean;
}

async function main(): Promise<number> {
  if (!(size > MB && chunkBytes >= 0 && resumeDelayMs >= 0)) {
    throw new Error('--size-mb harus > 1, --chunk-mb dan --resume-delay-ms ≥ 0');
  }
  const cleanups: (() => Promise<void> | void)[] = [];
  const cleanup = async () => {
    for (const step of cleanups.reverse()) {
      try {
        await step();
      } catch (error) {
        console.error(
          `pembersihan gagal: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  };

  let infra: InfraHandle;
  try {
    infra = await ensureInfra({ log: (line) => console.log(`[infra] ${line}`) });
  } catch (error) {
    console.error(
      `Infrastruktur tidak tersedia: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 2;
  }
  cleanups.push(() => infra.stop());
  const { urls } = infra;
  process.env.KEYCLOAK_URL = urls.keycloakUrl;
  const issuer = `${urls.keycloakUrl}/realms/${KEYCLOAK_REALM}`;
  const platformEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    MONGO_URL: urls.mongoUrl,
    NATS_URL: urls.natsUrl,
    KEYCLOAK_URL: urls.keycloakUrl,
    KEYCLOAK_ISSUER: issuer,
    KEYCLOAK_JWKS_URL: `${issuer}/protocol/openid-connect/certs`,
  };

  const work = mkdtempSync(path.join(os.tmpdir(), 'sipadu-bench-upload-'));
  if (!args.keep) cleanups.push(() => rmSync(work, { recursive: true, force: true }));
  const dropDatabase = async () => {
    const connection = await mongoose
      .createConnection(urls.mongoUrl, { dbName: DATABASE })
      .asPromise();
    try {
      await connection.dropDatabase();
    } finally {
      await connection.close();
    }
  };

  try {
    await dropDatabase();
    if (!args.keep) cleanups.push(dropDatabase);

    // Units.
    const composed = composeSubgraphs(readSubgraphSources(REPO_ROOT));
    if (!composed.ok) throw new Error(`komposisi supergraph gagal:\n${composed.errors.join('\n')}`);
    const supergraphPath = path.join(work, 'supergraph.graphql');
    writeFileSync(supergraphPath, composed.supergraphSdl);
    const [documentsPort, gatewayPort] = [await freePort(), await freePort()];
    const documents = startUnit(
      'bench-upload-documents',
      path.join(REPO_ROOT, 'services', 'documents'),
      {
        ...platformEnv,
        PORT: String(documentsPort),
        MONGO_DATABASE: DATABASE,
        UPLOAD_DIR: path.join(work, 'uploads'),
        FILE_STORAGE_DIR: path.join(work, 'files'),
      },
    );
    cleanups.push(() => stopProcess(documents, 10_000));
    await waitUntil(() => httpOk(`http://127.0.0.1:${documentsPort}/readyz`), {
      timeoutMs: 120_000,
      process: documents,
      what: 'layanan documents',
      logPath: logFile(documents.name),
    });
    const gatewayProcess = startUnit('bench-upload-gateway', path.join(REPO_ROOT, 'gateway'), {
      ...platformEnv,
      PORT: String(gatewayPort),
      SUPERGRAPH_PATH: supergraphPath,
      DOCUMENTS_URL: `http://127.0.0.1:${documentsPort}`,
    });
    cleanups.push(() => stopProcess(gatewayProcess, 10_000));
    await waitUntil(() => httpOk(`http://127.0.0.1:${gatewayPort}/readyz`), {
      timeoutMs: 60_000,
      process: gatewayProcess,
      what: 'gateway',
      logPath: logFile(gatewayProcess.name),
    });
    const documentsPid = documents.child.pid as number;
    const gatewayPid = gatewayProcess.child.pid as number;
    const documentsRss = new RssSampler(documentsPid);
    const gatewayRss = new RssSampler(gatewayPid);
    cleanups.push(() => {
      documentsRss.stop();
      gatewayRss.stop();
    });
    const setPhase = (phase: string) => {
      documentsRss.phase = phase;
      gatewayRss.phase = phase;
    };
    const gw: Gateway = {
      origin: `http://127.0.0.1:${gatewayPort}`,
      token: await getUserToken('pelaksana'),
    };
    const refreshToken = async () => {
      gw.token = await getUserToken('pelaksana');
    };
    console.log(
      `documents pid ${documentsPid} :${documentsPort}, gateway pid ${gatewayPid} :${gatewayPort}`,
    );

    // The file.
    const file = path.join(work, 'bench.mp4');
    let started = performance.now();
    const sha256 = await generateFile(file, size);
    console.log(
      `Berkas uji ${toMb(size).toFixed(0)} MB (video/mp4) dibuat dalam ${((performance.now() - started) / 1000).toFixed(1)} s, SHA-256 ${sha256}`,
    );

    // Warm-up: a small upload so lazily loaded code paths are not counted as growth.
    const warmFile = path.join(work, 'warm.mp4');
    const warmSha = await generateFile(warmFile, MB);
    const warmUpload = await createUpload(gw, MB, 'pemanasan.mp4', warmSha);
    fileIdOf((await patchFrom(gw, warmUpload, warmFile, 0, MB)).reply);

    // Baseline.
    const baselineDir = path.join(work, 'copy');
    mkdirSync(baselineDir);
    setPhase('baseline-copy');
    const baselineMs = await baselineCopy(file, baselineDir);
    rmSync(baselineDir, { recursive: true, force: true });
    console.log(`Salinan loopback biasa: ${(baselineMs / 1000).toFixed(2)} s`);

    // Memory before the upload.
    setPhase('idle-before');
    await delay(1_500);
    const rssBefore = median(documentsRss.of(['idle-before']));
    const gatewayRssBefore = median(gatewayRss.of(['idle-before']));

    // Upload 1: straight through.
    await refreshToken();
    setPhase('upload');
    started = performance.now();
    const upload1 = await createUpload(gw, size, 'bench-200mb.mp4', sha256);
    const first = await patchFrom(gw, upload1, file, 0, size);
    const uploadMs = performance.now() - started;
    // The final PATCH answers only once the file is stored: sniffing, hashing, the move into
    // storage and the audit entry happen between the last byte and the answer.
    const transferMs = first.bodySentAt - started;
    const fileId1 = fileIdOf(first.reply);
    await delay(1_000);
    console.log(
      `Unggahan tus lewat gateway: ${(uploadMs / 1000).toFixed(2)} s → berkas ${fileId1}`,
    );

    // Upload 2: cut at 50 %, resumed from the server's offset.
    await refreshToken();
    setPhase('resume');
    const upload2 = await createUpload(gw, size, 'bench-200mb-lanjut.mp4', sha256);
    const cutAfter = Math.floor(size / 2);
    const before = await patchFrom(gw, upload2, file, 0, size, cutAfter);
    if (before.reply) throw new Error('koneksi tidak terputus seperti direncanakan');
    if (resumeDelayMs > 0) await delay(resumeDelayMs);
    const resumedAt = await serverOffset(gw, upload2);
    const after = await patchFrom(gw, upload2, file, resumedAt, size);
    const fileId2 = fileIdOf(after.reply);
    const sentTwice = before.written - resumedAt;
    const resendShare = sentTwice / size;
    await delay(1_000);
    console.log(
      `Diputus setelah ${toMb(before.written).toFixed(1)} MB terkirim; server menyimpan ${toMb(resumedAt).toFixed(1)} MB; ` +
        `dilanjutkan → berkas ${fileId2}`,
    );

    // Downloads.
    await refreshToken();
    setPhase('download');
    const download1 = await downloadSha256(gw, fileId1);
    const download2 = await downloadSha256(gw, fileId2);
    setPhase('done');
    documentsRss.sample();

    const peak = (sampler: RssSampler, phases: string[]) => Math.max(...sampler.of(phases));
    const uploadGrowth = peak(documentsRss, ['upload', 'resume']) - rssBefore;
    const downloadGrowth = peak(documentsRss, ['download']) - rssBefore;
    const gatewayGrowth = peak(gatewayRss, ['upload', 'resume', 'download']) - gatewayRssBefore;
    const baselineMbps = toMb(size) / (baselineMs / 1000);
    const uploadMbps = toMb(size) / (uploadMs / 1000);
    const ratio = uploadMbps / baselineMbps;

    const checks: Check[] = [
      {
        name: 'pertumbuhan memori documents saat unggah',
        value: `${toMb(uploadGrowth).toFixed(1)} MB`,
        target: `≤ ${MEMORY_TARGET_MB} MB`,
        pass: uploadGrowth <= MEMORY_TARGET_MB * MB,
      },
      {
        name: 'byte terkirim dua kali (lanjutan)',
        value: `${toMb(sentTwice).toFixed(2)} MB = ${(resendShare * 100).toFixed(2)} %`,
        target: `≤ ${RESEND_TARGET * 100} %`,
        pass: resendShare <= RESEND_TARGET,
      },
      {
        name: 'unduhan 1 identik (SHA-256)',
        value: download1.sha256 === sha256 ? 'cocok' : 'BERBEDA',
        target: 'cocok',
        pass: download1.sha256 === sha256,
      },
      {
        name: 'unduhan 2 (lanjutan) identik',
        value: download2.sha256 === sha256 ? 'cocok' : 'BERBEDA',
        target: 'cocok',
        pass: download2.sha256 === sha256,
      },
    ];
    const pass = checks.every((check) => check.pass);

    console.log('');
    console.log(
      `Ukuran berkas             ${toMb(size).toFixed(0)} MB${chunkBytes ? `, PATCH per ${toMb(chunkBytes)} MB` : ', satu PATCH'}, ` +
        `penyimpanan ${process.env.STORAGE_DRIVER ?? 'gridfs'}`,
    );
    console.log(`Salinan loopback biasa    ${baselineMbps.toFixed(1).padStart(8)} MB/s`);
    console.log(
      `tus lewat gateway         ${uploadMbps.toFixed(1).padStart(8)} MB/s (rasio ${ratio.toFixed(2)} × salinan biasa)`,
    );
    console.log(
      `  byte terakhir terkirim   ${(transferMs / 1000).toFixed(2).padStart(8)} s (${(toMb(size) / (transferMs / 1000)).toFixed(1)} MB/s)`,
    );
    console.log(
      `  penyelesaian di server   ${((uploadMs - transferMs) / 1000).toFixed(2).padStart(8)} s (cek jenis, SHA-256, pindah ke penyimpanan, audit)`,
    );
    console.log(
      `Unduhan lewat gateway     ${(toMb(size) / (download1.ms / 1000)).toFixed(1).padStart(8)} MB/s`,
    );
    console.log(
      `Memori documents          awal ${toMb(rssBefore).toFixed(1)} MB, puncak +${toMb(uploadGrowth).toFixed(1)} MB saat unggah, ` +
        `+${toMb(downloadGrowth).toFixed(1)} MB saat unduh`,
    );
    console.log(
      `Memori gateway            awal ${toMb(gatewayRssBefore).toFixed(1)} MB, puncak +${toMb(gatewayGrowth).toFixed(1)} MB`,
    );
    console.log('');
    console.log(`${'pemeriksaan'.padEnd(42)} ${'hasil'.padEnd(24)} ${'target'.padEnd(10)} status`);
    for (const check of checks) {
      console.log(
        `${check.name.padEnd(42)} ${check.value.padEnd(24)} ${check.target.padEnd(10)} ${check.pass ? 'PASS' : 'FAIL'}`,
      );
    }
    console.log(`${pass ? 'PASS' : 'FAIL'}`);

    const resultsDir = path.join(REPO_ROOT, 'bench-results');
    mkdirSync(resultsDir, { recursive: true });
    const resultFile = path.join(
      resultsDir,
      `upload-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
    );
    writeFileSync(
      resultFile,
      JSON.stringify(
        {
          sizeBytes: size,
          chunkBytes,
          baseline: { ms: baselineMs, mbPerSecond: baselineMbps },
          storageDriver: process.env.STORAGE_DRIVER ?? 'gridfs',
          upload: {
            ms: uploadMs,
            transferMs,
            finishMs: uploadMs - transferMs,
            mbPerSecond: uploadMbps,
            ratio,
            fileId: fileId1,
          },
          download: { mbPerSecond: toMb(size) / (download1.ms / 1000) },
          memory: {
            documentsBeforeBytes: rssBefore,
            documentsUploadGrowthBytes: uploadGrowth,
            documentsDownloadGrowthBytes: downloadGrowth,
            gatewayBeforeBytes: gatewayRssBefore,
            gatewayGrowthBytes: gatewayGrowth,
            targetBytes: MEMORY_TARGET_MB * MB,
          },
          resume: {
            cutAfterBytes: cutAfter,
            writtenBeforeCutBytes: before.written,
            serverOffsetBytes: resumedAt,
            sentTwiceBytes: sentTwice,
            share: resendShare,
            target: RESEND_TARGET,
            fileId: fileId2,
          },
          checks,
          pass,
        },
        null,
        2,
      ),
    );
    console.log(`Hasil: ${path.relative(process.cwd(), resultFile)}`);
    return pass ? 0 : 1;
  } catch (error) {
    console.error(
      `Benchmark gagal dijalankan: ${error instanceof Error ? error.message : String(error)}`,
    );
    console.error(`Log: ${logFile('bench-upload-documents')}, ${logFile('bench-upload-gateway')}`);
    return 2;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
