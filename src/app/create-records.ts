import type { Result } from '../domain/result.js';

// Set-up use cases live in app/setup/; the demo loader and tests import them from here too.
export { createClient } from './setup/clients.js';
export { type CreateProgramInput, createProgram } from './setup/programs.js';

export const unwrap = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};
