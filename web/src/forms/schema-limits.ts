import type { z } from 'zod';

/** The little of zod's internals needed to walk a schema to a field and read its bounds. */
interface Node {
  _zod: {
    def: { type: string; innerType?: Node; in?: Node; out?: Node; shape?: Record<string, Node>; element?: Node };
  };
  // zod's own getters: characters of a string, the range of a number.
  minLength?: unknown;
  maxLength?: unknown;
  minValue?: unknown;
  maxValue?: unknown;
}

/** A bound worth putting on a control: finite and not merely the safe-integer range of `.int()`. */
const isBound = (v: unknown): v is number => typeof v === 'number' && Math.abs(v) < Number.MAX_SAFE_INTEGER;

const wrappers = new Set(['optional', 'nullable', 'default', 'prefault', 'nonoptional', 'readonly', 'catch']);

function unwrap(node: Node): Node {
  let n = node;
  for (;;) {
    const def = n._zod.def;
    if (wrappers.has(def.type) && def.innerType) n = def.innerType;
    // A form's pipe turns the control's text into what the contract checks: the contract's side has the bounds.
    else if (def.type === 'pipe' && def.out && def.in) n = def.out._zod.def.type === 'transform' ? def.in : def.out;
    else return n;
  }
}

export interface Limits {
  min?: number;
  max?: number;
}

/** The bounds the contract sets on a field (characters of a text, or a number's range), for the control's own attributes. */
export function limitsOf(schema: z.ZodType, path: string): Limits {
  let node: Node | undefined = schema as unknown as Node;
  for (const part of path.split('.')) {
    if (!node) return {};
    const def: Node['_zod']['def'] = unwrap(node)._zod.def;
    node = def.type === 'object' ? def.shape?.[part] : def.type === 'array' ? def.element : undefined;
  }
  if (!node) return {};
  const leaf = unwrap(node);
  const min = leaf._zod.def.type === 'string' ? leaf.minLength : leaf.minValue;
  const max = leaf._zod.def.type === 'string' ? leaf.maxLength : leaf.maxValue;
  const limits: Limits = {};
  if (isBound(min)) limits.min = min;
  if (isBound(max)) limits.max = max;
  return limits;
}
