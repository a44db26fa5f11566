/** Comments already known (from a GraphQL query): bodies, and whether they are all of them. */
export interface KnownComments {
  bodies: readonly string[];
  complete: boolean;
}
