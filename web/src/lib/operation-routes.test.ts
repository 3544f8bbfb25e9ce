import { describe, expect, it } from 'vitest';
import { operations } from '../../../src/contract/operations.js';
import { operationRoutes } from './operation-routes.js';
import written from './operation-routes.ts?raw';
import { operationRoutesSource } from './operation-routes-source.js';

describe('the web client’s route table', () => {
  it('is the contract table’s methods and paths, as `npm run routes` writes it', () => {
    expect(written, 'web/src/lib/operation-routes.ts is out of date: run `npm run routes`').toBe(operationRoutesSource());
    expect(Object.keys(operationRoutes).sort()).toEqual(Object.keys(operations).sort());
    for (const [name, op] of Object.entries(operations)) {
      expect(operationRoutes[name as keyof typeof operationRoutes], name).toEqual({ method: op.method, path: op.path });
    }
  });
});
