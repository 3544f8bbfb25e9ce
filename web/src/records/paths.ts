const program = (code: string) => `/programs/${encodeURIComponent(code)}`;

/** Where each kind of record is shown: links from "My week", the portfolio and between records. */
export const paths = {
  program,
  milestone: (code: string, key: string) => `${program(code)}#${encodeURIComponent(key)}`,
  plan: (code: string) => `${program(code)}/plan`,
  decisions: (code: string) => `${program(code)}/decisions`,
  decision: (code: string, key: string) => `${program(code)}/decisions/${encodeURIComponent(key)}`,
  risks: (code: string) => `${program(code)}/risks`,
  risk: (code: string, key: string) => `${program(code)}/risks/${encodeURIComponent(key)}`,
  actions: (code: string) => `${program(code)}/actions`,
  action: (code: string, key: string) => `${program(code)}/actions#${encodeURIComponent(key)}`,
  calendar: (code: string) => `${program(code)}/calendar`,
  charter: (code: string) => `${program(code)}/charter`,
  /** This week's report draft (the page finds the week from the program's today). */
  report: (code: string) => `${program(code)}/reports`,
  floor: (code: string) => `${program(code)}/floor`,
  floorEvent: (code: string, key: string) => `${program(code)}/floor#${encodeURIComponent(key)}`,
  escalations: (code: string) => `${program(code)}/escalations`,
  escalation: (code: string, key: string) => `${program(code)}/escalations#${encodeURIComponent(key)}`,
  changes: (code: string) => `${program(code)}/changes`,
  gates: (code: string) => `${program(code)}/gates`,
  gate: (code: string, gateKey: string) => `${program(code)}/gates/${encodeURIComponent(gateKey)}`,
  gatePack: (code: string, gateKey: string) => `${program(code)}/gates/${encodeURIComponent(gateKey)}/pack`,
  checklistItem: (code: string, gateKey: string, itemKey: string) =>
    `${program(code)}/gates/${encodeURIComponent(gateKey)}#${encodeURIComponent(itemKey)}`,
};
