import { type BinaryOperator, type MathNode, MetricMathError } from "./math-syntax";

/**
 * A hand-written recursive-descent parser for metric math: numbers, strings,
 * query Ids, function calls, unary minus, + - * / and ^ (right-associative,
 * binding tighter than unary minus), with parentheses. CloudWatch's
 * comparison and logical operators are recognised only to be refused by
 * name. Nesting is bounded so a hostile expression cannot exhaust the stack.
 */

type Token =
  | { readonly kind: "number"; readonly value: number; readonly at: number }
  | { readonly kind: "string"; readonly value: string; readonly at: number }
  | { readonly kind: "name"; readonly value: string; readonly at: number }
  | { readonly kind: "symbol"; readonly value: string; readonly at: number }
  | { readonly kind: "end"; readonly at: number };

const MAX_DEPTH = 64;
const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
/** Longest first, so `<=` is not read as `<` then `=`. */
const SYMBOLS = ["<=", ">=", "!=", "==", "&&", "||", "(", ")", ",", "+", "-", "*", "/", "^", "<", ">", "=", "!"];
const UNSUPPORTED_OPERATORS = new Set(["<=", ">=", "!=", "==", "&&", "||", "<", ">", "=", "!", "AND", "OR", "NOT"]);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const rest = text.slice(at);
    const space = /^\s+/.exec(rest);
    if (space) {
      at += space[0].length;
      continue;
    }
    const number = NUMBER.exec(rest);
    if (number) {
      tokens.push({ kind: "number", value: Number(number[0]), at });
      at += number[0].length;
      continue;
    }
    const name = NAME.exec(rest);
    if (name) {
      tokens.push({ kind: "name", value: name[0], at });
      at += name[0].length;
      continue;
    }
    if (rest[0] === '"' || rest[0] === "'") {
      const close = rest.indexOf(rest[0], 1);
      if (close < 0) throw new MetricMathError(`Unterminated string starting at position ${at + 1}.`);
      tokens.push({ kind: "string", value: rest.slice(1, close), at });
      at += close + 1;
      continue;
    }
    const symbol = SYMBOLS.find((s) => rest.startsWith(s));
    if (symbol === undefined) throw new MetricMathError(`Unexpected character '${rest[0]}' at position ${at + 1}.`);
    tokens.push({ kind: "symbol", value: symbol, at });
    at += symbol.length;
  }
  tokens.push({ kind: "end", at });
  return tokens;
}

export function parseExpression(text: string): MathNode {
  const tokens = tokenize(text);
  let index = 0;
  let depth = 0;
  const peek = (): Token => tokens[index] as Token;
  const isSymbol = (value: string): boolean => {
    const token = peek();
    return token.kind === "symbol" && token.value === value;
  };
  const whereIs = (token: Token): string =>
    token.kind === "end" ? "the end of the expression" : `'${token.value}' at position ${token.at + 1}`;
  const unexpected = (token: Token): MetricMathError =>
    new MetricMathError(token.kind === "end" ? "The expression ends too early." : `Unexpected ${whereIs(token)}.`);
  const expect = (value: string): void => {
    if (!isSymbol(value)) throw new MetricMathError(`Expected '${value}' but found ${whereIs(peek())}.`);
    index++;
  };
  const nested = <T>(parse: () => T): T => {
    if (++depth > MAX_DEPTH) throw new MetricMathError(`The expression nests deeper than ${MAX_DEPTH} levels.`);
    try {
      return parse();
    } finally {
      depth--;
    }
  };

  const binaryLevel = (operators: readonly BinaryOperator[], next: () => MathNode) => (): MathNode => {
    let left = next();
    for (;;) {
      const token = peek();
      const op = operators.find((o) => token.kind === "symbol" && token.value === o);
      if (op === undefined) return left;
      index++;
      left = { kind: "binary", op, left, right: next() };
    }
  };

  const primary = (): MathNode => {
    const token = peek();
    index++;
    switch (token.kind) {
      case "number":
        return { kind: "number", value: token.value };
      case "string":
        return { kind: "string", value: token.value };
      case "name": {
        if (UNSUPPORTED_OPERATORS.has(token.value)) throw unsupportedOperator(token.value);
        if (!isSymbol("(")) return { kind: "name", name: token.value };
        index++;
        const args: MathNode[] = [];
        if (!isSymbol(")")) {
          do args.push(nested(additive));
          while (isSymbol(",") && ++index);
        }
        expect(")");
        return { kind: "call", name: token.value, args };
      }
      case "symbol":
        if (token.value === "(") {
          const inner = nested(additive);
          expect(")");
          return inner;
        }
        if (UNSUPPORTED_OPERATORS.has(token.value)) throw unsupportedOperator(token.value);
        break;
    }
    throw unexpected(token);
  };

  const power = (): MathNode => {
    const base = primary();
    if (!isSymbol("^")) return base;
    index++;
    return { kind: "binary", op: "^", left: base, right: nested(unary) };
  };

  const unary = (): MathNode => {
    if (isSymbol("-")) {
      index++;
      return { kind: "negate", operand: nested(unary) };
    }
    if (isSymbol("+")) {
      index++;
      return nested(unary);
    }
    return power();
  };

  const multiplicative = binaryLevel(["*", "/"], unary);
  const additive: () => MathNode = binaryLevel(["+", "-"], multiplicative);

  const tree = additive();
  const last = peek();
  if (last.kind !== "end") {
    if ((last.kind === "symbol" || last.kind === "name") && UNSUPPORTED_OPERATORS.has(last.value))
      throw unsupportedOperator(last.value);
    throw unexpected(last);
  }
  return tree;
}

function unsupportedOperator(operator: string): MetricMathError {
  return new MetricMathError(
    `The operator ${operator} is not supported by the local CloudWatch; use + - * / ^ and the functions SUM, AVG, MIN, MAX, METRICS, RATE, FILL and ABS.`,
  );
}
