/**
 * The house's import rules (issue 10; docs/architecture.md says the same in words).
 * Run by `npm run lint`. No exceptions: a rule broken is a build broken.
 *
 * Rings, innermost first:
 *   src/domain    the models the table keeps
 *   src/store     the only code that knows table keys
 *   capabilities  every other folder of src/ (lookup, updates, nudges, import, access, register,
 *                 work, api, and any new one such as review, report, web): services and views
 *   surfaces      src/slack, src/teams, and each capability's own slack/ (or teams/) adapter
 *   the root      src/product: builds stores, services, capabilities and surfaces once
 *   runtimes      src/aws, src/local, src/cli, lambdas: start the root in one place
 */
const SURFACE = '^src/(slack|teams)/|^src/[^/]+/(slack|teams)/';
const OUTER = '^src/(product|aws|local|cli)/|^lambdas/';
// A capability is any folder of src/ that is not one of the named rings, minus its adapters.
const CAPABILITY = '^src/(?!(domain|store|slack|teams|product|aws|local|cli)/)[^/]+/';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import circles: each module can be understood (and tested) after the ones it imports.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-imports-nothing-of-ours',
      comment: 'src/domain holds the models; it builds on libraries only (zod, date-fns), never on our code.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^(src|lambdas|cdk)/', pathNot: '^src/domain/' },
    },
    {
      name: 'store-imports-only-domain',
      comment: 'src/store knows the table and the models, nothing else of ours (the AWS SDK is fine).',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: '^(src|lambdas|cdk)/', pathNot: '^src/(domain|store)/' },
    },
    {
      name: 'capability-imports-no-surface-or-root',
      comment:
        'A capability is services and views: it never imports a surface (src/slack, a slack/ adapter), the composition root or a runtime.',
      severity: 'error',
      from: { path: CAPABILITY, pathNot: SURFACE },
      to: { path: `${SURFACE}|${OUTER}` },
    },
    {
      name: 'slack-sdk-only-in-surfaces',
      comment:
        'Bolt, Block Kit types and the Web API stay in the Slack surface and the outer ring that starts it; domain, store and capabilities never see them.',
      severity: 'error',
      from: { path: '^(src|lambdas)/', pathNot: `${SURFACE}|${OUTER}` },
      to: { path: '(^|/)node_modules/@slack/' },
    },
    {
      name: 'teams-sdk-only-in-teams-surface',
      comment:
        "The Bot Framework SDK (botbuilder, botframework-*) stays in src/teams (and a capability's teams/ adapter) and the outer ring that starts it.",
      severity: 'error',
      from: { path: '^(src|lambdas)/', pathNot: `^src/teams/|^src/[^/]+/teams/|${OUTER}` },
      to: { path: '(^|/)node_modules/(botbuilder|botframework-)' },
    },
    {
      name: 'teams-never-imports-slack',
      comment:
        'The Teams surface is built on capabilities and views, never on Bolt, Block Kit or the Slack surface.',
      severity: 'error',
      from: { path: '^src/teams/|^src/[^/]+/teams/' },
      to: { path: '(^|/)node_modules/@slack/|^src/slack/|^src/[^/]+/slack/' },
    },
    {
      name: 'nothing-below-the-root-imports-it',
      comment: 'src/product is imported only by the runtimes that start it.',
      severity: 'error',
      from: { path: '^(src|lambdas)/', pathNot: OUTER },
      to: { path: '^src/product/' },
    },
    {
      name: 'surfaces-import-no-runtime',
      comment:
        'A surface adapts capabilities to one channel; which process hosts it (Lambda, local server, CLI) is not its concern.',
      severity: 'error',
      from: { path: SURFACE },
      to: { path: '^src/(aws|local|cli)/|^lambdas/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
