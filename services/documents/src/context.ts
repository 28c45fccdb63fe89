import type { SubgraphContext } from '@sipadu/service-kit';
import type { AuditQueryService } from './services/audit-query.service.js';
import type { SignatureService } from './signing/signature.service.js';
import type { DocumentService } from './services/document.service.js';
import type { RequirementService } from './services/requirement.service.js';
import type { SealService } from './services/seal.service.js';
import type { TemplateService } from './services/template.service.js';
import type { FileService } from './uploads/file.service.js';
import type { UploadPurpose } from './uploads/purposes.js';

export interface DocumentsServices {
  documents: DocumentService;
  requirements: RequirementService;
  templates: TemplateService;
  files: FileService;
  signatures: SignatureService;
  seals: SealService;
  auditQueries: AuditQueryService;
  purposes: readonly UploadPurpose[];
}

export interface ServiceContext extends SubgraphContext {
  services: DocumentsServices;
}
