import { Schema, type Connection, type Model } from 'mongoose';

/** Projection of a documents-service document whose subject is a loan project. */
export interface ProjectDocumentRecord {
  /** The document id. */
  _id: string;
  projectId: string;
  title: string;
  /** Versions carrying an electronic seal (documents.signature.created). */
  sealedVersions: number[];
}

const projectDocumentSchema = new Schema<ProjectDocumentRecord>(
  {
    _id: { type: String, required: true },
    projectId: { type: String, required: true },
    title: { type: String, required: true },
    sealedVersions: { type: [Number], default: [] },
  },
  { collection: 'project_documents', versionKey: false },
);
projectDocumentSchema.index({ projectId: 1 });

export type ProjectDocumentModel = Model<ProjectDocumentRecord>;

export function projectDocumentModel(connection: Connection): ProjectDocumentModel {
  return connection.model<ProjectDocumentRecord>('ProjectDocument', projectDocumentSchema);
}
