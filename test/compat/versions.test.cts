// The compat project really runs on n8n 1.85's packages (jest.config.js maps n8n-core,
// n8n-workflow and zod): without this, a broken mapping would silently test 2.41 twice.
import * as n8nCore from 'n8n-core';
import * as n8nWorkflow from 'n8n-workflow';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The version in the package.json of the package a request resolves to. */
function versionOf(request: string): string {
	for (
		let dir = path.dirname(require.resolve(request));
		dir !== path.dirname(dir);
		dir = path.dirname(dir)
	) {
		const file = path.join(dir, 'package.json');
		if (fs.existsSync(file))
			return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
	}
	throw new Error(`no package.json above ${request}`);
}

test('n8n-core 1.84.0, n8n-workflow 1.83.0 and their zod 3.24.1 are the ones loaded', () => {
	expect(require.resolve('n8n-core')).toContain(`${path.sep}n8n-core-1${path.sep}`);
	expect(require.resolve('n8n-workflow')).toContain(`${path.sep}n8n-workflow-1${path.sep}`);
	expect(versionOf('n8n-core')).toBe('1.84.0');
	expect(versionOf('n8n-workflow')).toBe('1.83.0');
	expect(versionOf('zod')).toBe('3.24.1');
	// And the 1.x API, not 2.x's: 2.x added both of these.
	expect('createRunExecutionData' in n8nWorkflow).toBe(false);
	expect('ExternalSecretsProxy' in n8nCore).toBe(false);
	// What the package needs from n8n-workflow, present since 1.83 (NodeConnectionTypes).
	expect(n8nWorkflow.NodeConnectionTypes.Main).toBe('main');
});

test('every suite the compat project names exists (a moved file would silently drop its coverage)', () => {
	const root = path.resolve(__dirname, '../..');
	const config = require(path.join(root, 'jest.config.js')) as {
		projects: Array<{ displayName: string; testMatch: string[] }>;
	};
	const compat = config.projects.find((p) => p.displayName === 'compat');
	const files = (compat?.testMatch ?? [])
		.filter((pattern) => !pattern.includes('*'))
		.map((pattern) => pattern.replace('<rootDir>', root));
	expect(files.length).toBeGreaterThanOrEqual(6);
	expect(files.filter((file) => !fs.existsSync(file))).toEqual([]);
});
