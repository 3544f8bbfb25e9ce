/** Layer rules of ARCHITECTURE.md, enforced in `npm run check`. Imports point inward. */
const layer = (name) => `^src/${name}/`;
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'domain/ is pure rules: it imports no other layer, no Node built-ins and only small pure libraries.',
      severity: 'error',
      from: { path: layer('domain') },
      to: {
        pathNot: ['^src/domain/', '^node_modules/(luxon|date-holidays|chinese-days)/', '^node_modules/@types/luxon/'],
      },
    },
    {
      name: 'app-depends-on-domain-only',
      comment: 'use cases depend on domain/ and their own ports, not on storage, HTTP, CLI or wiring.',
      severity: 'error',
      from: { path: layer('app') },
      to: { path: ['^src/(store|http|cli|jobs|main|config|contract|web|charts|pdf)/', '^web/'] },
    },
    {
      name: 'charts-are-pure',
      comment:
        'charts/ turns its input into SVG text: it imports only itself, domain/ types and ECharts; no I/O, no clock, no other layer.',
      severity: 'error',
      from: { path: layer('charts') },
      to: { pathNot: ['^src/charts/', '^src/domain/', '^node_modules/(echarts|zrender|tslib)/'] },
    },
    {
      name: 'pdf-is-presentation',
      comment:
        'pdf/ turns a plain view into PDF bytes: it imports only itself, domain/ types, pdfkit, luxon and the module resolver that finds its font files; no store, HTTP, clock or other layer.',
      severity: 'error',
      from: { path: layer('pdf') },
      to: { pathNot: ['^src/pdf/', '^src/domain/', '^node_modules/(pdfkit|@types/pdfkit|luxon|@types/luxon)/', '^(node:)?module$'] },
    },
    {
      name: 'contract-is-browser-safe',
      comment: 'contract/ is shared with the browser: zod schemas over domain types only.',
      severity: 'error',
      from: { path: layer('contract') },
      to: { pathNot: ['^src/contract/', '^src/domain/', '^node_modules/zod/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'store-implements-ports',
      comment: 'store/ implements app ports; it never reaches up into HTTP, CLI, jobs or wiring.',
      severity: 'error',
      from: { path: layer('store') },
      to: { path: '^src/(http|cli|jobs|main|web)/' },
    },
    {
      name: 'only-main-wires-store',
      comment: 'http/, cli/ and jobs/ reach the database only through app/; main/ is the one place that opens the store.',
      severity: 'error',
      from: { path: '^src/(http|cli|jobs|present|bindings)/' },
      to: { path: ['^src/store/', '^src/main/'] },
    },
    {
      name: 'edges-do-not-cross',
      comment: 'http/, cli/ and jobs/ are separate edges and do not import each other.',
      severity: 'error',
      from: { path: '^src/(http|cli|jobs)/' },
      to: { path: '^src/(http|cli|jobs)/', pathNot: '^src/$1/' },
    },
    {
      name: 'web-imports-contract-and-domain-only',
      comment: 'the browser bundle may import the contract and browser-safe domain code, nothing server-side.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^src/(app|store|http|cli|jobs|main|config|charts|pdf)/' },
    },
    {
      name: 'present-maps-views-only',
      comment: 'present/ turns use-case views into contract JSON: it imports app, contract and domain, no edge or store.',
      severity: 'error',
      from: { path: layer('present') },
      to: { path: '^src/(store|http|cli|jobs|main|config|web)/' },
    },
    {
      name: 'bindings-run-use-cases-only',
      comment:
        'bindings/ is the server side of the operation table: a use case call and its presenter per operation, shared by http/ and cli/; it imports app, present, contract and domain, no edge or store.',
      severity: 'error',
      from: { path: layer('bindings') },
      to: { path: '^src/(store|http|cli|jobs|main|config|web|charts|pdf)/' },
    },
    {
      name: 'jobs-run-use-cases-only',
      comment:
        'jobs/ is background work: job definitions whose handlers call app/ use cases, their payloads from contract/, and the schedulers (pg-boss); main/ wires them. No store, edge, config or presentation.',
      severity: 'error',
      from: { path: layer('jobs') },
      to: { path: '^src/(store|http|cli|main|config|web|bindings|present|charts|pdf)/' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // A worktree that links node_modules to another checkout still resolves packages under node_modules/.
    preserveSymlinks: true,
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    exclude: { path: ['\\.test\\.ts$'] },
  },
};
