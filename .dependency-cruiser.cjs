/**
 * The import rules of ARCHITECTURE.md ("Dependency direction rules"), enforced by `npm run check:boundaries`.
 * Each rule names the folder and what it must not import. Amend here, in that file's spirit, and say so.
 */
const inSrc = (dir) => `^src/${dir}/`;
const forbid = (name, from, to, comment) => ({
  name,
  severity: 'error',
  comment,
  from: { path: from },
  to: { path: to },
});

module.exports = {
  forbidden: [
    forbid('core-is-pure', inSrc('core'), '^src/(?!core/)', 'core/ imports nothing else from src/'),
    forbid(
      'contract-is-standalone',
      inSrc('contract'),
      '^src/(?!contract/)',
      'contract/ imports nothing else from src/',
    ),
    forbid(
      'app-imports-core-only',
      inSrc('app'),
      '^src/(?!core/|app/)',
      'app/ gets ports as parameters; imports core only',
    ),
    forbid(
      'config-imports-core-only',
      inSrc('config'),
      '^src/(?!core/|config/)',
      'config/ imports core only',
    ),
    forbid(
      'security-imports-core-only',
      inSrc('security'),
      '^src/(?!core/|security/)',
      'security/ (crypto helpers) imports core only',
    ),
    forbid(
      'observability-imports-core-only',
      inSrc('observability'),
      '^src/(?!core/|observability/)',
      'observability/ imports core only',
    ),
    forbid(
      'db-imports-core-only',
      inSrc('db'),
      '^src/(?!core/|db/)',
      'db/ maps rows to core types and nothing else',
    ),
    forbid(
      'queue-imports-core-and-db',
      inSrc('queue'),
      '^src/(?!core/|db/|queue/)',
      'queue/ imports core and db only',
    ),
    forbid(
      'jobs-no-infrastructure',
      inSrc('jobs'),
      '^src/(http|db|connectors|main|config)/',
      'jobs/ call app/, never infrastructure',
    ),
    forbid(
      'http-no-infrastructure',
      inSrc('http'),
      '^src/(connectors|db|queue|main|jobs|config)/',
      'routes call use cases in app/',
    ),
    forbid(
      'kit-imports-core-only',
      inSrc('connectors/kit'),
      '^src/(?!core/|connectors/kit/)',
      'the kit imports core only',
    ),
    forbid(
      'connectors-import-core-and-kit',
      '^src/connectors/(?!kit/|registry)[^/]+/',
      '^src/(?!core/|connectors/)',
      'a connector imports core/ and connectors/kit/ only',
    ),
    {
      name: 'connectors-do-not-import-each-other',
      severity: 'error',
      comment: 'connectors never import each other (only kit/ and the definition type they all export)',
      from: { path: '^src/connectors/([^/]+)/' },
      to: {
        path: '^src/connectors/',
        pathNot: [
          '^src/connectors/kit/',
          '^src/connectors/$1/',
          '^src/connectors/definition\\.ts$',
          '^src/connectors/context\\.ts$',
        ],
      },
    },
    {
      name: 'fakes-stay-out-of-production',
      severity: 'error',
      comment: 'only the demo (src/demo/) may import a fake/',
      from: { path: '^src/', pathNot: ['/fake/', '^src/demo/'] },
      to: { path: '/fake/' },
    },
    forbid(
      'fake-is-self-contained',
      '^src/connectors/[^/]+/fake/',
      '^src/(?!connectors/[^/]+/(fake/|schemas\\.ts|assumptions\\.ts))',
      'a fake imports only its schemas and its assumptions (the UNCONFIRMED behaviour both sides share)',
    ),
    forbid(
      'jobs-catalog-is-data',
      '^src/jobs/catalog\\.ts$',
      '^src/(?!core/|queue/job-definition\\.ts$)',
      'the job catalog is data: payload schemas and retry policies, no handlers',
    ),
    forbid(
      'db-stores-know-no-queue',
      inSrc('db/stores'),
      '^src/(queue|jobs|security|connectors)/',
      'stores get the job queue and the secret box as ports, bound by main/',
    ),
    forbid(
      'main-has-no-adapters',
      '^src/main/adapters/',
      '^src/',
      'main/ constructs and wires; stores live in db/, rules in app/ and core/',
    ),
    forbid(
      'nothing-imports-the-demo',
      '^src/(?!demo/)',
      '^src/demo/',
      'the demo is a script run beside the server',
    ),
    forbid('cli-no-http', inSrc('cli'), '^src/http/', 'the CLI uses use cases, not HTTP routes'),
    forbid('src-never-imports-test', '^src/', '^test/', 'nothing in src/ imports test/'),
    forbid(
      'admin-ui-speaks-the-contract-only',
      '^admin-ui/',
      '^src/(?!contract/)',
      'the browser app knows the server only through the HTTP contract (src/contract, types only)',
    ),
    forbid(
      'server-never-imports-admin-ui',
      '^src/',
      '^admin-ui/',
      'the server serves the built app, never imports it',
    ),
    { name: 'no-circular', severity: 'error', from: { path: '^src/' }, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
