// Dev code (tests, sandbox, harness) is written as .cts so that the community-node lint,
// which targets the shipped .ts sources, does not apply to it; tsc -p tsconfig.dev.json checks it.
const transform = { '^.+\\.c?ts$': ['ts-jest', { tsconfig: 'tsconfig.dev.json' }] };
const moduleFileExtensions = ['ts', 'cts', 'js', 'cjs', 'json'];
const resolver = '<rootDir>/test/support/jest-resolver.cjs';
const common = { transform, moduleFileExtensions, resolver, testEnvironment: 'node' };

module.exports = {
	// Generous: the machine has two cores and suites load n8n-core; speed is measured in bench/.
	testTimeout: 60_000,
	projects: [
		{ ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.cts'] },
		{ ...common, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.cts'] },
		{
			...common,
			displayName: 'e2e',
			testMatch: ['<rootDir>/test/e2e/**/*.test.cts'],
			slowTestThreshold: 120,
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
