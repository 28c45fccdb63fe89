export { DeliveryWorker } from './delivery-worker.js';
export type {
  DeliveryInput,
  DeliveryNotification,
  DeliveryWorkerDeps,
  DeliveryWorkerOptions,
  RecipientContact,
} from './delivery-worker.js';
export { DigestJob } from './digest-job.js';
export type { DigestJobDeps, DigestJobOptions, DigestRunSummary } from './digest-job.js';
export { createEmailTransport } from './email-transport.js';
export type {
  EmailTransport,
  EmailTransportOptions,
  OutgoingEmail,
  SentMessage,
} from './email-transport.js';
export { renderDigestEmail, renderNotificationEmail } from './email-templates.js';
export type { EmailSettings, RenderedEmail } from './email-templates.js';
export { createSmsGateway, normalizeIndonesianPhone } from './sms-gateway.js';
export type { SmsGateway, SmsGatewayConfig } from './sms-gateway.js';
export { deliveryModel } from '../models/delivery.model.js';
export type { DeliveryRecord } from '../models/delivery.model.js';
