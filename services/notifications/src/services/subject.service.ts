import {
  subjectKey,
  type SubjectEntryRecord,
  type SubjectModel,
  type SubjectRef,
} from '../models/subject.model.js';
import type { ThreadModel } from '../models/thread.model.js';
import type { SubjectFacts } from '../rules/rule.js';

/** Subjects of other services learned from events, with the parties of their correspondence. */
export class SubjectService {
  constructor(
    private readonly subjects: SubjectModel,
    private readonly threads: ThreadModel,
  ) {}

  async init(): Promise<void> {
    await this.subjects.init();
  }

  /** Records what an event says about a subject; parties only grow (nobody is dropped silently). */
  async track(facts: SubjectFacts): Promise<void> {
    const key = subjectKey(facts.subject);
    const organizationCodes = [...new Set(facts.organizationCodes)];
    const userIds = [...new Set(facts.userIds)];
    await this.subjects.updateOne(
      { _id: key },
      {
        $set: {
          subject: facts.subject,
          title: facts.title,
          link: facts.link,
          updatedAt: new Date(),
        },
        $addToSet: { organizationCodes: { $each: organizationCodes }, userIds: { $each: userIds } },
      },
      { upsert: true },
    );
    // A thread that already exists gains the new parties too ("my threads" reads them there).
    await this.threads.updateOne(
      { _id: key },
      {
        $addToSet: {
          participantOrganizationCodes: { $each: organizationCodes },
          participantUserIds: { $each: userIds },
        },
      },
    );
  }

  async get(key: string): Promise<SubjectEntryRecord | null> {
    return this.subjects.findById(key).lean<SubjectEntryRecord>().exec();
  }

  async parties(subject: SubjectRef): Promise<{ organizationCodes: string[]; userIds: string[] }> {
    const entry = await this.get(subjectKey(subject));
    return { organizationCodes: entry?.organizationCodes ?? [], userIds: entry?.userIds ?? [] };
  }
}
