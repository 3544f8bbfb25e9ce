import type { OperationName } from '../contract/operations.js';
import { actionBindings } from './actions.js';
import type { Binding } from './binding.js';
import { calendarBindings } from './calendar.js';
import { charterBindings } from './charter.js';
import { decisionBindings } from './decisions.js';
import { escalationBindings } from './escalations.js';
import { floorEventBindings } from './floor-events.js';
import { gateBindings } from './gates.js';
import { intakeBindings } from './intake.js';
import { notificationBindings } from './notifications.js';
import { peopleBindings } from './people.js';
import { planBindings } from './plan.js';
import { portfolioBindings } from './portfolio.js';
import { programBindings } from './programs.js';
import { reportBindings } from './reports.js';
import { riskBindings } from './risks.js';
import { samplingBindings } from './sampling.js';
import { searchBindings } from './search.js';
import { setupBindings } from './setup.js';
import { templateBindings } from './templates.js';
import { updateRequestBindings } from './update-requests.js';

/** The server side of every operation of the contract's table; the type refuses a missing one. */
export const bindings: { readonly [K in OperationName]: Binding<K> } = {
  ...programBindings,
  ...planBindings,
  ...calendarBindings,
  ...charterBindings,
  ...decisionBindings,
  ...actionBindings,
  ...peopleBindings,
  ...riskBindings,
  ...setupBindings,
  ...searchBindings,
  ...templateBindings,
  ...gateBindings,
  ...intakeBindings,
  ...notificationBindings,
  ...samplingBindings,
  ...floorEventBindings,
  ...escalationBindings,
  ...reportBindings,
  ...updateRequestBindings,
  ...portfolioBindings,
};
