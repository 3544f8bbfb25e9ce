import { z } from 'zod';
import type { OperationContract } from '../contract/operation.js';
import { type OperationInput, type OperationName, type OperationOutput, operations } from '../contract/operations.js';
import { type FieldProblem, ok, type Result, refuse } from '../domain/result.js';
import type { Binding, OperationContext } from './binding.js';
import { bindings } from './bindings.js';

const slots = ['params', 'query', 'body'] as const;

/**
 * Runs an operation in-process as the HTTP API does for a request: the contract's schemas read the
 * input (refusing it as VALIDATION_FAILED, field by field), the binding answers, and the response
 * schema encodes the answer, so the document is the one the API would send.
 */
export async function runOperation<K extends OperationName>(
  ctx: OperationContext,
  name: K,
  input: OperationInput<K>,
): Promise<Result<OperationOutput<K>>> {
  const op: OperationContract = operations[name];
  const given = input as Partial<Record<(typeof slots)[number], unknown>>;
  const parsed: Record<string, unknown> = { params: undefined, query: undefined, body: undefined };
  const faults: FieldProblem[] = [];
  for (const slot of slots) {
    const schema = op[slot];
    if (!schema) continue;
    // As over HTTP, where a request without a query string has an empty one.
    const r = schema.safeParse(slot === 'query' ? (given.query ?? {}) : given[slot]);
    if (r.success) parsed[slot] = r.data;
    else faults.push(...r.error.issues.map((i) => ({ path: i.path.join('.') || slot, message: i.message })));
  }
  if (faults.length) return refuse('VALIDATION_FAILED', faults.map((f) => `${f.path}: ${f.message}`).join('; '), faults);
  const binding = bindings[name] as Binding<OperationName>;
  const r = await binding(ctx, parsed as never);
  if (!r.ok) return r;
  // An answer its own schema refuses is a bug, as it is a 500 over HTTP.
  return ok(z.encode(op.response, r.value) as OperationOutput<K>);
}
