import 'server-only';
import type { CombinedError } from '@urql/core';
import { cache } from 'react';
import { graphql } from '@/gql';
import { errorMessage } from '@/graphql/error-message';
import { getClient } from '@/graphql/server-client';

const LoanProjectHeaderQuery = graphql(`
  query LoanProjectHeader($id: ID!) {
    loanProject(id: $id) {
      id
      code
      name
      fiscalYear
      stage
      organizationCode
      organizationName
      lenderOrganizationCode
      lenderName
      amount
      tenorMonths
      behindPlan
      viewerCanEdit
      viewerCanEditTechnical
      requirementSummary {
        total
        outstanding
        revisionRequested
      }
      availableActions {
        name
        label
        to
        requiresNote
        blockedReason
      }
    }
  }
`);

// Apart from the header: the thread comes from the notifications service through federation, and
// the page stays usable without its unread count when that service does not answer.
const LoanProjectThreadQuery = graphql(`
  query LoanProjectThread($id: ID!) {
    loanProject(id: $id) {
      id
      thread {
        id
        unreadCount
      }
    }
  }
`);

/** The project's correspondence thread (`LoanProject.thread`), or null when unknown. */
export async function loadProjectThread(
  id: string,
): Promise<{ id: string; unreadCount: number } | null> {
  const result = await getClient().query(
    LoanProjectThreadQuery,
    { id },
    { requestPolicy: 'network-only' },
  );
  return result.data?.loanProject?.thread ?? null;
}

const hasCode = (error: CombinedError | undefined, code: string) =>
  error?.graphQLErrors.some((item) => item.extensions?.code === code) ?? false;

/**
 * The project's header, once per request (the page and its metadata share it). A FORBIDDEN answer
 * is told apart so the page can answer 403 rather than showing an empty project.
 */
export const loadProjectHeader = cache(async (id: string) => {
  const result = await getClient().query(
    LoanProjectHeaderQuery,
    { id },
    { requestPolicy: 'network-only' },
  );
  return {
    project: result.data?.loanProject ?? null,
    forbidden: hasCode(result.error, 'FORBIDDEN'),
    error: errorMessage(result.error),
  };
});

export type ProjectHeader = NonNullable<Awaited<ReturnType<typeof loadProjectHeader>>['project']>;

/** A date-only value ("2025-06-30") shown as a calendar date, whatever the time zone. */
export function dateOnly(value: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
}

/** Today in the Pemda's time zone (Asia/Jakarta, UTC+7), YYYY-MM-DD. */
export function todayInJakarta(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}
