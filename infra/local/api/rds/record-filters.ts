import { commonErrors } from "../common-errors";

/** How each filter name RDS documents for a Describe call matches one record against one value. */
export type FilterMatchers<T> = Record<string, (record: T, value: string) => boolean>;

/**
 * A Describe call's `Filters` as one predicate: values of one filter are
 * alternatives, separate filters must all match; a name the call does not
 * document is InvalidParameterValue, as RDS answers.
 */
export function filtersPredicate<T>(
  filters: readonly { Name: string; Values: string[] }[] | undefined,
  matchers: FilterMatchers<T>,
): (record: T) => boolean {
  const checks = (filters ?? []).map((f) => {
    const matcher = matchers[f.Name];
    if (!matcher) throw commonErrors.invalidParameterValue(`Unrecognized filter name: ${f.Name}`);
    return (record: T) => f.Values.some((v) => matcher(record, v));
  });
  return (record) => checks.every((check) => check(record));
}

/** Key order for paging: plain code-unit comparison, as the markers expect. */
export const compareKeys = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
