import { Schema, type Connection, type Model } from 'mongoose';

/** Where and when a stored photo was taken, from its EXIF metadata (documents.file.stored). */
export interface FileCaptureRecord {
  /** The file id. */
  _id: string;
  contentType: string;
  latitude: number | null;
  longitude: number | null;
  takenAt: Date | null;
}

const fileCaptureSchema = new Schema<FileCaptureRecord>(
  {
    _id: { type: String, required: true },
    contentType: { type: String, required: true },
    latitude: { type: Number, default: null },
    longitude: { type: Number, default: null },
    takenAt: { type: Date, default: null },
  },
  { collection: 'file_captures', versionKey: false },
);

export type FileCaptureModel = Model<FileCaptureRecord>;

export function fileCaptureModel(connection: Connection): FileCaptureModel {
  return connection.model<FileCaptureRecord>('FileCapture', fileCaptureSchema);
}
