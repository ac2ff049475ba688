// Smoke test against a real n8n with this package installed as users install it:
// every node and credential type the package declares is loaded by n8n, and a
// workflow runs end to end through the editor's REST API.
// Needs a prior `npm run build`; the first run installs n8n into the user cache
// (several minutes, see scripts/n8n-runtime.cts install).
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
	assertBuilt,
	ensureRuntime,
	manualWorkflow,
	packageTypes,
	runWorkflowForNodeItems,
	startN8n,
	type N8nInstance,
	type PackageTypes,
} from '../../real-n8n/index.cjs';

const log = (m: string) => process.stderr.write(`[e2e] ${m}\n`);

describe('n8n with the package installed', () => {
	let n8n: N8nInstance | undefined;
	let declared: PackageTypes;

	beforeAll(async () => {
		assertBuilt(); // fails with "run `npm run build`" before any slow step
		declared = packageTypes();
		const runtime = await ensureRuntime({ onProgress: log });
		n8n = await startN8n({ runtime, onProgress: log });
	}, 20 * 60_000);

	afterAll(async () => {
		await n8n?.stop();
	}, 60_000);

	const server = (): N8nInstance => {
		if (!n8n) throw new Error('n8n did not start (see beforeAll)');
		return n8n;
	};

	test('the package declares nodes and credentials', () => {
		expect(declared.nodes.length).toBeGreaterThan(0);
		expect(declared.credentials.length).toBeGreaterThan(0);
	});

	// On failure, say why n8n rejected the package (e.g. a node requiring a devDependency).
	const expectAllLoaded = (kind: string, missing: string[]) => {
		if (missing.length === 0) return;
		const why = server().logExcerpt(/Failed to load|n8n-nodes-career-credentials/);
		throw new Error(`n8n did not load ${kind}: ${missing.join(', ')}\n--- n8n log ---\n${why}`);
	};

	test('n8n loads every node type the package declares', async () => {
		const loaded = new Set(await server().nodeTypes());
		expectAllLoaded(
			'node types',
			declared.nodes.filter((t) => !loaded.has(t)),
		);
	});

	test('n8n loads every credential type the package declares', async () => {
		const loaded = new Set(await server().credentialTypes());
		expectAllLoaded(
			'credential types',
			declared.credentials.filter((t) => !loaded.has(t)),
		);
	});

	test('the installed package does not carry its own n8n-workflow', () => {
		// It must share n8n's copy (a second copy breaks instanceof checks on n8n's errors).
		const dir = server().packageDir!;
		expect(fs.existsSync(path.join(dir, 'package.json'))).toBe(true);
		expect(fs.existsSync(path.join(dir, 'node_modules', 'n8n-workflow'))).toBe(false);
	});

	test('a manual workflow runs and returns each node’s items', async () => {
		const workflow = manualWorkflow('smoke: set → code', [
			{
				name: 'Set',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				parameters: {
					assignments: { assignments: [{ id: 'n', name: 'n', value: 21, type: 'number' }] },
					options: {},
				},
			},
			{
				name: 'Code',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				parameters: {
					jsCode: 'return $input.all().map((i) => ({ json: { doubled: i.json.n * 2 } }));',
				},
			},
		]);
		const { items, execution } = await runWorkflowForNodeItems(server(), workflow, 'Code');
		expect(execution.status).toBe('success');
		expect(execution.nodes.Set.items).toEqual([[{ n: 21 }]]);
		expect(items).toEqual([{ doubled: 42 }]);
	}, 120_000);
});
