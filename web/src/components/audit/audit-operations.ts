import { graphql } from '@/gql';

/** Walks the whole hash chain on the server (super-admin only; the service checks). */
export const VerifyAuditChainQuery = graphql(`
  query VerifyAuditChain {
    verifyAuditChain {
      ok
      checked
      firstBrokenSequence
      reason
    }
  }
`);
