// Demo survey responses (issue 7, item 9): a few hundred generated answers over the two most
// recent semesters (the ongoing one and the one before) for every published demo service,
// published as backdated `surveys.response.submitted` events through the same function the
// public form uses, so the responses consumer records and aggregates them like real ones. Each
// service has its own tendency, so the demo shows grades A, B and C side by side; each service
// also gets a population per semester, so the sample adequacy shows. Runs only on an empty log.
import { createHash } from 'node:crypto';
import type { Logger } from '@sipadu/service-kit';
import {
  periodBounds,
  periodContaining,
  calendarMonthOf,
  previousPeriod,
} from '../services/period.js';
import type { PopulationService } from '../services/population.service.js';
import { CURRENT_QUESTIONNAIRE_VERSION } from '../services/questionnaire.service.js';
import type { SurveyResponseService } from '../services/survey-response.service.js';
import type { PeriodView, ServiceDirectory, ServiceRef } from '../services/types.js';

/** Responses over both semesters, spread over the services (each gets 8–40 per semester). */
const TARGET_RESPONSES = 360;

/** mulberry32: a small seeded PRNG, so every fresh demo database tells the same story. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Tendency = 'A' | 'B' | 'C';

/** Probabilities of scores 1..4 (means 3.70, 3.25, 2.81: converted ≈ 92, 81, 70 → A, B, C). */
const TENDENCIES: Record<Tendency, readonly [number, number, number, number]> = {
  A: [0, 0.01, 0.28, 0.71],
  B: [0.01, 0.06, 0.6, 0.33],
  C: [0.03, 0.25, 0.6, 0.12],
};
/** Tendency of the n-th service (directory order): a mix with more B than A or C. */
const TENDENCY_CYCLE: readonly Tendency[] = ['B', 'A', 'C', 'B', 'A', 'B', 'C', 'B'];
/**
 * Per-element nudges (U1..U9): completion time (U3) and complaint handling (U8) are the usual
 * weak points, cost (U4) the strong one (most demo services are free).
 */
const ELEMENT_SHIFT = [0, 0, -0.25, 0.3, 0, 0.05, 0.1, -0.3, -0.1];

const SUGGESTIONS = [
  'Mohon antrean dibuat lebih tertib, sebaiknya memakai nomor antrean elektronik.',
  'Petugas ramah dan sigap, pertahankan.',
  'Waktu penyelesaian masih lebih lama dari yang tertulis di standar pelayanan.',
  'Ruang tunggu panas, mohon ditambah kipas angin atau pendingin ruangan.',
  'Informasi persyaratan di papan pengumuman kurang jelas, mohon diperbarui.',
  'Sebaiknya ada layanan daring agar tidak perlu datang berkali-kali.',
  'Kotak pengaduan ada, tetapi tidak jelas tindak lanjutnya.',
  'Tempat parkir sempit, sulit bagi pengunjung yang membawa kendaraan.',
  'Pelayanan sudah cepat, terima kasih.',
  'Mohon disediakan kursi prioritas untuk lansia dan ibu hamil.',
  'Jam layanan sebaiknya diperpanjang sampai sore hari.',
  'Toilet perlu lebih dijaga kebersihannya.',
  'Petugas loket sering tidak di tempat pada jam istirahat.',
  'Alur pelayanan sudah jelas dan mudah diikuti.',
];

const PROFILE_CHOICES = {
  gender: [
    ['LAKI_LAKI', 0.52],
    ['PEREMPUAN', 0.48],
  ],
  ageGroup: [
    ['USIA_LT20', 0.06],
    ['USIA_20_29', 0.27],
    ['USIA_30_39', 0.28],
    ['USIA_40_49', 0.2],
    ['USIA_50_59', 0.13],
    ['USIA_60_PLUS', 0.06],
  ],
  education: [
    ['SD', 0.1],
    ['SMP', 0.14],
    ['SMA', 0.4],
    ['D1_D3', 0.1],
    ['D4_S1', 0.22],
    ['S2_S3', 0.04],
  ],
  occupation: [
    ['PNS_TNI_POLRI', 0.14],
    ['PEGAWAI_SWASTA', 0.2],
    ['WIRASWASTA', 0.24],
    ['PELAJAR_MAHASISWA', 0.12],
    ['IBU_RUMAH_TANGGA', 0.14],
    ['PETANI_NELAYAN', 0.1],
    ['LAINNYA', 0.06],
  ],
} as const satisfies Record<string, readonly (readonly [string, number])[]>;

function pick<T>(random: () => number, choices: readonly (readonly [T, number])[]): T {
  let u = random();
  for (const [value, weight] of choices) {
    if (u < weight) return value;
    u -= weight;
  }
  return choices.at(-1)![0];
}

function score(random: () => number, tendency: Tendency, shift: number): number {
  const probabilities = TENDENCIES[tendency];
  let value = pick(
    random,
    probabilities.map((p, i) => [i + 1, p] as const),
  );
  if (shift !== 0 && random() < Math.abs(shift)) value += Math.sign(shift);
  return Math.min(4, Math.max(1, value));
}

interface DemoResponse {
  service: ServiceRef;
  submittedAt: Date;
  scores: number[];
  profile: {
    gender: string | null;
    ageGroup: string | null;
    education: string | null;
    occupation: string | null;
  };
  suggestion: string | null;
  channel: 'ONLINE' | 'COUNTER';
}

/**
 * The id of the n-th demo response of a database: the same on every run over the same services (a
 * seed interrupted before the consumer recorded anything and run again re-sends the same ids,
 * which JetStream and the consumer's unique insert drop), but different for another database or a
 * recreated one (its services have new ids), since the stream's duplicate window is shared by every
 * deployment on the NATS server.
 */
export function demoResponseId(salt: string, index: number): string {
  const bytes = createHash('sha256').update(`sipadu-demo-skm|${salt}|${index}`).digest();
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The ongoing semester and the one before it, on the Pemda's calendar. */
export function demoSemesters(now: Date, timeZone: string): [PeriodView, PeriodView] {
  const { year, month } = calendarMonthOf(now, timeZone);
  const current = periodContaining(year, month, 'SEMESTER');
  return [previousPeriod(current), current];
}

/** Generates the demo answers (pure apart from the clock given). */
export function generateDemoResponses(
  services: readonly ServiceRef[],
  now: Date,
  timeZone: string,
): DemoResponse[] {
  const random = prng(20_170_014);
  const semesters = demoSemesters(now, timeZone);
  const perSemester = Math.max(
    8,
    Math.min(40, Math.round(TARGET_RESPONSES / (services.length * 2))),
  );
  const latest = now.getTime() - 10 * 60_000;
  const responses: DemoResponse[] = [];
  services.forEach((service, index) => {
    const tendency = TENDENCY_CYCLE[index % TENDENCY_CYCLE.length]!;
    semesters.forEach((semester, semesterIndex) => {
      const { start, end } = periodBounds(semester, timeZone);
      const from = start.getTime();
      const to = Math.min(end.getTime() - 1, latest);
      if (to <= from) return;
      // The earlier semester a little weaker: the trend shows an improvement.
      const drift = semesterIndex === 0 ? -0.12 : 0;
      const count = Math.round(perSemester * (0.7 + random() * 0.6));
      for (let i = 0; i < count; i += 1) {
        const profiled = random() < 0.85;
        const answer = <K extends keyof typeof PROFILE_CHOICES>(key: K) =>
          profiled && random() < 0.92 ? pick(random, PROFILE_CHOICES[key]) : null;
        responses.push({
          service,
          submittedAt: new Date(from + Math.floor(random() * (to - from))),
          scores: ELEMENT_SHIFT.map((shift) => score(random, tendency, shift + drift)),
          profile: {
            gender: answer('gender'),
            ageGroup: answer('ageGroup'),
            education: answer('education'),
            occupation: answer('occupation'),
          },
          suggestion:
            random() < 0.18 ? SUGGESTIONS[Math.floor(random() * SUGGESTIONS.length)]! : null,
          channel: random() < 0.6 ? 'ONLINE' : 'COUNTER',
        });
      }
    });
  });
  return responses.sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
}

/**
 * Loads the demo answers and populations; returns the number of responses published (0 when the
 * log already holds responses, no service is published, or an earlier run already sent them).
 * Does not wait for the consumer: the aggregates fill in the background within seconds.
 */
export async function seedDemoResponses(options: {
  responses: SurveyResponseService;
  standards: ServiceDirectory;
  populations: PopulationService;
  timeZone: string;
  logger: Logger;
  now?: Date;
}): Promise<number> {
  const { responses, standards, populations, timeZone, logger } = options;
  if (await responses.hasResponses()) return 0;
  const services = await standards.serviceRefs({ publishedOnly: true });
  if (services.length === 0) {
    logger.warn('tidak ada layanan terbit: demo jawaban SKM tidak dimuat');
    return 0;
  }
  const now = options.now ?? new Date();

  const random = prng(14_2017);
  const semesters = demoSemesters(now, timeZone);
  const sameYear = semesters[0].year === semesters[1].year;
  for (const service of services) {
    let year = 0;
    for (const semester of semesters) {
      const population = 300 + Math.floor(random() * 1_700);
      year += population;
      await populations.save(service, semester.key, population, null);
    }
    // The year's population too when both semesters fall in it (the results page shows years).
    if (sameYear) await populations.save(service, `${semesters[1].year}`, year, null);
  }

  const generated = generateDemoResponses(services, now, timeZone);
  let published = 0;
  const salt = [responses.databaseName, ...services.map((service) => service.id).sort()].join('|');
  for (const [index, response] of generated.entries()) {
    const { duplicate } = await responses.publish(
      {
        responseId: demoResponseId(salt, index),
        serviceId: response.service.id,
        serviceName: response.service.name,
        organizationCode: response.service.organizationCode,
        questionnaireVersion: CURRENT_QUESTIONNAIRE_VERSION,
        scores: response.scores,
        profile: response.profile,
        suggestion: response.suggestion,
        channel: response.channel,
        submittedAt: response.submittedAt.toISOString(),
      },
      { type: 'system', id: null, org: null },
    );
    if (!duplicate) published += 1;
  }

  return published;
}
