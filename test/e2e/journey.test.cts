// The no-code journey (issue 16): a person builds the flagship flow in the n8n editor alone —
// credentials made in the credential modal and tested by n8n, nodes found in the nodes panel,
// the Certifier group picked from its list, fields mapped with expressions — runs it, reads the
// links in the output panels and an error naming the item and the field, and publishes a SEEK
// Pass Trigger to read its production URL. Then the same flow the way it is built without this
// package — generic credentials and HTTP Request nodes with typed JSON bodies — run to the same
// links, and what each way took (counted as the person goes) is the README's effort table.
// Real n8n, the sandbox, Debian's Chromium.
// Only the owner login happens outside the page (n8n's owner setup at start).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type BrowserContext, chromium, type Page, selectors } from 'playwright-core';
import { type Sandbox, startSandbox } from '../../sandbox/index.cjs';
import { CHROMIUM_ARGS, ensureChromium } from '../../real-n8n/chromium.cjs';
import {
	DEFAULT_OWNER,
	type MailSink,
	type N8nInstance,
	startMailSink,
	startN8n,
} from '../../real-n8n/index.cjs';
import { SEED_GROUP_ID } from '../../sandbox/certifier/constants.cjs';
import { Editor, type Effort, noEffort } from './journey/editor.cjs';
import { effortTable, readmeTable, writeReadmeTable } from './journey/effort.cjs';
import { CERT, genericCredentials, type HttpCall, httpCalls } from './journey/http-requests.cjs';
import { Shots, UPDATE, VIEWPORT } from './journey/shots.cjs';

// Every wait on the page is bounded by this, so a missing element fails the step, not the suite.
const UI_TIMEOUT_MS = 20_000;
const STEP_TIMEOUT_MS = 120_000;
const TRIGGER = 'When clicking ‘Execute workflow’';
const GROUP = 'Introduction to Data Science';
const HOLDER = { name: 'Ada Lovelace', email: 'ada@example.org' };
/** The HTTP Request flow's holder: a second person, so neither run meets the other's records. */
const HTTP_HOLDER = { name: 'Grace Hopper', email: 'grace@example.org' };
const ISSUER = { id: 'demo-academy', name: 'Demo Academy' };
const FLOW = [
	'Issue certificate',
	'Push to SmartResume',
	'Add to SEEK Pass',
	'Email the holder',
	'Check the status',
];

let sb: Sandbox;
let n8n: N8nInstance;
let sink: MailSink;
let context: BrowserContext;
let page: Page;
let userDataDir: string;
let ui: Editor;
let shots: Shots;
const pageErrors: string[] = [];
/** What building the flow with this package's nodes took (vendor credentials and vendor nodes). */
const ours: Effort = noEffort();
/** The same flow with HTTP Request nodes and n8n's generic credentials. */
const http: Effort = noEffort();
/** Steps both ways share (trigger, email, SMTP) and detours (the wrong secret): not compared. */
const shared: Effort = noEffort();

beforeAll(async () => {
	const executablePath = ensureChromium((line) => process.stderr.write(`[browser] ${line}\n`));
	[sb, sink, n8n] = await Promise.all([startSandbox({ port: 0 }), startMailSink(), startN8n()]);
	selectors.setTestIdAttribute('data-test-id');
	userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-journey-chromium-'));
	context = await chromium.launchPersistentContext(userDataDir, {
		executablePath,
		args: CHROMIUM_ARGS,
		headless: true,
		viewport: VIEWPORT,
	});
	context.setDefaultTimeout(UI_TIMEOUT_MS);
	page = context.pages()[0] ?? (await context.newPage());
	page.on('pageerror', (error) => pageErrors.push(error.message));
	ui = new Editor(page, n8n.url);
	shots = new Shots();

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
	if (shots && !UPDATE) fs.rmSync(shots.dir, { recursive: true, force: true });
});

// The page as the last step left it, for a failure's post-mortem (test/.artifacts is ignored by git).
afterEach(async () => {
	const dir = path.join(__dirname, '../.artifacts');
	fs.mkdirSync(dir, { recursive: true });
	const name = (expect.getState().currentTestName ?? 'step')
		.replace(/[^a-z0-9]+/gi, '-')
		.slice(0, 80);
	await page?.screenshot({ path: path.join(dir, `journey-${name}.png`) }).catch(() => undefined);
});

describe('the no-code journey in the n8n editor', () => {
	test(
		'credentials made in the modal pass n8n’s connection test; a wrong secret fails readably',
		async () => {
			ui.countInto(ours);
			await ui.newCredential('Certifier', 'Certifier API');
			await ui.credentialType('Access Token', sb.demo.certifier.accessToken);
			await ui.credentialType('Base URL', sb.urls.certifier);
			await expect(ui.saveCredential()).resolves.toEqual({
				ok: true,
				text: 'Connection tested successfully',
			});
			await shots.take(page, 'certifier-credential-tested');
			await ui.closeCredential();

			await ui.newCredential('SmartResume', 'SmartResume OAuth2 API');
			await ui.credentialType('Client ID', sb.demo.smartResume.clientId);
			await ui.credentialType('Client Secret', sb.demo.smartResume.accessKey);
			await ui.credentialChoose('Environment', /^Custom Base URL/);
			await ui.credentialType('Custom Base URL', sb.urls.smartResume);
			expect((await ui.saveCredential()).ok).toBe(true);
			await ui.closeCredential();

			// SEEK Pass with a mistyped secret first: the person reads what is wrong, fixes it.
			const wrong = 'not-the-secret-4711';
			await ui.newCredential('SEEK Pass', 'SEEK Pass OAuth2 API');
			await ui.credentialType('Client ID', sb.demo.seekPass.clientId);
			ui.countInto(shared);
			await ui.credentialType('Client Secret', wrong);
			ui.countInto(ours);
			await ui.credentialChoose('Environment', /^Custom Base URL/);
			await ui.credentialType('Custom Base URL', sb.urls.seekPass);
			const failed = await ui.saveCredential();
			expect(failed.ok).toBe(false);
			expect(failed.text).toContain('Couldn’t connect with these settings');
			expect(failed.text).toMatch(/Client authentication failed/);
			expect(failed.text).not.toContain(wrong);
			expect(await page.locator('body').innerText()).not.toContain(wrong);
			await shots.take(page, 'seek-pass-wrong-secret');
			// Only what the person needs: n8n's generic OAuth2 extras stay hidden.
			await expect(
				ui.credentialModal.getByText('Send Additional Body Properties').count(),
			).resolves.toBe(0);
			await ui.credentialType('Client Secret', sb.demo.seekPass.clientSecret);
			await expect(ui.saveCredential()).resolves.toMatchObject({ ok: true });
			await shots.take(page, 'seek-pass-credential-tested');
			await ui.closeCredential();

			// The mail server the Send Email node uses: the local SMTP sink.
			ui.countInto(shared);
			await ui.newCredential('SMTP', 'SMTP');
			await ui.credentialType('Host', sink.host);
			await ui.credentialType('Port', String(sink.port));
			await ui.credentialSwitch('SSL/TLS');
			await ui.credentialSwitch('Disable STARTTLS');
			expect((await ui.saveCredential()).ok).toBe(true);
			await ui.closeCredential();
			expect(pageErrors).toEqual([]);
		},
		STEP_TIMEOUT_MS,
	);

	test(
		'the flagship flow is built from an empty canvas',
		async () => {
			ui.countInto(shared);
			await ui.newWorkflow();
			await shots.take(page, 'empty-canvas');
			await ui.addNode({ search: 'manual', item: 'Manual Trigger' });
			await ui.node(TRIGGER).waitFor();

			ui.countInto(ours);
			await ui.addNode({
				after: TRIGGER,
				search: 'Certifier',
				item: 'Certifier',
				action: 'Create, issue and send a credential',
			});
			// The only Certifier credential is already selected.
			await expect(
				ui.ndv.getByTestId('node-credentials-select').locator('input').first().inputValue(),
			).resolves.toBe('Certifier account');
			await ui.rename('Issue certificate');
			// The group list loads from Certifier (the sandbox's two demo groups).
			await expect(ui.pickFromList('Group', GROUP)).resolves.toEqual(
				expect.arrayContaining([GROUP, 'Workplace Safety Essentials']),
			);
			await ui.type('Recipient Name', HOLDER.name);
			await ui.type('Recipient Email', HOLDER.email);
			await shots.take(page, 'certifier-node');
			await ui.closeNdv();

			await ui.addNode({
				after: 'Issue certificate',
				search: 'SmartResume',
				item: 'SmartResume',
				action: 'Push credentials to SmartResume',
			});
			await ui.rename('Push to SmartResume');
			await ui.choose('Credential Source', 'Certifier Credential');
			await ui.type('Issuer ID', 'demo-academy');
			await ui.type('Issuer Name', 'Demo Academy');
			await shots.take(page, 'smartresume-node');
			await ui.closeNdv();

			await ui.addNode({
				after: 'Push to SmartResume',
				search: 'SEEK Pass',
				item: 'SEEK Pass',
				action: 'Add a credential to SEEK Pass',
			});
			await ui.rename('Add to SEEK Pass');
			await ui.choose('Credential Type', 'Learning and Development (Microcredential)');
			await ui.type('ID Prefix', 'demo');
			await ui.type('Person Identifier', `{{ ${CERT}.recipient.email }}`);
			await ui.type('Full Name', `{{ ${CERT}.recipient.name }}`);
			await ui.type('Issuer Name', 'Demo Academy');
			await ui.type('Microcredential Name', `{{ ${CERT}.group.name }}`);
			await ui.type('Issue Date', `{{ ${CERT}.issueDate }}`);
			await shots.take(page, 'seek-pass-node');
			await ui.closeNdv();

			ui.countInto(shared);
			await emailTheHolder(`Your {{ ${CERT}.group.name }} certificate`, {
				seekPass: 'redirectUri',
				claim: 'claimUrl',
			});
			await ui.closeNdv();

			// The status check the sweep workflow runs later, here once right after sending.
			ui.countInto(ours);
			await ui.addNode({
				after: 'Email the holder',
				search: 'SEEK Pass',
				item: 'SEEK Pass',
				action: 'Get the status of a submission',
			});
			await ui.rename('Check the status');
			await ui.type('Submission ID', "{{ $('Add to SEEK Pass').item.json.submissionId }}");
			await ui.closeNdv();
			await ui.tidy();
			await shots.take(page, 'flow-built');
			for (const name of [TRIGGER, ...FLOW]) await expect(ui.node(name).count()).resolves.toBe(1);
			// Under each node the canvas names what it does, in words.
			await ui.node('Issue certificate').getByText('Create, issue and send a credential').waitFor();
			await ui.node('Check the status').getByText('Get the status of a submission').waitFor();
			expect(pageErrors).toEqual([]);
		},
		STEP_TIMEOUT_MS,
	);

	test(
		'the run succeeds on every node; the output panels show the claim link and the SEEK Pass link',
		async () => {
			await page.getByTestId('execute-workflow-button').click();
			await page.getByText('Workflow executed successfully').first().waitFor({ timeout: 60_000 });
			for (const name of FLOW)
				await ui.node(name).getByTestId('canvas-node-status-success').waitFor();
			await shots.take(page, 'flow-ran');

			await ui.open('Push to SmartResume');
			const smartResume = await ui.outputJson();
			expect(smartResume).toMatch(
				/"claimUrl": "http:\/\/127\.0\.0\.1:\d+\/smartresume\/createmyresume\/[\w-]+"/,
			);
			await shots.take(page, 'claim-link');
			await ui.closeNdv();

			await ui.open('Add to SEEK Pass');
			const seekPass = await ui.outputJson();
			expect(seekPass).toMatch(
				/"redirectUri": "http:\/\/127\.0\.0\.1:\d+\/seekpass\/partner\/add\/microcredential#/,
			);
			expect(seekPass).toContain('"credentialType": "microcredential"');
			await shots.take(page, 'seek-pass-link');
			await ui.closeNdv();

			await ui.open('Check the status');
			const status = await ui.outputJson();
			// Sent moments ago: SEEK Pass knows the submission; the holder has not added it yet.
			expect(status).toMatch(
				/"submissionId": "demo-[0-9a-f-]+", "found": true, "status": "incomplete"/,
			);
			await shots.take(page, 'status-checked');
			await ui.closeNdv();

			// What the holder receives: both links, as the output panels showed them.
			const [mail] = await sink.waitFor(1, (m) => m.to.includes(HOLDER.email));
			expect(mail.subject).toBe(`Your ${GROUP} certificate`);
			const claimUrl = /"claimUrl": "([^"]+)"/.exec(smartResume)![1];
			const seekPassUrl = /"redirectUri": "([^"]+)"/.exec(seekPass)![1];
			expect(mail.html).toContain(claimUrl);
			expect(mail.html).toContain(seekPassUrl);
			expect(pageErrors).toEqual([]);
		},
		STEP_TIMEOUT_MS,
	);

	test(
		'an invalid email stops the run with an error naming the node, the item and the field',
		async () => {
			await ui.open('Issue certificate');
			ui.countInto(noEffort());
			await ui.type('Recipient Email', 'ada.example.org');
			await ui.closeNdv();
			await page.getByTestId('execute-workflow-button').click();
			const toast = page.getByText('Problem in node ‘Issue certificate‘').first();
			await toast.waitFor({ timeout: 60_000 });
			await ui.node('Issue certificate').getByTestId('canvas-node-status-mark-error').waitFor();
			await ui.open('Issue certificate');
			const shown = await ui.output.innerText();
			expect(shown).toContain(
				'Invalid credential in item 0: recipient.email: must be a valid email address (field “Recipient Email”)',
			);
			await shots.take(page, 'invalid-email');
			await ui.closeNdv();
		},
		STEP_TIMEOUT_MS,
	);

	test(
		'a published SEEK Pass Trigger shows its production URL, registered with SEEK Pass',
		async () => {
			ui.countInto(noEffort());
			await ui.newWorkflow();
			await ui.addNode({ search: 'SEEK Pass', item: 'SEEK Pass', action: 'On verified' });
			await ui.ndv.getByText('Webhook URLs').click();
			await ui.ndv.getByTestId('radio-button-production').click();
			const shown = await ui.ndv.getByTestId('node-parameters').innerText();
			const url = new RegExp(`${n8n.url.replace(/[.:/]/g, '\\$&')}/webhook/[0-9a-f-]{36}/webhook`);
			expect(shown).toMatch(url);
			const productionUrl = url.exec(shown)![0];
			await shots.take(page, 'trigger-production-url');
			await ui.closeNdv();

			await page.getByTestId('workflow-open-publish-modal-button').click();
			await page.getByTestId('workflow-publish-button').click();
			await page.getByText('Workflow published').first().waitFor();
			await shots.take(page, 'trigger-published');
			// Publishing registered that very URL with SEEK Pass.
			const registered = sb
				.requests({ service: 'seekPass', method: 'POST', pathIncludes: '/webhooks' })
				.map((r) => (r.body as { url?: string }).url);
			expect(registered).toContain(productionUrl);
			expect(pageErrors).toEqual([]);
		},
		STEP_TIMEOUT_MS,
	);
});

/**
 * The Send Email node both flows share (not counted as either's effort): the holder's two links,
 * read from the previous nodes' outputs under the names each way gives them.
 */
async function emailTheHolder(
	subject: string,
	links: { seekPass: string; claim: string },
): Promise<void> {
	await ui.addNode({
		after: 'Add to SEEK Pass',
		search: 'Send Email',
		item: 'Send Email',
		action: 'Send an Email',
	});
	await ui.rename('Email the holder');
	await ui.type('From Email', 'Demo Academy <credentials@demo-academy.example>');
	await ui.type('To Email', `{{ ${CERT}.recipient.email }}`);
	await ui.type('Subject', subject);
	await ui.type(
		'HTML',
		`<p>Hello {{ ${CERT}.recipient.name }},</p>` +
			`<p><a href="{{ $('Add to SEEK Pass').item.json.${links.seekPass} }}">Add it to SEEK Pass</a></p>` +
			`<p><a href="{{ $('Push to SmartResume').item.json.${links.claim} }}">Claim it on SmartResume</a></p>`,
	);
}

/**
 * One HTTP Request node set up as a person does: its name, method, URL, the generic credential
 * (type, then which one), the extra header, and the JSON body typed into the JSON field.
 */
async function httpRequestNode(
	after: string,
	name: string,
	call: HttpCall,
	credential: { type: string; name: string },
): Promise<void> {
	await ui.addNode({ after, search: 'HTTP Request', item: 'HTTP Request' });
	await ui.ndv.getByTestId('node-parameters').waitFor();
	await ui.rename(name);
	if (call.method !== 'GET') await ui.choose('Method', call.method);
	await ui.type('URL', call.url);
	await ui.choose('Authentication', 'Generic Credential Type');
	await ui.choose('Generic Auth Type', credential.type);
	await ui.chooseCredential(credential.name);
	const headers = Object.entries(call.headers ?? {});
	if (headers.length > 1) throw new Error('the journey types one extra header per node');
	for (const [header, value] of headers) {
		await ui.switchOn('Send Headers');
		await ui.typeInCollection('Name', header);
		await ui.typeInCollection('Value', value);
	}
	if (call.json !== undefined) {
		await ui.switchOn('Send Body');
		await ui.choose('Specify Body', 'Using JSON');
		await ui.type('JSON', call.json, { json: true });
	}
}

describe('the same flow with HTTP Request nodes and generic credentials', () => {
	const credentials = { certifier: '', smartResume: '', seekPass: '' };

	test(
		'generic credentials: Header Auth for Certifier, OAuth2 client credentials for SmartResume and SEEK Pass',
		async () => {
			const generic = genericCredentials(sb);
			ui.countInto(http);
			await ui.newCredential('Header Auth', 'Header Auth');
			await ui.nameCredential('Certifier (Header Auth)');
			await ui.credentialType('Name', generic.certifier.name);
			await ui.credentialType('Value', generic.certifier.value);
			credentials.certifier = await ui.saveUntestedCredential();
			await ui.closeCredential();

			for (const key of ['smartResume', 'seekPass'] as const) {
				const oauth = generic[key];
				await ui.newCredential('OAuth2', 'OAuth2 API');
				await ui.nameCredential(key === 'seekPass' ? 'SEEK Pass (OAuth2)' : 'SmartResume (OAuth2)');
				await ui.credentialChoose('Grant Type', /^Client Credentials/);
				await ui.credentialType('Access Token URL', oauth.accessTokenUrl);
				await ui.credentialType('Client ID', oauth.clientId);
				await ui.credentialType('Client Secret', oauth.clientSecret);
				await ui.credentialType('Scope', oauth.scope);
				// SEEK Pass wants the client in the form body; SmartResume a Basic header, n8n's default.
				if (key === 'seekPass') await ui.credentialChoose('Authentication', /^Body/);
				credentials[key] = await ui.saveUntestedCredential();
				await ui.closeCredential();
			}
			expect(credentials).toEqual({
				certifier: 'Certifier (Header Auth)',
				smartResume: 'SmartResume (OAuth2)',
				seekPass: 'SEEK Pass (OAuth2)',
			});
			expect(pageErrors).toEqual([]);
		},
		STEP_TIMEOUT_MS,
	);

	test(
		'the flow is built from HTTP Request nodes, each body typed as JSON with expressions',
		async () => {
			const calls = httpCalls(sb, {
				groupId: SEED_GROUP_ID,
				course: GROUP,
				holder: HTTP_HOLDER,
				issuer: ISSUER,
			});
			const oauth2 = (name: string) => ({ type: 'OAuth2 API', name });
			ui.countInto(shared);
			await ui.newWorkflow();
			await ui.addNode({ search: 'manual', item: 'Manual Trigger' });
			await ui.node(TRIGGER).waitFor();

			ui.countInto(http);
			await httpRequestNode(TRIGGER, 'Issue certificate', calls.certifier, {
				type: 'Header Auth',
				name: credentials.certifier,
			});
			await ui.closeNdv();
			await httpRequestNode(
				'Issue certificate',
				'Push to SmartResume',
				calls.smartResume,
				oauth2(credentials.smartResume),
			);
			await shots.picture(page, 'http-smartresume-node');
			await ui.closeNdv();
			await httpRequestNode(
				'Push to SmartResume',
				'Add to SEEK Pass',
				calls.seekPass,
				oauth2(credentials.seekPass),
			);
			await ui.closeNdv();

			ui.countInto(shared);
			await emailTheHolder(`Your ${GROUP} certificate`, {
				seekPass: 'redirect_uri',
				claim: 'redirect_url',
			});
			await ui.closeNdv();

			ui.countInto(http);
			await httpRequestNode(
				'Email the holder',
				'Check the status',
				calls.status,
				oauth2(credentials.seekPass),
			);
			await ui.closeNdv();
			await ui.tidy();
			for (const name of [TRIGGER, ...FLOW]) await expect(ui.node(name).count()).resolves.toBe(1);
			expect(pageErrors).toEqual([]);
		},
		STEP_TIMEOUT_MS,
	);

	test(
		'it works too: every node succeeds, the outputs hold the claim link and the SEEK Pass link',
		async () => {
			await page.getByTestId('execute-workflow-button').click();
			await page.getByText('Workflow executed successfully').first().waitFor({ timeout: 60_000 });
			for (const name of FLOW)
				await ui.node(name).getByTestId('canvas-node-status-success').waitFor();

			await ui.open('Push to SmartResume');
			const smartResume = await ui.outputJson();
			expect(smartResume).toMatch(
				/"redirect_url": "http:\/\/127\.0\.0\.1:\d+\/smartresume\/createmyresume\/[\w-]+"/,
			);
			await ui.open('Add to SEEK Pass');
			const seekPass = await ui.outputJson();
			expect(seekPass).toMatch(
				/"redirect_uri": "http:\/\/127\.0\.0\.1:\d+\/seekpass\/partner\/add\/microcredential#/,
			);
			await ui.open('Check the status');
			expect(await ui.outputJson()).toMatch(/"id": "demo-[\w-]+", "status": "incomplete"/);
			await ui.closeNdv();

			// SmartResume got this holder's credential once, as the OB 3.0 document typed above.
			const pushed = sb
				.requests({ service: 'smartResume', method: 'POST', pathIncludes: '/api/v1/credentials' })
				.map((r) => JSON.stringify(r.body));
			expect(pushed.filter((b) => b.includes(HTTP_HOLDER.email))).toHaveLength(1);

			const [mail] = await sink.waitFor(1, (m) => m.to.includes(HTTP_HOLDER.email));
			expect(mail.html).toContain(/"redirect_url": "([^"]+)"/.exec(smartResume)![1]);
			expect(mail.html).toContain(/"redirect_uri": "([^"]+)"/.exec(seekPass)![1]);
			expect(pageErrors).toEqual([]);
		},
		STEP_TIMEOUT_MS,
	);
});

describe('the effort compared', () => {
	test('the README’s effort table is what this journey counted', () => {
		const table = effortTable({ ours, http });
		if (UPDATE) {
			writeReadmeTable(table);
			fs.writeFileSync(
				path.join(shots.dir, 'effort.json'),
				`${JSON.stringify({ ours, http }, null, 2)}\n`,
			);
		}
		// Out of date after a change to the journey: `npm run screenshots:journey` rewrites it.
		expect(readmeTable()).toBe(table);
	});
});
