import { Schema, type Connection, type Model } from 'mongoose';

/** The number of people a service served in a period (for the Krejcie & Morgan minimum sample). */
export interface ServicePopulationRecord {
  /** `<serviceId>:<periodKey>`; a new value replaces the old one (last write wins). */
  _id: string;
  serviceId: string;
  organizationCode: string;
  periodKey: string;
  year: number;
  population: number;
  updatedAt: Date;
  /** Keycloak subject of who entered it; null for the demo data. */
  updatedById: string | null;
}

const servicePopulationSchema = new Schema<ServicePopulationRecord>(
  {
    _id: { type: String, required: true },
    serviceId: { type: String, required: true },
    organizationCode: { type: String, required: true },
    periodKey: { type: String, required: true },
    year: { type: Number, required: true },
    population: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
    updatedById: { type: String, default: null },
  },
  { collection: 'service_populations', versionKey: false },
);
servicePopulationSchema.index({ serviceId: 1 });
servicePopulationSchema.index({ periodKey: 1, organizationCode: 1 });

export type ServicePopulationModel = Model<ServicePopulationRecord>;

export function servicePopulationModel(connection: Connection): ServicePopulationModel {
  return (connection.models.ServicePopulation ??
    connection.model<ServicePopulationRecord>(
      'ServicePopulation',
      servicePopulationSchema,
    )) as ServicePopulationModel;
}

export function populationKey(serviceId: string, periodKey: string): string {
  return `${serviceId}:${periodKey}`;
}
