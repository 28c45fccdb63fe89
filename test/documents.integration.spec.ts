// The documents service as its users meet it through the gateway (issue 4, "done when"): a
// requirement checklist reviewed by BPKAD and the lender, versions that stay byte-identical,
// refusals of bad uploads, confidentiality on download, seals verified publicly, and the
// tamper-evident audit log. Real Keycloak tokens, FerretDB, NATS.
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorCodes,
  getUserToken,
  graphqlRequest,
  sha256Hex,
  tusUpload,
  type GraphQLResponse,
} from '@sipadu/test-kit';
import { startApiStack, type ApiStack } from './support/api-stack.js';
import { pdfWithText } from './support/fixtures.js';

const DATABASE = 'sipadu_documents_platform_test';
const SUBJECT = { type: 'LoanProject', id: 'uji-dokumen-1' };
let stack: ApiStack;
const tokens: Record<string, string> = {};
const token = async (username: string) => (tokens[username] ??= await getUserToken(username));

beforeAll(async () => {
  stack = await startApiStack(DATABASE);
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

async function gql<T = Record<string, unknown>>(
  username: string | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<T>> {
  return graphqlRequest<T>(stack.gatewayUrl, query, {
    variables,
    ...(username ? { token: await token(username) } : {}),
  });
}

function ok<T>(response: GraphQLResponse<T>): T {
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data as T;
}

async function upload(username: string, bytes: Uint8Array, filename: string, purpose = 'document') {
  const result = await tusUpload({
    origin: stack.gatewayOrigin,
    token: await token(username),
    bytes,
    filename,
    purpose,
    chunks: 2,
  });
  expect(result.status, result.message ?? '').toBe(204);
  expect(result.fileId).toBeTruthy();
  return result.fileId as string;
}

async function download(
  username: string | null,
  path: string,
  headers: Record<string, string> = {},
) {
  return fetch(`${stack.gatewayOrigin}${path}`, {
    headers: {
      ...headers,
      ...(username ? { authorization: `Bearer ${await token(username)}` } : {}),
    },
  });
}

const REQUIREMENT = `
  id status currentReviewerOrganizationCode
  availableActions { name }
  document { id versions { number sha256 file { id downloadPath } } }
  history { transition from to note actor { organizationCode } documentVersion }
`;

describe('requirement checklist: DPUPR uploads, BPKAD forwards, the lender decides', () => {
  let requirementId: string;
  const versions: { bytes: Uint8Array; fileId: string }[] = [];

  it('BPKAD applies the PT SMI template to a loan project', async () => {
    const { requirementTemplates } = ok(
      await gql<{ requirementTemplates: { id: string; code: string; items: unknown[] }[] }>(
        'bpkad',
        `{ requirementTemplates { id code items { title } } }`,
      ),
    );
    const template = requirementTemplates.find((t) => t.code === 'PTSMI-PENCAIRAN-UANG-MUKA');
    expect(template?.items.length).toBeGreaterThanOrEqual(3);
    const { createRequirementsFromTemplate: created } = ok(
      await gql<{
        createRequirementsFromTemplate: { id: string; title: string; status: string }[];
      }>(
        'bpkad',
        `mutation ($input: ApplyTemplateInput!) {
          createRequirementsFromTemplate(input: $input) { id title status reviewerOrganizationCodes }
        }`,
        {
          input: {
            templateId: template?.id,
            subject: SUBJECT,
            uploaderOrganizationCode: 'DPUPR',
            dueDate: '2026-12-31',
          },
        },
      ),
    );
    expect(created.map((r) => r.title)).toContain('SPTJM Kepala Daerah');
    expect(created.every((r) => r.status === 'REQUESTED')).toBe(true);
    requirementId = (created.find((r) => r.title === 'SPTJM Kepala Daerah') as { id: string }).id;

    const again = await gql(
      'bpkad',
      `mutation ($input: ApplyTemplateInput!) { createRequirementsFromTemplate(input: $input) { id } }`,
      { input: { templateId: template?.id, subject: SUBJECT, uploaderOrganizationCode: 'DPUPR' } },
    );
    expect(errorCodes(again)).toEqual(['CONFLICT']);
  });

  it('the executing agency submits a PDF; another organization cannot submit', async () => {
    const bytes = await pdfWithText('SPTJM versi 1');
    const fileId = await upload('pelaksana', bytes, 'SPTJM Kepala Daerah.pdf');
    versions.push({ bytes, fileId });

    const foreign = await upload('admin-opd', await pdfWithText('bukan DPUPR'), 'lain.pdf');
    const refused = await gql(
      'admin-opd',
      `mutation ($id: ID!, $file: ID!) { submitRequirementVersion(requirementId: $id, fileId: $file) { id } }`,
      { id: requirementId, file: foreign },
    );
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);

    const { submitRequirementVersion: submitted } = ok(
      await gql<{
        submitRequirementVersion: { status: string; currentReviewerOrganizationCode: string };
      }>(
        'pelaksana',
        `mutation ($id: ID!, $file: ID!) {
          submitRequirementVersion(requirementId: $id, fileId: $file, note: "Versi pertama") { ${REQUIREMENT} }
        }`,
        { id: requirementId, file: fileId },
      ),
    );
    expect(submitted).toMatchObject({
      status: 'SUBMITTED',
      currentReviewerOrganizationCode: 'BPKAD',
    });

    // The same stored file cannot become a second version.
    const reused = await gql(
      'pelaksana',
      `mutation ($id: ID!, $file: ID!) { submitRequirementVersion(requirementId: $id, fileId: $file) { id } }`,
      { id: requirementId, file: fileId },
    );
    expect(errorCodes(reused)).toEqual(['CONFLICT']);
  });

  it('the lender cannot decide before BPKAD forwards; BPKAD cannot approve for the lender', async () => {
    const early = await gql(
      'pemberi-pinjaman',
      `mutation ($id: ID!) { reviewRequirement(id: $id, decision: APPROVE) { id } }`,
      { id: requirementId },
    );
    expect(errorCodes(early)).toEqual(['FORBIDDEN']);
    const bpkadApproves = await gql(
      'bpkad',
      `mutation ($id: ID!) { reviewRequirement(id: $id, decision: APPROVE) { id } }`,
      { id: requirementId },
    );
    expect(errorCodes(bpkadApproves)).toEqual(['CONFLICT']);
    expect(bpkadApproves.errors?.[0]?.message).toMatch(/diteruskan ke PTSMI/);
  });

  it('a revision request needs a message; BPKAD sends it back and DPUPR submits version 2', async () => {
    const silent = await gql(
      'bpkad',
      `mutation ($id: ID!) { reviewRequirement(id: $id, decision: REQUEST_REVISION) { id } }`,
      { id: requirementId },
    );
    expect(errorCodes(silent)).toEqual(['BAD_USER_INPUT']);
    const { reviewRequirement } = ok(
      await gql<{ reviewRequirement: { status: string } }>(
        'bpkad',
        `mutation ($id: ID!) {
          reviewRequirement(id: $id, decision: REQUEST_REVISION, message: "Tanda tangan belum bermeterai") { status }
        }`,
        { id: requirementId },
      ),
    );
    expect(reviewRequirement.status).toBe('REVISION_REQUESTED');

    const bytes = await pdfWithText('SPTJM versi 2 bermeterai');
    const fileId = await upload('pelaksana', bytes, 'SPTJM Kepala Daerah (rev).pdf');
    versions.push({ bytes, fileId });
    ok(
      await gql(
        'pelaksana',
        `mutation ($id: ID!, $file: ID!) { submitRequirementVersion(requirementId: $id, fileId: $file) { id } }`,
        { id: requirementId, file: fileId },
      ),
    );
  });

  it('BPKAD forwards, the lender asks for a revision, DPUPR resubmits, the lender approves', async () => {
    const forward = `mutation ($id: ID!) { forwardRequirement(id: $id, note: "Lengkap, diteruskan") { status currentReviewerOrganizationCode } }`;
    const forwarded = ok(
      await gql<{
        forwardRequirement: { status: string; currentReviewerOrganizationCode: string };
      }>('bpkad', forward, { id: requirementId }),
    );
    expect(forwarded.forwardRequirement).toEqual({
      status: 'UNDER_REVIEW',
      currentReviewerOrganizationCode: 'PTSMI',
    });
    ok(
      await gql(
        'pemberi-pinjaman',
        `mutation ($id: ID!) { reviewRequirement(id: $id, decision: REQUEST_REVISION, message: "Tanggal surat keliru") { id } }`,
        { id: requirementId },
      ),
    );
    const bytes = await pdfWithText('SPTJM versi 3');
    const fileId = await upload('pelaksana', bytes, 'SPTJM v3.pdf');
    versions.push({ bytes, fileId });
    ok(
      await gql(
        'pelaksana',
        `mutation ($id: ID!, $file: ID!) { submitRequirementVersion(requirementId: $id, fileId: $file) { id } }`,
        { id: requirementId, file: fileId },
      ),
    );
    ok(await gql('bpkad', forward, { id: requirementId }));
    const { reviewRequirement: approved } = ok(
      await gql<{
        reviewRequirement: {
          status: string;
          availableActions: unknown[];
          history: {
            transition: string;
            note: string | null;
            actor: { organizationCode: string };
          }[];
          document: { versions: { number: number; sha256: string }[] };
        };
      }>(
        'pemberi-pinjaman',
        `mutation ($id: ID!) { reviewRequirement(id: $id, decision: APPROVE, message: "Disetujui") { ${REQUIREMENT} } }`,
        { id: requirementId },
      ),
    );
    expect(approved.status).toBe('APPROVED');
    expect(approved.availableActions).toEqual([]);
    expect(approved.history.map((h) => h.transition)).toEqual([
      'submit',
      'requestRevision',
      'submit',
      'forward',
      'requestRevision',
      'submit',
      'forward',
      'approve',
    ]);
    expect(approved.history[1]).toMatchObject({
      note: 'Tanda tangan belum bermeterai',
      actor: { organizationCode: 'BPKAD' },
    });
    expect(approved.document.versions.map((v) => v.sha256)).toEqual(
      versions.map((v) => sha256Hex(v.bytes)),
    );
  });

  it('every version stays downloadable and byte-identical, with safe headers and ranges', async () => {
    for (const { bytes, fileId } of versions) {
      const res = await download('pemberi-pinjaman', `/files/${fileId}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-type')).toMatch(/^application\/pdf/);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
      expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
    }
    const first = versions[0] as { bytes: Uint8Array; fileId: string };
    const partial = await download('pelaksana', `/files/${first.fileId}`, { range: 'bytes=5-24' });
    expect(partial.status).toBe(206);
    expect(
      Buffer.from(await partial.arrayBuffer()).equals(Buffer.from(first.bytes.subarray(5, 25))),
    ).toBe(true);
  });

  it('an organization outside the requirement gets 403 on TERBATAS files and FORBIDDEN in GraphQL', async () => {
    const { fileId } = versions[0] as { fileId: string };
    expect((await download('admin-opd', `/files/${fileId}`)).status).toBe(403);
    expect((await download(null, `/files/${fileId}`)).status).toBe(401);
    const { requirement } = ok(
      await gql<{ requirement: { document: { id: string } } }>(
        'bpkad',
        `query ($id: ID!) { requirement(id: $id) { document { id } } }`,
        { id: requirementId },
      ),
    );
    const foreign = await gql('admin-opd', `query ($id: ID!) { document(id: $id) { id } }`, {
      id: requirement.document.id,
    });
    expect(errorCodes(foreign)).toEqual(['FORBIDDEN']);
    // Leaders oversee every organization's internal documents.
    expect((await download('pimpinan', `/files/${fileId}`)).status).toBe(200);
  });

  it('publishes an event for every transition', async () => {
    const nc = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
    try {
      const jsm = await jetstreamManager(nc);
      for (const type of ['submitted', 'forwarded', 'revisionRequested', 'approved']) {
        const message = await jsm.streams.getMessage('SIPADU_DOCUMENTS', {
          last_by_subj: `sipadu.documents.requirement.${type}`,
        });
        expect(message?.json<{ subject: { id: string } }>().subject.id).toBe(requirementId);
      }
    } finally {
      await nc.close();
    }
  });
});

describe('uploads are refused with clear messages, nothing half-stored', () => {
  it('a renamed .exe, an oversize file and a hash mismatch', async () => {
    const exe = new Uint8Array(4096);
    exe.set([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);
    exe.set(Buffer.from('This program cannot be run in DOS mode.'), 0x4e);
    const renamed = await tusUpload({
      origin: stack.gatewayOrigin,
      token: await token('pelaksana'),
      bytes: exe,
      filename: 'laporan.pdf',
      purpose: 'document',
    });
    expect(renamed.status).toBe(415);
    expect(renamed.message).toMatch(/jenis berkas/i);
    expect(renamed.fileId).toBeNull();

    const oversize = await fetch(`${stack.gatewayOrigin}/files`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await token('pelaksana')}`,
        'tus-resumable': '1.0.0',
        'upload-length': String(21 * 1024 * 1024),
        'upload-metadata': `filename ${Buffer.from('foto.jpg').toString('base64')},purpose ${Buffer.from('photo').toString('base64')},sha256 ${Buffer.from('0'.repeat(64)).toString('base64')}`,
      },
    });
    expect(oversize.status).toBe(413);
    expect(await oversize.text()).toMatch(/20 MB/);

    const bytes = await pdfWithText('hash salah');
    const mismatch = await tusUpload({
      origin: stack.gatewayOrigin,
      token: await token('pelaksana'),
      bytes,
      filename: 'hash.pdf',
      purpose: 'document',
      sha256: sha256Hex(new Uint8Array([1, 2, 3])),
    });
    expect(mismatch.status).toBeGreaterThanOrEqual(400);
    expect(mismatch.message).toMatch(/SHA-256/);
    expect(mismatch.fileId).toBeNull();

    const connection = await mongoose
      .createConnection(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017', {
        dbName: `${DATABASE}-documents`,
      })
      .asPromise();
    try {
      const stored = await connection.db
        ?.collection('stored_files')
        .find({ filename: { $in: ['laporan.pdf', 'hash.pdf'] } })
        .toArray();
      expect(stored).toEqual([]);
    } finally {
      await connection.close();
    }
  });

  it('refuses uploads without a token', async () => {
    const anonymous = await tusUpload({
      origin: stack.gatewayOrigin,
      bytes: await pdfWithText('anonim'),
      filename: 'anonim.pdf',
      purpose: 'document',
    });
    expect(anonymous.status).toBe(401);
  });
});

describe('confidentiality of standalone documents', () => {
  async function createDocument(
    username: string,
    confidentiality: string,
    readerIds: string[] = [],
  ): Promise<{ id: string; fileId: string }> {
    const fileId = await upload(
      username,
      await pdfWithText(`${confidentiality} dokumen`),
      `${confidentiality}.pdf`,
    );
    const { createDocument: doc } = ok(
      await gql<{ createDocument: { id: string } }>(
        username,
        `mutation ($input: CreateDocumentInput!) { createDocument(input: $input) { id } }`,
        {
          input: {
            title: `Dokumen ${confidentiality}`,
            subject: { type: 'LoanProject', id: 'uji-dokumen-2' },
            fileId,
            confidentiality,
            readerIds,
          },
        },
      ),
    );
    return { id: doc.id, fileId };
  }

  it('PUBLIK is readable without login', async () => {
    const { fileId } = await createDocument('pelaksana', 'PUBLIK');
    expect((await download(null, `/files/${fileId}`)).status).toBe(200);
  });

  it('RAHASIA is readable only by its named readers', async () => {
    const { me } = ok(await gql<{ me: { id: string } }>('bpkad', `{ me { id } }`));
    const { id, fileId } = await createDocument('pelaksana', 'RAHASIA', [me.id]);
    expect((await download('bpkad', `/files/${fileId}`)).status).toBe(200);
    expect((await download('pelaksana', `/files/${fileId}`)).status).toBe(200);
    for (const outsider of ['kasubdit', 'pimpinan', 'super-admin', 'admin-opd']) {
      expect((await download(outsider, `/files/${fileId}`)).status, outsider).toBe(403);
    }
    const read = await gql('super-admin', `query ($id: ID!) { document(id: $id) { id } }`, { id });
    expect(errorCodes(read)).toEqual(['FORBIDDEN']);
  });
});

describe('electronic seal and public verification', () => {
  it('a sealed PDF verifies; one changed byte does not', async () => {
    const bytes = await pdfWithText('Perjanjian Pinjaman Daerah');
    const fileId = await upload('kasubdit', bytes, 'perjanjian.pdf');
    const { createDocument: doc } = ok(
      await gql<{ createDocument: { id: string } }>(
        'kasubdit',
        `mutation ($input: CreateDocumentInput!) { createDocument(input: $input) { id } }`,
        { input: { title: 'Perjanjian Pinjaman', subject: SUBJECT, fileId } },
      ),
    );
    const offered = `query ($id: ID!) { document(id: $id) { viewerCanSign } }`;
    for (const [username, expected] of [
      ['kasubdit', true],
      ['pimpinan', true],
      ['pelaksana', false],
    ] as const) {
      const res = ok(
        await gql<{ document: { viewerCanSign: boolean } }>(username, offered, { id: doc.id }),
      );
      expect(res.document.viewerCanSign, username).toBe(expected);
    }
    const refused = await gql(
      'pelaksana',
      `mutation ($id: ID!) { signDocumentVersion(documentId: $id, version: 1) { code } }`,
      { id: doc.id },
    );
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    const { signDocumentVersion: seal } = ok(
      await gql<{
        signDocumentVersion: {
          code: string;
          sha256: string;
          verificationUrl: string;
          stampedFile: { id: string; sha256: string } | null;
        };
      }>(
        'kasubdit',
        `mutation ($id: ID!) {
          signDocumentVersion(documentId: $id, version: 1, reason: "Persetujuan") {
            code sha256 verificationUrl stampedFile { id sha256 }
          }
        }`,
        { id: doc.id },
      ),
    );
    expect(seal.sha256).toBe(sha256Hex(bytes));
    expect(seal.verificationUrl).toMatch(new RegExp(`/verifikasi/${seal.code}$`));
    expect(seal.stampedFile).not.toBeNull();

    const verify = `query ($code: String!) { verifySignature(code: $code) { valid message signerName documentTitle version } }`;
    const { verifySignature } = ok(
      await gql<{ verifySignature: { valid: boolean; documentTitle: string } }>(null, verify, {
        code: seal.code.toLowerCase(),
      }),
    );
    expect(verifySignature).toMatchObject({ valid: true, documentTitle: 'Perjanjian Pinjaman' });
    const unknown = ok(
      await gql<{ verifySignature: { valid: boolean } }>(null, verify, { code: 'ZZZZ-ZZZZ-ZZZZ' }),
    );
    expect(unknown.verifySignature.valid).toBe(false);

    const byHash = `query ($sha: String!) { verifyFileHash(sha256: $sha) { valid message } }`;
    const stamped = await download('kasubdit', `/files/${seal.stampedFile?.id}`);
    const stampedBytes = new Uint8Array(await stamped.arrayBuffer());
    for (const genuine of [bytes, stampedBytes]) {
      const res = ok(
        await gql<{ verifyFileHash: { valid: boolean } }>(null, byHash, {
          sha: sha256Hex(genuine),
        }),
      );
      expect(res.verifyFileHash.valid).toBe(true);
    }
    const changed = new Uint8Array(stampedBytes);
    const middle = Math.floor(changed.length / 2);
    changed[middle] = (changed[middle] as number) ^ 0x01;
    const tampered = ok(
      await gql<{ verifyFileHash: { valid: boolean; message: string } }>(null, byHash, {
        sha: sha256Hex(changed),
      }),
    );
    expect(tampered.verifyFileHash.valid).toBe(false);
    expect(tampered.verifyFileHash.message).toMatch(/tidak valid/i);

    const keys = await fetch(`${stack.gatewayOrigin}/.well-known/sipadu-signing-keys.json`);
    expect(keys.status).toBe(200);
    expect(((await keys.json()) as { keys: unknown[] }).keys.length).toBeGreaterThan(0);
  });
});

describe('audit log', () => {
  it('records uploads, downloads, reviews and seals; only admins read it; tampering is detected', async () => {
    const page = ok(
      await gql<{ auditLog: { totalCount: number; edges: { node: { action: string } }[] } }>(
        'super-admin',
        `{ auditLog(first: 100) { totalCount edges { node { action sequence hash previousHash } } } }`,
      ),
    );
    const actions = new Set(page.auditLog.edges.map((edge) => edge.node.action));
    for (const action of ['UPLOAD', 'DOWNLOAD', 'REVIEW', 'SIGNATURE', 'DOCUMENT_CREATE']) {
      expect(actions.has(action), action).toBe(true);
    }
    expect(errorCodes(await gql('pelaksana', `{ auditLog { totalCount } }`))).toEqual([
      'FORBIDDEN',
    ]);

    const chain = `{ verifyAuditChain { ok checked firstBrokenSequence reason } }`;
    const before = ok(
      await gql<{ verifyAuditChain: { ok: boolean; checked: number } }>('super-admin', chain),
    );
    expect(before.verifyAuditChain.ok).toBe(true);

    const connection = await mongoose
      .createConnection(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017', {
        dbName: `${DATABASE}-documents`,
      })
      .asPromise();
    try {
      const entries = connection.db?.collection('audit_entries');
      await entries?.updateOne(
        { sequence: 3 },
        { $set: { detail: 'diubah langsung di basis data' } },
      );
      const after = ok(
        await gql<{ verifyAuditChain: { ok: boolean; firstBrokenSequence: number } }>(
          'super-admin',
          chain,
        ),
      );
      expect(after.verifyAuditChain).toMatchObject({ ok: false, firstBrokenSequence: 3 });
    } finally {
      await connection.close();
    }
  });
});
