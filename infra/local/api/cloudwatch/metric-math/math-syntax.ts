/**
 * The syntax tree of a metric math expression, and the error every step of
 * parsing and evaluating throws: GetMetricData reports it as CloudWatch's
 * ValidationError, prefixed with the query's Id.
 */
export type MathNode =
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "string"; readonly value: string }
  /** A query Id, or a keyword argument (REPEAT, LINEAR). */
  | { readonly kind: "name"; readonly name: string }
  | { readonly kind: "call"; readonly name: string; readonly args: readonly MathNode[] }
  | { readonly kind: "negate"; readonly operand: MathNode }
  | { readonly kind: "binary"; readonly op: BinaryOperator; readonly left: MathNode; readonly right: MathNode };

export type BinaryOperator = "+" | "-" | "*" | "/" | "^";

export class MetricMathError extends Error {
  override readonly name = "MetricMathError";
}
