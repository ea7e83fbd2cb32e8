/**
 * Reads the map's own style (src/map/style.ts) for the static picture: a small evaluator for the
 * expressions the style uses (get, match, interpolate and step on zoom, coalesce…), so widths,
 * colours, filters and text sizes come from one place and the picture cannot drift from the map.
 * An expression it does not know throws, and a unit test evaluates every layer of the style, so a
 * new operator in the style fails the tests rather than the picture.
 */

export interface EvalContext {
  zoom: number;
  properties: Readonly<Record<string, unknown>>;
  /** Feature state (MapLibre's `feature-state`), e.g. a place's event state. */
  state?: Readonly<Record<string, unknown>>;
}

export class UnsupportedExpression extends Error {}

const OPERATORS = new Set([
  'get',
  'literal',
  'zoom',
  'feature-state',
  'coalesce',
  'match',
  'interpolate',
  'step',
  'in',
  'all',
  'any',
  '!',
  '==',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  '*',
  '+',
  '-',
  '/',
  'sqrt',
]);

/** True for an expression, false for a literal array such as a dash pattern or a font stack. */
export function isExpression(value: unknown): value is unknown[] {
  return Array.isArray(value) && typeof value[0] === 'string' && OPERATORS.has(value[0]);
}

const num = (v: unknown): number => (typeof v === 'number' ? v : Number.NaN);

function interpolate(expr: unknown[], ctx: EvalContext): unknown {
  const [, kind, input] = expr;
  if (!Array.isArray(kind) || (kind[0] !== 'linear' && kind[0] !== 'exponential'))
    throw new UnsupportedExpression(`interpolate ${JSON.stringify(kind)}`);
  const base = kind[0] === 'exponential' ? num(kind[1]) : 1;
  const x = num(evaluate(input, ctx));
  const stops: [number, unknown][] = [];
  for (let i = 3; i + 1 < expr.length; i += 2) stops.push([num(expr[i]), expr[i + 1]]);
  const first = stops[0];
  const last = stops[stops.length - 1];
  if (!first || !last) throw new UnsupportedExpression('interpolate without stops');
  if (x <= first[0]) return evaluate(first[1], ctx);
  if (x >= last[0]) return evaluate(last[1], ctx);
  for (let i = 1; i < stops.length; i++) {
    const [x1, v1] = stops[i] as [number, unknown];
    const [x0, v0] = stops[i - 1] as [number, unknown];
    if (x <= x1) {
      const d = x1 - x0;
      const t = base === 1 ? (x - x0) / d : (base ** (x - x0) - 1) / (base ** d - 1);
      const a = num(evaluate(v0, ctx));
      const b = num(evaluate(v1, ctx));
      return a + (b - a) * t;
    }
  }
  return evaluate(last[1], ctx);
}

function step(expr: unknown[], ctx: EvalContext): unknown {
  const x = num(evaluate(expr[1], ctx));
  let out = expr[2];
  for (let i = 3; i + 1 < expr.length; i += 2) {
    if (x >= num(expr[i])) out = expr[i + 1];
    else break;
  }
  return evaluate(out, ctx);
}

function match(expr: unknown[], ctx: EvalContext): unknown {
  const input = evaluate(expr[1], ctx);
  for (let i = 2; i + 1 < expr.length - 1; i += 2) {
    const label = expr[i];
    if (Array.isArray(label) ? label.includes(input) : label === input) return evaluate(expr[i + 1], ctx);
  }
  return evaluate(expr[expr.length - 1], ctx);
}

function compare(op: string, a: unknown, b: unknown): boolean {
  switch (op) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return num(a) < num(b);
    case '<=':
      return num(a) <= num(b);
    case '>':
      return num(a) > num(b);
    default:
      return num(a) >= num(b);
  }
}

/** The value of a style expression (or a literal) for one feature at one zoom. */
export function evaluate(expr: unknown, ctx: EvalContext): unknown {
  if (!isExpression(expr)) return expr;
  const op = expr[0] as string;
  const arg = (i: number) => evaluate(expr[i], ctx);
  switch (op) {
    case 'get':
      return ctx.properties[String(arg(1))] ?? null;
    case 'literal':
      return expr[1];
    case 'zoom':
      return ctx.zoom;
    case 'feature-state':
      return ctx.state?.[String(arg(1))] ?? null;
    case 'coalesce':
      for (let i = 1; i < expr.length; i++) {
        const v = arg(i);
        if (v !== null && v !== undefined) return v;
      }
      return null;
    case 'match':
      return match(expr, ctx);
    case 'interpolate':
      return interpolate(expr, ctx);
    case 'step':
      return step(expr, ctx);
    case 'in': {
      const haystack = arg(2);
      const needle = arg(1);
      return Array.isArray(haystack) ? haystack.includes(needle) : String(haystack).includes(String(needle));
    }
    case 'all':
      return expr.slice(1).every((_, i) => arg(i + 1) === true);
    case 'any':
      return expr.slice(1).some((_, i) => arg(i + 1) === true);
    case '!':
      return arg(1) !== true;
    case '*':
      return expr.slice(1).reduce<number>((p, _, i) => p * num(arg(i + 1)), 1);
    case '+':
      return expr.slice(1).reduce<number>((p, _, i) => p + num(arg(i + 1)), 0);
    case '-':
      return expr.length === 2 ? -num(arg(1)) : num(arg(1)) - num(arg(2));
    case '/':
      return num(arg(1)) / num(arg(2));
    case 'sqrt':
      return Math.sqrt(num(arg(1)));
    default:
      return compare(op, arg(1), arg(2));
  }
}

export const evalNumber = (expr: unknown, ctx: EvalContext, fallback: number): number => {
  const v = evaluate(expr, ctx);
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
};

export const evalString = (expr: unknown, ctx: EvalContext, fallback: string): string => {
  const v = evaluate(expr, ctx);
  return typeof v === 'string' ? v : fallback;
};

/** Whether a layer's filter keeps a feature; MapLibre evaluates filters at the tile's whole zoom. */
export function passesFilter(filter: unknown, ctx: EvalContext): boolean {
  if (filter === undefined) return true;
  return evaluate(filter, { ...ctx, zoom: Math.floor(ctx.zoom) }) === true;
}
