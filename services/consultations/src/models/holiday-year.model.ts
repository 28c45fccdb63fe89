import { Schema, type Connection, type Model } from 'mongoose';

export type HolidayKind = 'libur-nasional' | 'cuti-bersama';

export interface HolidayRecord {
  /** YYYY-MM-DD in the Pemda's zone. */
  date: string;
  name: string;
  kind: HolidayKind;
}

/** The holidays (libur nasional and cuti bersama) of one year; an import replaces the year. */
export interface HolidayYearRecord {
  /** The year. */
  _id: number;
  holidays: HolidayRecord[];
  /** `bawaan` (the SKB list shipped with the code) or `impor` (a super-admin's CSV). */
  source: 'bawaan' | 'impor';
  importedAt: Date | null;
  importedBy: { id: string; name: string | null } | null;
}

const holiday = new Schema<HolidayRecord>(
  {
    date: { type: String, required: true },
    name: { type: String, required: true },
    kind: { type: String, required: true },
  },
  { _id: false },
);

const holidayYearSchema = new Schema<HolidayYearRecord>(
  {
    _id: { type: Number, required: true },
    holidays: { type: [holiday], default: [] },
    source: { type: String, required: true },
    importedAt: { type: Date, default: null },
    importedBy: {
      type: new Schema({ id: String, name: String }, { _id: false }),
      default: null,
    },
  },
  { collection: 'holiday_years', versionKey: false },
);

export type HolidayYearModel = Model<HolidayYearRecord>;

export function holidayYearModel(connection: Connection): HolidayYearModel {
  return (connection.models.HolidayYear ??
    connection.model<HolidayYearRecord>('HolidayYear', holidayYearSchema)) as HolidayYearModel;
}
