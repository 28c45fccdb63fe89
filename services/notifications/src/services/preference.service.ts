import { badInput, parseInput, type Principal } from '@sipadu/service-kit';
import { z } from 'zod';
import { access } from '../access.js';
import { normalizeIndonesianPhone, type SmsGateway } from '../channels/index.js';
import type { PreferenceModel, PreferenceRecord } from '../models/preference.model.js';
import {
  CATEGORIES,
  effectivePreferences,
  type EffectivePreferences,
  type NotificationCategory,
} from '../rules/categories.js';
import type { DirectoryService } from './directory.service.js';

export interface PreferencesView extends EffectivePreferences {
  digestHour: number;
  email: string | null;
  sms: { delivering: boolean; description: string };
}

const categoryValues = CATEGORIES.map((info) => info.category) as [
  NotificationCategory,
  ...NotificationCategory[],
];
const updateSchema = z.object({
  categories: z
    .array(
      z.object({
        category: z.enum(categoryValues),
        inApp: z.boolean().nullish(),
        email: z.boolean().nullish(),
        sms: z.boolean().nullish(),
      }),
    )
    .max(CATEGORIES.length * 2)
    .nullish(),
  dailyDigest: z.boolean().nullish(),
  phone: z.string().trim().max(20).nullish(),
});

/** Per-person choice of channels per category, the daily digest and the SMS number. */
export class PreferenceService {
  constructor(
    private readonly preferences: PreferenceModel,
    private readonly directory: DirectoryService,
    private readonly sms: SmsGateway,
    private readonly digestHour: number,
  ) {}

  async get(principal: Principal | null): Promise<PreferencesView> {
    const caller = access.require(principal, 'Query.notificationPreferences');
    const record = await this.preferences.findById(caller.id).lean<PreferenceRecord>().exec();
    return this.view(caller, record);
  }

  async update(principal: Principal | null, input: unknown): Promise<PreferencesView> {
    const caller = access.require(principal, 'Mutation.updateNotificationPreferences');
    const data = parseInput(updateSchema, input);
    const current = effectivePreferences(
      await this.preferences.findById(caller.id).lean<PreferenceRecord>().exec(),
    );
    let phone = current.phone;
    if (data.phone !== undefined && data.phone !== null) {
      if (data.phone === '') phone = null;
      else {
        const normalized = normalizeIndonesianPhone(data.phone);
        if (!normalized) {
          throw badInput('Nomor ponsel harus nomor Indonesia, mis. 0812… atau +62812….', {
            field: 'phone',
          });
        }
        phone = normalized;
      }
    }
    const categories = current.categories.map((entry) => {
      const change = data.categories?.find((item) => item.category === entry.category);
      return {
        category: entry.category,
        inApp: change?.inApp ?? entry.inApp,
        email: change?.email ?? entry.email,
        sms: change?.sms ?? entry.sms,
      };
    });
    if (categories.some((entry) => entry.sms) && !phone) {
      throw badInput('Isi nomor ponsel sebelum menyalakan SMS.', { field: 'phone' });
    }
    const record = await this.preferences
      .findOneAndUpdate(
        { _id: caller.id },
        {
          $set: {
            categories,
            dailyDigest: data.dailyDigest ?? current.dailyDigest,
            phone,
            updatedAt: new Date(),
          },
        },
        { upsert: true, returnDocument: 'after' },
      )
      .lean<PreferenceRecord>()
      .exec();
    return this.view(caller, record);
  }

  private async view(caller: Principal, record: PreferenceRecord | null): Promise<PreferencesView> {
    const person = await this.directory.get(caller.id);
    return {
      ...effectivePreferences(record),
      digestHour: this.digestHour,
      email: person?.email ?? caller.email,
      sms: { delivering: this.sms.delivering, description: this.sms.description },
    };
  }
}
