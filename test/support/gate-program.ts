import { createClient, createProgram, unwrap } from '../../src/app/create-records.js';
import type { Actor } from '../../src/app/deps.js';
import type { PlainDate } from '../../src/domain/plain-date.js';
import type { Program } from '../../src/domain/program.js';
import type { TestApp } from './app.js';

/** The people of the gate tests' program, each holding one role on it (the app's actor is its cadence owner). */
export interface GateCast {
  readonly cadence: Actor;
  /** Decision owner. */
  readonly jonas: Actor;
  /** Quality owner. */
  readonly sophie: Actor;
  /** Contributor: the supplier's contact, who owns the supplier's checklist items. */
  readonly li: Actor;
  /** Observer. */
  readonly alex: Actor;
  readonly program: Program;
}

/**
 * The kettle program KHG-KW500 (Ningbo, Asia/Shanghai) made from the default four-gate template with its
 * plan laid out from 16 March 2026, and one person in each role, as the gate, evidence and notification
 * tests use it.
 */
export async function kettleGateProgram(t: TestApp): Promise<GateCast> {
  const cadence = t.actor;
  const jonas = await t.addPerson({ email: 'jonas.keller@example.test', name: 'Jonas Keller' });
  const sophie = await t.addPerson({ email: 'sophie.brandt@example.test', name: 'Sophie Brandt' });
  const li = await t.addPerson({ email: 'li.wei@example.test', name: '李伟' });
  const alex = await t.addPerson({ email: 'alex.moreno@example.test', name: 'Alex Moreno' });
  const client = unwrap(await createClient(t.deps, { actor: t.admin, name: 'Keller Haushaltsgeräte GmbH', country: 'de' }));
  const program = unwrap(
    await createProgram(t.deps, {
      actor: t.admin,
      code: 'KHG-KW500',
      name: 'Kettle KW500',
      clientId: client.id,
      supplierName: 'Ningbo Lisheng Electric Appliance',
      factoryCity: 'Ningbo',
      factoryCountry: 'cn',
      timeZone: 'Asia/Shanghai',
      ownerId: cadence.id,
      owners: {
        cadence_owner: [cadence.id],
        decision_owner: [jonas.id],
        quality_owner: [sophie.id],
        contributor: [li.id],
        observer: [alex.id],
      },
      planStart: '2026-03-16' as PlainDate,
    }),
  );
  return { cadence, jonas, sophie, li, alex, program };
}
