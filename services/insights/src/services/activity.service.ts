import type { Connection } from 'mongoose';
import type { ActivityItem } from '../generated/graphql.js';
import type { DashboardHub } from '../live/dashboard-hub.js';
import {
  activityModel,
  type ActivityModel,
  type ActivityModule,
  type ActivityRecord,
} from '../models/activity.model.js';

/** How many activity items are kept (the dashboard shows the latest 20). */
export const ACTIVITY_KEPT = 500;

export interface ActivityDraft {
  /** The event id, or a key folding repeated events into one line. */
  id: string;
  module: ActivityModule;
  title: string;
  organizationCode: string | null;
  href: string | null;
  occurredAt: Date;
}

export interface ActivityServiceOptions {
  connection: Connection;
  hub: DashboardHub;
  /** Items kept; default ACTIVITY_KEPT. */
  keep?: number;
}

const view = (record: ActivityRecord): ActivityItem => ({
  id: record._id,
  module: record.module,
  title: record.title,
  organizationCode: record.organizationCode,
  href: record.href,
  occurredAt: record.occurredAt.toISOString(),
});

/** Recent activity of every module for the leaders' dashboard (written by the events consumer). */
export class ActivityService {
  private readonly model: ActivityModel;
  private readonly keep: number;

  constructor(private readonly options: ActivityServiceOptions) {
    this.model = activityModel(options.connection);
    this.keep = options.keep ?? ACTIVITY_KEPT;
  }

  async init(): Promise<void> {
    await this.model.createIndexes();
  }

  /**
   * Writes (or refreshes) an item by its id, so a redelivered event changes nothing, then deletes
   * what fell out of the kept window when the collection grew.
   */
  async record(draft: ActivityDraft): Promise<void> {
    const { id, ...fields } = draft;
    const result = await this.model.collection.updateOne(
      { _id: id } as never,
      { $set: fields },
      { upsert: true },
    );
    if (result.upsertedCount > 0) await this.trim();
    this.options.hub.signal('activity');
  }

  /** Latest items first. */
  async latest(limit = 20): Promise<ActivityItem[]> {
    const rows = await this.model
      .find()
      .sort({ occurredAt: -1, _id: -1 })
      .limit(Math.min(Math.max(limit, 1), this.keep))
      .lean<ActivityRecord[]>()
      .exec();
    return rows.map(view);
  }

  /** Deletes every item at or older than the first one beyond the kept window. */
  private async trim(): Promise<void> {
    const [beyond] = await this.model
      .find({}, { occurredAt: 1 })
      .sort({ occurredAt: -1 })
      .skip(this.keep)
      .limit(1)
      .lean<Pick<ActivityRecord, '_id' | 'occurredAt'>[]>()
      .exec();
    if (beyond) await this.model.deleteMany({ occurredAt: { $lte: beyond.occurredAt } }).exec();
  }
}
