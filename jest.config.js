// Dev code (tests, sandbox, harness) is written as .cts so that the community-node lint,
// which targets the shipped .ts sources, does not apply to it; tsc -p tsconfig.dev.json checks it.
const transform = { '^.+\\.c?ts$': ['ts-jest', { tsconfig: 'tsconfig.dev.json' }] };
const moduleFileExtensions = ['ts', 'cts', 'js', 'cjs', 'json'];
const resolver = '<rootDir>/test/support/jest-resolver.cjs';
const common = { transform, moduleFileExtensions, resolver, testEnvironment: 'node' };

const COMPAT_TESTS = [
	'<rootDir>/test/compat/**/*.test.cts',
	// The flagship flow in-process: Certifier get → SmartResume push.
	'<rootDir>/test/integration/smartresume/credential/push-from-certifier.test.cts',
	// One operation of each other node.
	'<rootDir>/test/integration/seekpass/submission/getStatus.test.cts',
	'<rootDir>/test/integration/seekpass/submission/getStatuses.test.cts',
	'<rootDir>/test/integration/certifier/poll-trigger.test.cts',
	'<rootDir>/test/integration/certifier/webhook-trigger.test.cts',
	'<rootDir>/test/integration/smartresume/trigger.test.cts',
	'<rootDir>/test/integration/seekpass/trigger.test.cts',
];

module.exports = {
	// Generous: the machine has two cores and suites load n8n-core; speed is measured in bench/.
	testTimeout: 60_000,
	projects: [
		{ ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.cts'] },
		{
			...common,
			displayName: 'integration',
			testMatch: ['<rootDir>/test/integration/**/*.test.cts'],
		},
		{
			// Issue 13: every example of the vendors' published references, as the node builds it,
			// the sandbox accepts it, and the node refuses it without a required field.
			...common,
			displayName: 'conformance',
			testMatch: ['<rootDir>/test/conformance/**/*.test.cts'],
		},
		{
			...common,
			displayName: 'e2e',
			testMatch: ['<rootDir>/test/e2e/**/*.test.cts'],
			slowTestThreshold: 120,
		},
		{
			// Issue 15, the oldest n8n the package supports (README "Compatibility"): the in-process
			// flagship flow and one operation per node again, with n8n 1.85's n8n-core / n8n-workflow
			// (npm aliases) in place of 2.41's. Every import of n8n-workflow — ours, the harness's and
			// n8n-core's — gets the one 1.x copy, as inside n8n; zod is n8n-workflow's own.
			...common,
			displayName: 'compat',
			testMatch: COMPAT_TESTS,
			moduleNameMapper: {
				'^n8n-workflow$': '<rootDir>/node_modules/n8n-workflow-1',
				'^n8n-core$': '<rootDir>/node_modules/n8n-core-1',
				'^zod$': '<rootDir>/node_modules/n8n-core-1/node_modules/zod',
			},
		},
		{
			// Issue 9, queue mode (Redis + PostgreSQL + main/webhook/2 workers): `npm run test:scale` only.
			...common,
			displayName: 'scale',
			testMatch: ['<rootDir>/test/scale/**/*.test.cts'],
			slowTestThreshold: 600,
		},
	],
};
