// Recompute check of the IKM aggregates (issue 7, item 3): rebuilds every aggregate of the
// surveys database from the raw responses, prints those that differ from the stored ones and,
// with `--apply`, rewrites them. Reads MONGO_URL, MONGO_DATABASE (default sipadu_surveys) and
// TZ_PEMDA like the service. Exit code 0 = aggregates agree (or were repaired), 1 = mismatches
// left, 2 = could not run.
//
// Usage: npm run surveys:recompute [-- --apply]
import { connectMongo, createLogger } from '@sipadu/service-kit';
import { surveysEnvironment } from '../services/surveys/src/environment.js';
import { AggregationService } from '../services/surveys/src/services/aggregation.service.js';
import { QuestionnaireService } from '../services/surveys/src/services/questionnaire.service.js';

const apply = process.argv.includes('--apply');
const env = surveysEnvironment({ LOG_LEVEL: 'warn', ...process.env });
const logger = createLogger('surveys-recompute', env.LOG_LEVEL);

try {
  const connection = await connectMongo(env.MONGO_URL, 'surveys', env.MONGO_DATABASE);
  try {
    const questionnaire = new QuestionnaireService(connection);
    const aggregation = new AggregationService({
      connection,
      questionnaire,
      timeZone: env.TZ_PEMDA,
      logger,
    });
    const result = await aggregation.recompute({ apply });
    console.log(
      `${connection.name}: ${result.responses} jawaban, ${result.aggregates} agregat, ` +
        `${result.mismatches.length} berbeda${apply ? ' (ditulis ulang)' : ''}`,
    );
    for (const mismatch of result.mismatches) {
      console.log(
        `\n${mismatch.key}\n  tersimpan: ${mismatch.stored}\n  hitung ulang: ${mismatch.recomputed}`,
      );
    }
    if (result.mismatches.length > 0 && !apply)
      console.log('\nJalankan dengan --apply untuk menulis ulang agregat yang berbeda.');
    process.exitCode = result.mismatches.length > 0 && !apply ? 1 : 0;
  } finally {
    await connection.close();
  }
} catch (err) {
  console.error('hitung ulang agregat gagal:', err instanceof Error ? err.message : err);
  process.exitCode = 2;
}
