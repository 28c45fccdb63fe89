// Documents (DOMAIN.md §3–4): internal (TERBATAS) documents are read by their organization and
// the overseers (super-admin, pimpinan), changed by their organization (super-admin for any);
// requirements by the organizations that request, upload or review them; each workflow step only
// by the organization whose turn it is. Verification is public. The cells that move a workflow
// get a requirement of their own in the right state, so that a refusal is about the organization.
import type { Role } from '@sipadu/service-kit';
import {
  callerFile,
  dataAs,
  documentIn,
  MATRIX_ORGANIZATIONS,
  RUN,
  uploadAs,
  usernameOf,
} from './matrix-support.js';
import type { CellContext, ServiceMatrix } from './matrix.types.js';

/** Read every organization's internal documents and requirements (access.ts OVERSEERS). */
const OVERSEERS: readonly Role[] = ['super-admin', 'pimpinan'];
/** requirement.workflow.ts: who submits, reviews and requests. */
const SUBMITTERS: readonly Role[] = [
  'pelaksana',
  'admin-opd',
  'bpkad',
  'unit-kerja',
  'petugas-konsultasi',
  'petugas-tik',
  'pengelola-tik',
  'super-admin',
];
const REVIEWERS: readonly Role[] = [
  'bpkad',
  'pemberi-pinjaman',
  'admin-opd',
  'kasubdit',
  'direktur',
  'evaluator',
  'pengelola-tik',
  'super-admin',
];
const REQUESTERS: readonly Role[] = [
  'bpkad',
  'admin-opd',
  'kasubdit',
  'pengelola-tik',
  'super-admin',
];
/** access.ts `Requirement.onLoanProject`. */
const LOAN_REQUESTERS: readonly Role[] = ['bpkad', 'super-admin'];
const SEALERS: readonly Role[] = [
  'pimpinan',
  'direktur',
  'kasubdit',
  'admin-opd',
  'bpkad',
  'super-admin',
];

const SUBJECT_TYPE = 'UjiMatriks';
const documents = new Map<string, { id: string; fileId: string; subjectId: string }>();
const requirements = new Map<string, { id: string; subjectId: string }>();
/** Submitted requirements now with the `other` organizations' review, for refused cells. */
const toForward = new Map<string, { id: string }>();
const toReview = new Map<string, { id: string }>();
let templateId = '';
let sequence = 0;
const next = () => (sequence += 1);

const recordOf = <T>(records: Map<string, T>, organization: string): T => {
  const record = records.get(organization);
  if (!record) throw new Error(`tidak ada data uji dokumen untuk ${organization}`);
  return record;
};

const CREATE_REQUIREMENT = `mutation ($input: CreateRequirementInput!) { createRequirement(input: $input) { id } }`;

/** A requirement requested by `requester`'s organization (a dev user holding a requester role). */
async function requirement(
  requester: string,
  uploader: string,
  reviewers: readonly string[],
  subjectId = `${RUN}-r${next()}`,
): Promise<string> {
  const data = await dataAs<{ createRequirement: { id: string } }>(requester, CREATE_REQUIREMENT, {
    input: {
      subject: { type: SUBJECT_TYPE, id: subjectId },
      title: 'Persyaratan uji matriks',
      uploaderOrganizationCode: uploader,
      reviewerOrganizationCodes: reviewers,
    },
  });
  return data.createRequirement.id;
}

/** A requirement DPUPR has submitted, now with `reviewers[0]` (BPKAD requested it). */
async function submittedRequirement(reviewers: readonly string[]): Promise<string> {
  const id = await requirement('bpkad', 'DPUPR', reviewers);
  await dataAs('pelaksana', SUBMIT, { requirementId: id, fileId: await uploadAs('pelaksana') });
  return id;
}

/** Two reviewers, `organization` first: forwarding needs a next one. */
const forwardReviewers = (organization: string) => [
  organization,
  organization === 'PTSMI' ? 'BPKAD' : 'PTSMI',
];

/** The requester of each organization's own requirement: one of its staff, else BPKAD. */
const OWN_REQUESTER: Record<string, string> = {
  DISKOMINFO: 'pengelola-tik',
  DINKES: 'admin-opd',
  BPKAD: 'bpkad',
  DPUPR: 'kasubdit',
};

/** Fresh records only where the cell should change one; refused cells share the prepared ones. */
const changes = (cell: CellContext) => cell.expected === 'allowed';

const SUBMIT = `mutation ($requirementId: ID!, $fileId: ID!) {
  submitRequirementVersion(requirementId: $requirementId, fileId: $fileId) { id } }`;

type RequirementParts = {
  requesterOrganizationCode: string;
  uploaderOrganizationCode: string;
  reviewerOrganizationCodes: string[];
};
const parts = (row: RequirementParts) => [
  row.requesterOrganizationCode,
  row.uploaderOrganizationCode,
  ...row.reviewerOrganizationCodes,
];
const REQUIREMENT_PARTS =
  'requesterOrganizationCode uploaderOrganizationCode reviewerOrganizationCodes';

export const documentsMatrix: ServiceMatrix = {
  service: 'documents',
  async prepare() {
    for (const organization of MATRIX_ORGANIZATIONS) {
      const subjectId = `${RUN}-d-${organization}`;
      const doc = await documentIn(organization, { type: SUBJECT_TYPE, id: subjectId });
      documents.set(organization, { ...doc, subjectId });
      const reqSubject = `${RUN}-q-${organization}`;
      const requester = OWN_REQUESTER[organization] ?? 'bpkad';
      requirements.set(organization, {
        id: await requirement(requester, organization, [organization], reqSubject),
        subjectId: reqSubject,
      });
    }
    for (const organization of ['DPUPR', 'RSUD']) {
      toForward.set(organization, {
        id: await submittedRequirement(forwardReviewers(organization)),
      });
      toReview.set(organization, { id: await submittedRequirement([organization]) });
    }
    const saved = await dataAs<{ saveRequirementTemplate: { id: string } }>(
      'bpkad',
      `mutation ($input: RequirementTemplateInput!) { saveRequirementTemplate(input: $input) { id } }`,
      {
        input: {
          code: `${RUN}-T`.toUpperCase(),
          name: 'Templat uji matriks',
          reviewerOrganizationCodes: ['BPKAD'],
          items: [{ title: 'Butir uji matriks' }],
        },
      },
    );
    templateId = saved.saveRequirementTemplate.id;
  },
  entries: [
    {
      operation: 'Query.document',
      document: `query ($id: ID!) { document(id: $id) { id } }`,
      // Public for PUBLIK documents; these are TERBATAS.
      allow: 'signed-in',
      organization: { across: OVERSEERS },
      variables: (cell) => ({ id: recordOf(documents, cell.organization).id }),
    },
    {
      operation: 'Query.documents',
      document: `query ($subjectId: ID!) {
        documents(subjectType: "${SUBJECT_TYPE}", subjectId: $subjectId) { organizationCode } }`,
      allow: 'signed-in',
      organization: { across: OVERSEERS },
      variables: (cell) => ({ subjectId: recordOf(documents, cell.organization).subjectId }),
      hidden: (data) => (data.documents as unknown[]).length === 0,
      visible: (data) =>
        (data.documents as { organizationCode: string }[]).map((doc) => doc.organizationCode),
    },
    {
      operation: 'Query.storedFile',
      document: `query ($id: ID!) { storedFile(id: $id) { id } }`,
      allow: 'signed-in',
      organization: { across: OVERSEERS },
      variables: (cell) => ({ id: recordOf(documents, cell.organization).fileId }),
    },
    {
      operation: 'Query.requirements',
      document: `query ($subjectId: ID!) {
        requirements(subjectType: "${SUBJECT_TYPE}", subjectId: $subjectId) { ${REQUIREMENT_PARTS} } }`,
      allow: 'signed-in',
      organization: { across: OVERSEERS },
      variables: (cell) => ({ subjectId: recordOf(requirements, cell.organization).subjectId }),
      hidden: (data) => (data.requirements as unknown[]).length === 0,
      visible: (data) => (data.requirements as RequirementParts[]).map(parts),
    },
    {
      operation: 'Query.requirement',
      document: `query ($id: ID!) { requirement(id: $id) { id } }`,
      allow: 'signed-in',
      organization: { across: OVERSEERS },
      variables: (cell) => ({ id: recordOf(requirements, cell.organization).id }),
    },
    {
      operation: 'Query.myRequirements',
      document: `{ myRequirements(first: 100) { edges { node { ${REQUIREMENT_PARTS} } } } }`,
      allow: 'signed-in',
      variables: () => ({}),
      visible: (data) =>
        (data.myRequirements as { edges: { node: RequirementParts }[] }).edges.map((edge) =>
          parts(edge.node),
        ),
      visibleAcross: [],
    },
    {
      operation: 'Query.requirementTemplates',
      document: `{ requirementTemplates { id } }`,
      allow: 'signed-in',
      variables: () => ({}),
    },
    {
      operation: 'Query.uploadPurposes',
      document: `{ uploadPurposes { name } }`,
      allow: 'public',
      variables: () => ({}),
    },
    {
      operation: 'Query.verifySignature',
      document: `query ($code: String!) { verifySignature(code: $code) { valid } }`,
      allow: 'public',
      variables: () => ({ code: 'TIDAKADA1' }),
    },
    {
      operation: 'Query.verifyFileHash',
      document: `query ($sha256: String!) { verifyFileHash(sha256: $sha256) { valid } }`,
      allow: 'public',
      variables: () => ({ sha256: '0'.repeat(64) }),
    },
    {
      operation: 'Query.auditLog',
      document: `query ($organizationCode: String) {
        auditLog(filter: { organizationCode: $organizationCode }, first: 100) { edges { node { organizationCode } } } }`,
      allow: ['super-admin', 'admin-opd'],
      organization: { across: ['super-admin'] },
      variables: (cell) => ({ organizationCode: cell.organization }),
      visible: (data) =>
        (data.auditLog as { edges: { node: { organizationCode: string | null } }[] }).edges.map(
          (edge) => edge.node.organizationCode,
        ),
    },
    {
      operation: 'Query.verifyAuditChain',
      document: `{ verifyAuditChain { ok } }`,
      allow: ['super-admin'],
      variables: () => ({}),
    },
    {
      operation: 'Mutation.createDocument',
      document: `mutation ($input: CreateDocumentInput!) { createDocument(input: $input) { id } }`,
      allow: 'signed-in',
      organization: { across: ['super-admin'] },
      variables: async (cell) => ({
        input: {
          title: 'Dokumen uji matriks',
          subject: { type: SUBJECT_TYPE, id: `${RUN}-c${next()}` },
          fileId: await callerFile(cell),
          organizationCode: cell.organization,
        },
      }),
    },
    {
      operation: 'Mutation.addDocumentVersion',
      document: `mutation ($documentId: ID!, $fileId: ID!) {
        addDocumentVersion(documentId: $documentId, fileId: $fileId) { id } }`,
      allow: 'signed-in',
      // Only the owning organization adds versions, super-admin included (access.ts).
      organization: { across: [] },
      variables: async (cell) => ({
        documentId: recordOf(documents, cell.organization).id,
        fileId: await callerFile(cell),
      }),
    },
    {
      operation: 'Mutation.withdrawDocument',
      document: `mutation ($id: ID!) { withdrawDocument(id: $id, reason: "uji matriks") { id } }`,
      allow: 'signed-in',
      organization: { across: ['super-admin'] },
      // Withdrawal is final: every signed-in cell gets a document of its own.
      variables: async (cell) => ({
        id: !changes(cell)
          ? recordOf(documents, cell.organization).id
          : (
              await documentIn(cell.organization, {
                type: SUBJECT_TYPE,
                id: `${RUN}-w${next()}`,
              })
            ).id,
      }),
    },
    {
      operation: 'Mutation.setDocumentConfidentiality',
      // TERBATAS → TERBATAS: passes every check and leaves the document as it was.
      document: `mutation ($id: ID!) { setDocumentConfidentiality(id: $id, confidentiality: TERBATAS) { id } }`,
      allow: 'signed-in',
      organization: { across: ['super-admin'] },
      variables: (cell) => ({ id: recordOf(documents, cell.organization).id }),
    },
    {
      operation: 'Mutation.createRequirement',
      // The requester is always the caller's own organization. On a loan project only BPKAD (and
      // super-admin) keeps the checklist (DOMAIN.md §3 step 3); other requesters ask elsewhere.
      document: CREATE_REQUIREMENT,
      allow: LOAN_REQUESTERS,
      variables: () => ({
        input: {
          subject: { type: 'LoanProject', id: `${RUN}-p${next()}` },
          title: 'Persyaratan uji matriks',
          uploaderOrganizationCode: 'DPUPR',
          reviewerOrganizationCodes: ['BPKAD'],
        },
      }),
    },
    {
      operation: 'Mutation.createRequirementsFromTemplate',
      // Templates are shared standard lists (a lender's), applied by whoever keeps the checklist.
      document: `mutation ($input: ApplyTemplateInput!) { createRequirementsFromTemplate(input: $input) { id } }`,
      allow: LOAN_REQUESTERS,
      variables: () => ({
        input: {
          templateId,
          subject: { type: 'LoanProject', id: `${RUN}-t${next()}` },
          uploaderOrganizationCode: 'DPUPR',
        },
      }),
    },
    {
      operation: 'Mutation.submitRequirementVersion',
      document: SUBMIT,
      allow: SUBMITTERS,
      // Only the uploader organization submits (workflow actor), super-admin included.
      organization: { across: [] },
      variables: async (cell) => ({
        requirementId: changes(cell)
          ? await requirement('bpkad', cell.organization, ['BPKAD'])
          : recordOf(requirements, cell.organization).id,
        fileId: await callerFile(cell),
      }),
    },
    {
      operation: 'Mutation.forwardRequirement',
      document: `mutation ($id: ID!) { forwardRequirement(id: $id, note: "uji matriks") { id } }`,
      allow: REVIEWERS,
      // Only the reviewer organization holding it (workflow actor `currentReviewer`).
      organization: { across: [] },
      variables: async (cell) => ({
        id: changes(cell)
          ? await submittedRequirement(forwardReviewers(cell.organization))
          : recordOf(cell.target === 'other' ? toForward : requirements, cell.organization).id,
      }),
    },
    {
      operation: 'Mutation.reviewRequirement',
      document: `mutation ($id: ID!) { reviewRequirement(id: $id, decision: APPROVE) { id } }`,
      allow: REVIEWERS,
      organization: { across: [] },
      variables: async (cell) => ({
        id: changes(cell)
          ? await submittedRequirement([cell.organization])
          : recordOf(cell.target === 'other' ? toReview : requirements, cell.organization).id,
      }),
    },
    {
      operation: 'Mutation.waiveRequirement',
      document: `mutation ($id: ID!) { waiveRequirement(id: $id, reason: "uji matriks") { id } }`,
      allow: REQUESTERS,
      // Only the requesting organization (workflow actor `requesterOrganization`).
      organization: { across: [] },
      // Allowed cells waive one the caller itself requested; the others target the prepared
      // ones (Dinas PUPR's requested by its kasubdit, RSUD's by BPKAD).
      variables: async (cell) => ({
        id: changes(cell)
          ? await requirement(usernameOf(cell.caller) as string, cell.organization, [
              cell.organization,
            ])
          : recordOf(requirements, cell.organization).id,
      }),
    },
    {
      operation: 'Mutation.saveRequirementTemplate',
      document: `mutation ($input: RequirementTemplateInput!) { saveRequirementTemplate(input: $input) { id } }`,
      allow: ['bpkad', 'pemberi-pinjaman', 'super-admin'],
      variables: () => ({
        input: {
          code: `${RUN}-S${next()}`.toUpperCase(),
          name: 'Templat uji matriks',
          reviewerOrganizationCodes: ['BPKAD'],
          items: [{ title: 'Butir uji matriks' }],
        },
      }),
    },
    {
      operation: 'Mutation.signDocumentVersion',
      document: `mutation ($documentId: ID!) { signDocumentVersion(documentId: $documentId, version: 1) { id } }`,
      allow: SEALERS,
      organization: { across: ['pimpinan', 'super-admin'] },
      variables: (cell) => ({ documentId: recordOf(documents, cell.organization).id }),
    },
  ],
};
