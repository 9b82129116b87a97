/**
 * The metric math parser against generated input: any text is a tree or a
 * MetricMathError (never a crash or a stack overflow), and an expression
 * printed with as few parentheses as precedence allows evaluates as the tree
 * it was printed from.
 */
import fc from "fast-check";
import { expect, test } from "vitest";
import { anyText } from "@/test-support/form-arbitraries";
import { checkProperty } from "@/test-support/fuzz";
import { evaluateExpression, type MathScope } from "./evaluate-expression";
import { type BinaryOperator, type MathNode, MetricMathError } from "./math-syntax";
import type { TimeSeries } from "./math-values";
import { parseExpression } from "./parse-expression";

const MINUTE = 60_000;
const IDS = ["m1", "m2", "errors_1"] as const;

const seriesArb: fc.Arbitrary<TimeSeries> = fc
  .uniqueArray(fc.integer({ min: 0, max: 9 }), { maxLength: 10 })
  .chain((minutes) =>
    fc.record({
      label: fc.constant("m"),
      periodMs: fc.constant(MINUTE),
      timestamps: fc.constant([...minutes].sort((a, b) => a - b).map((m) => m * MINUTE)),
      values: fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), {
        minLength: minutes.length,
        maxLength: minutes.length,
      }),
    }),
  );

const scopeOf = (series: readonly TimeSeries[]): MathScope => ({
  startMs: 0,
  endMs: 10 * MINUTE,
  byId: (id) => {
    const index = IDS.indexOf(id as (typeof IDS)[number]);
    if (index < 0) throw new MetricMathError(`Unknown Id ${id}.`);
    return { kind: "series", series: series[index] as TimeSeries };
  },
  metrics: () => IDS.map((id, k) => ({ id, series: series[k] as TimeSeries })),
});

const leaf: fc.Arbitrary<MathNode> = fc.oneof(
  fc.double({ min: 0, max: 1e9, noNaN: true }).map((value) => ({ kind: "number" as const, value })),
  fc.constantFrom(...IDS).map((name) => ({ kind: "name" as const, name })),
);

const { tree } = fc.letrec<{ tree: MathNode }>((tie) => ({
  tree: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.record({
      kind: fc.constant("binary" as const),
      op: fc.constantFrom<BinaryOperator>("+", "-", "*", "/", "^"),
      left: tie("tree"),
      right: tie("tree"),
    }),
    fc.record({ kind: fc.constant("negate" as const), operand: tie("tree") }),
    fc.record({
      kind: fc.constant("call" as const),
      name: fc.constantFrom("SUM", "AVG", "MIN", "MAX", "ABS", "RATE"),
      args: tie("tree").map((arg) => [arg]),
    }),
    fc.record({
      kind: fc.constant("call" as const),
      name: fc.constant("FILL"),
      args: fc.tuple(
        tie("tree"),
        fc.constantFrom<MathNode>({ kind: "name", name: "REPEAT" }, { kind: "number", value: 0 }),
      ),
    }),
  ),
}));

/** Binding strength as the parser sees it: + - < * / < unary minus < ^ < a number, Id or call. */
function strength(node: MathNode): number {
  if (node.kind === "binary") return node.op === "^" ? 4 : node.op === "*" || node.op === "/" ? 2 : 1;
  return node.kind === "negate" ? 3 : 5;
}

function print(node: MathNode, space: string): string {
  const wrap = (child: MathNode, parens: boolean) => (parens ? `(${print(child, space)})` : print(child, space));
  switch (node.kind) {
    case "number":
      return String(node.value);
    case "string":
      return JSON.stringify(node.value);
    case "name":
      return node.name;
    case "call":
      return `${node.name}(${node.args.map((a) => print(a, space)).join(`,${space}`)})`;
    case "negate":
      return `-${wrap(node.operand, strength(node.operand) < 3)}`;
    case "binary": {
      const mine = strength(node);
      // ^ is right-associative and takes a unary minus on its right; the others are left-associative.
      const left = node.op === "^" ? strength(node.left) <= mine : strength(node.left) < mine;
      const right = node.op === "^" ? strength(node.right) < 3 : strength(node.right) <= mine;
      return `${wrap(node.left, left)}${space}${node.op}${space}${wrap(node.right, right)}`;
    }
  }
}

/** Only MetricMathError may escape: anything else (TypeError, RangeError) is a bug. */
function outcome(run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    if (error instanceof MetricMathError) return { refused: error.message };
    throw error;
  }
}

test("any text parses to a tree or is refused with a MetricMathError, and so does evaluating the tree", async () => {
  const grammarText = fc
    .array(
      fc.constantFrom(
        "m1",
        "m2",
        "SUM",
        "METRICS",
        "FILL",
        "IF",
        "(",
        ")",
        ",",
        "+",
        "-",
        "*",
        "/",
        "^",
        "<",
        "1",
        "2.5",
        '"m"',
        " ",
        "REPEAT",
        "AND",
      ),
      { maxLength: 40 },
    )
    .map((parts) => parts.join(""));
  await checkProperty(
    "metric math: any text",
    fc.property(fc.oneof(anyText, grammarText), fc.array(seriesArb, { minLength: 3, maxLength: 3 }), (text, series) => {
      const parsed = outcome(() => parseExpression(text));
      if (typeof parsed === "object" && parsed !== null && "refused" in parsed) return;
      outcome(() => evaluateExpression(parsed as MathNode, scopeOf(series)));
    }),
  );
});

test("an expression printed with the fewest parentheses evaluates as the tree it came from", async () => {
  await checkProperty(
    "metric math: printed expressions",
    fc.property(
      tree,
      fc.constantFrom("", " ", "  "),
      fc.array(seriesArb, { minLength: 3, maxLength: 3 }),
      (node, space, series) => {
        const scope = scopeOf(series);
        const text = print(node, space);
        expect(outcome(() => evaluateExpression(parseExpression(text), scope))).toEqual(
          outcome(() => evaluateExpression(node, scope)),
        );
      },
    ),
  );
});
