// The n8n editor in headless Chromium, with the package installed as users install it: the
// nodes panel finds each of our nodes, each node's parameter panel opens without errors, and
// the screenshots the README shows are written to .github/screenshots/. Chromium is Debian's,
// installed with apt on first use (see real-n8n/chromium.cts).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type BrowserContext, chromium, type Page, selectors } from 'playwright-core';
import { type Sandbox, startSandbox } from '../../sandbox/index.cjs';
import { CHROMIUM_ARGS, ensureChromium } from '../../real-n8n/chromium.cjs';
import {
	createSandboxCredentials,
	type CredentialRefs,
	DEFAULT_OWNER,
	type MailSink,
	type N8nInstance,
	packageTypes,
	startMailSink,
	startN8n,
	workflowFromFile,
} from '../../real-n8n/index.cjs';

const SHOTS = path.join(__dirname, '../../.github/screenshots');
const FLAGSHIP = path.join(__dirname, '../../workflows/issue-resume-wallet.json');
// Every wait on the page is bounded by this, so a missing element fails the test instead of hanging it.
const UI_TIMEOUT_MS = 30_000;

interface NodeTypeDescription {
	name: string;
	displayName: string;
	version: number | number[];
	credentials?: Array<{ name: string }>;
	webhooks?: unknown[];
}

let sb: Sandbox;
let n8n: N8nInstance;
let sink: MailSink;
let flagshipId: string;
let credentials: CredentialRefs;
let context: BrowserContext;
let page: Page;
let userDataDir: string;
let ours: NodeTypeDescription[];
const pageErrors: string[] = [];

beforeAll(async () => {
	const executablePath = ensureChromium((line) => process.stderr.write(`[browser] ${line}\n`));
	sb = await startSandbox({ port: 0 });
	sink = await startMailSink();
	n8n = await startN8n();
	credentials = await createSandboxCredentials(n8n, sb, sink);
	const declared = new Set(packageTypes().nodes);
	const res = await n8n.request('GET', '/types/nodes.json');
	ours = ((await res.json()) as NodeTypeDescription[]).filter((t) => declared.has(t.name));

	selectors.setTestIdAttribute('data-test-id');
	userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-chromium-'));
	context = await chromium.launchPersistentContext(userDataDir, {
		executablePath,
		args: CHROMIUM_ARGS,
		headless: true,
		viewport: { width: 1440, height: 900 },
	});
	context.setDefaultTimeout(UI_TIMEOUT_MS);
	page = context.pages()[0] ?? (await context.newPage());
	page.on('pageerror', (error) => pageErrors.push(error.message));
	fs.mkdirSync(SHOTS, { recursive: true });

	await page.goto(`${n8n.url}/signin`);
	await page.getByLabel(/email/i).first().fill(DEFAULT_OWNER.email);
	await page
		.getByLabel(/password/i)
		.first()
		.fill(DEFAULT_OWNER.password);
	await page.getByRole('button', { name: /sign in/i }).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
}, 20 * 60_000);

afterAll(async () => {
	await context?.close();
	await n8n?.stop();
	await sb?.close();
	await sink?.close();
	if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
});

const shot = async (name: string, target: Page | ReturnType<Page['locator']> = page) => {
	await target.screenshot({ path: path.join(SHOTS, `${name}.png`), animations: 'disabled' });
};
const slug = (s: string) =>
	s
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');

async function openWorkflow(id: string, nodeCount: number): Promise<void> {
	await page.goto(`${n8n.url}/workflow/${id}`);
	await page
		.getByTestId('canvas-node')
		.nth(nodeCount - 1)
		.waitFor();
	await page.getByTestId('canvas-node').first().waitFor({ state: 'visible' });
}

test('the package’s node types are all loaded by n8n', () => {
	expect(ours.map((t) => t.name).sort()).toEqual([...packageTypes().nodes].sort());
});

test('the flagship workflow’s canvas', async () => {
	const workflow = workflowFromFile(FLAGSHIP, credentials);
	flagshipId = await n8n.importWorkflow(workflow);
	// Its sticky note is not a node on the canvas.
	const nodes = workflow.nodes.filter((n) => n.type !== 'n8n-nodes-base.stickyNote');
	await openWorkflow(flagshipId, nodes.length);
	for (const node of nodes) {
		await expect(
			page.locator(`[data-test-id="canvas-node"][data-node-name="${node.name}"]`).count(),
		).resolves.toBe(1);
	}
	await page.getByTestId('canvas-wrapper').click({ position: { x: 5, y: 5 } });
	await page.keyboard.press('1'); // zoom to fit
	await page.waitForTimeout(600); // the fit animation; only affects the picture
	await shot('workflow-issue-resume-wallet');
	expect(pageErrors).toEqual([]);
});

test('the status sweep’s canvas', async () => {
	const workflow = workflowFromFile(
		path.join(__dirname, '../../workflows/seek-pass-status-sweep.json'),
		credentials,
	);
	const id = await n8n.importWorkflow(workflow);
	const nodes = workflow.nodes.filter((n) => n.type !== 'n8n-nodes-base.stickyNote');
	await openWorkflow(id, nodes.length);
	for (const node of nodes) {
		await expect(
			page.locator(`[data-test-id="canvas-node"][data-node-name="${node.name}"]`).count(),
		).resolves.toBe(1);
	}
	await page.getByTestId('canvas-wrapper').click({ position: { x: 5, y: 5 } });
	await page.keyboard.press('1'); // zoom to fit
	await page.waitForTimeout(600); // the fit animation; only affects the picture
	await shot('workflow-seek-pass-status-sweep');
	expect(pageErrors).toEqual([]);
});

test('the nodes panel finds each of our nodes', async () => {
	// A workflow that has a trigger, so the panel offers every node ("What happens next?").
	expect(flagshipId).toBeDefined();
	await page.goto(`${n8n.url}/workflow/${flagshipId}`);
	await page.getByTestId('canvas-node').first().waitFor();
	for (const type of ours) {
		await page.getByTestId('node-creator-plus-button').click();
		const search = page.getByTestId('node-creator-search-bar');
		await search.fill(type.displayName);
		// n8n files a service's trigger under the service's entry, so either name counts as found.
		const service = type.displayName.replace(/ (Poll )?Trigger$/, '');
		const names = page.getByTestId('node-creator').getByTestId('node-creator-item-name');
		// Bounded by the default timeout: a node n8n does not offer fails here, naming what it offered.
		const wanted = new RegExp(`^\\s*(${type.displayName}|${service})\\s*$`);
		const hit = await names
			.filter({ hasText: wanted })
			.first()
			.waitFor()
			.then(
				() => true,
				() => false,
			);
		if (!hit)
			throw new Error(
				`the nodes panel did not offer "${type.displayName}" for that search; it offered: ${(await names.allInnerTexts()).join(', ')}`,
			);
		if (type === ours[0]) await shot('nodes-panel-search', page.getByTestId('node-creator'));
		await page.keyboard.press('Escape');
		await page.getByTestId('node-creator').waitFor({ state: 'hidden' });
	}
	expect(pageErrors).toEqual([]);
});

test('each node’s parameter panel opens without errors', async () => {
	const nodes = ours.map((type, i) => ({
		name: type.displayName,
		type: type.name,
		typeVersion: Array.isArray(type.version) ? Math.max(...type.version) : type.version,
		position: [(i % 4) * 260, Math.floor(i / 4) * 240] as [number, number],
		parameters: {},
		...(type.webhooks?.length
			? { webhookId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` }
			: {}),
		credentials: Object.fromEntries(
			(type.credentials ?? [])
				.filter((c) => credentials[c.name])
				.map((c) => [c.name, credentials[c.name]]),
		),
	}));
	const id = await n8n.importWorkflow({ name: 'Every node', nodes, connections: {} });
	await openWorkflow(id, nodes.length);
	for (const node of nodes) {
		const before = pageErrors.length;
		await page.locator(`[data-test-id="canvas-node"][data-node-name="${node.name}"]`).dblclick();
		const ndv = page.getByTestId('ndv');
		await ndv.waitFor();
		const parameters = ndv.getByTestId('node-parameters');
		await parameters.waitFor();
		// A panel that failed to render has no inputs; one that threw leaves a page error.
		expect(await parameters.getByTestId('parameter-input').count()).toBeGreaterThan(0);
		await page.waitForTimeout(500); // lists loading from the sandbox settle; only affects the picture
		expect(pageErrors.slice(before)).toEqual([]);
		await shot(`node-${slug(node.name)}`);
		await page.getByTestId('ndv-close-button').click();
		await ndv.waitFor({ state: 'hidden' });
	}
});
