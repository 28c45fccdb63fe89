import type { Resolvers } from '../generated/graphql.js';

/** The data set registry and open-data catalog (thin: the service applies the reader rules). */
export const dataSetResolvers: Resolvers = {
  Query: {
    dataSets: (_root, _args, { principal, services }) => services.dataSets.list(principal),
    dataSet: (_root, { id }, { principal, services }) => services.dataSets.get(principal, id),
  },
  Mutation: {
    updateDataSet: (_root, { id, input }, { principal, services }) =>
      services.dataSets.update(principal, id, input),
  },
};
