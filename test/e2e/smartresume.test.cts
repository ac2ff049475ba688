// The SmartResume nodes in a real n8n server with this package installed as users install it,
// against the sandbox: every operation run from the editor's REST API, token expiry mid-run,
// the Certifier → SmartResume flow without a Code node, and the trigger on its production URL
// (redirect when the workflow is done, the shipped Respond to Webhook workflow, 400 pages).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { type Sandbox, startSandbox } from '../../sandbox/index.cjs';
import {
	type ExecutionResult,
	type Json,
	type N8nInstance,
	startN8n,
	type WorkflowJson,
	type WorkflowNode,
} from '../../real-n8n/index.cjs';

const P = 'n8n-nodes-career-credentials';
const SEED_GROUP = '01g90279gp5sbmfek7wymcsvec';
const fixture = (name: string): any =>
	JSON.parse(readFileSync(path.join(__dirname, '../fixtures/smartresume', name), 'utf8'));

let sb: Sandbox;
let n8n: N8nInstance;
let smartResume: { id: string; name: string };
let certifier: { id: string; name: string };
let expireAfterPushes = 0;

beforeAll(async () => {
	sb = await startSandbox({
		port: 0,
		onRequestLogged: (entry) => {
			if (
				expireAfterPushes > 0 &&
				entry.path.endsWith('/api/v1/credentials') &&
				entry.status === 200 &&
				--expireAfterPushes === 0
			) {
				sb.expireTokens('smartResume');
			}
		},
	});
	n8n = await startN8n();
	smartResume = {
		id: await n8n.createCredential('smartResumeOAuth2Api', 'SmartResume sandbox', {
			environment: 'custom',
			customBaseUrl: sb.urls.smartResume,
			clientId: sb.demo.smartResume.clientId,
			clientSecret: sb.demo.smartResume.accessKey,
		}),
		name: 'SmartResume sandbox',
	};
	certifier = {
		id: await n8n.createCredential('certifierApi', 'Certifier sandbox', {
			accessToken: sb.demo.certifier.accessToken,
			apiVersion: sb.demo.certifier.version,
			baseUrl: sb.urls.certifier,
		}),
		name: 'Certifier sandbox',
	};
}, 600_000);

afterAll(async () => {
	await n8n?.stop();
	await sb?.close();
});

beforeEach(() => {
	sb.clearRequests();
	expireAfterPushes = 0;
});

const manual: WorkflowNode = {
	name: 'Manual Trigger',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	parameters: {},
};
const smartResumeNode = (name: string, parameters: Record<string, unknown>): WorkflowNode => ({
	name,
	type: `${P}.smartResume`,
	typeVersion: 1,
	parameters,
	credentials: { smartResumeOAuth2Api: smartResume },
});
const items = (execution: ExecutionResult, node: string): Json[] => {
	const result = execution.nodes[node];
	if (!result || result.error)
		throw n8n.failure(`${node}: ${JSON.stringify(result?.error ?? 'did not run').slice(0, 1500)}`);
	return result.items[0] ?? [];
};
function chain(name: string, nodes: WorkflowNode[]): WorkflowJson {
	const all = [manual, ...nodes].map((n, i) => ({
		...n,
		position: [i * 220, 0] as [number, number],
	}));
	const connections: WorkflowJson['connections'] = {};
	for (let i = 0; i + 1 < all.length; i++)
		connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	return { name, nodes: all, connections, settings: { executionOrder: 'v1' } };
}
const run = async (workflow: WorkflowJson) =>
	await n8n.runWorkflow(await n8n.importWorkflow(workflow));
const pushes = () => sb.requests({ service: 'smartResume', pathIncludes: '/api/v1/credentials' });
const control = async (method: string, p: string, body?: unknown): Promise<any> => {
	const res = await fetch(`${sb.urls.control}/smartresume${p}`, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return await res.json();
};

test('n8n loads both SmartResume node types, the AI-agent tool variant and the credential type', async () => {
	expect(await n8n.nodeTypes()).toEqual(
		expect.arrayContaining([`${P}.smartResume`, `${P}.smartResumeTrigger`, `${P}.smartResumeTool`]),
	);
	expect(await n8n.credentialTypes()).toEqual(expect.arrayContaining(['smartResumeOAuth2Api']));
});

test('credential:push — the three courses from node fields, grouped: JSON-equal, accepted, one link on every item', async () => {
	const expected = fixture('three-courses.json');
	const courses = expected.credentials.map((c: any) => ({
		assertion: c.id,
		code: c.credentialSubject.achievement.id,
		title: c.name,
		description: c.credentialSubject.achievement.description,
	}));
	const execution = await run(
		chain('SmartResume three courses', [
			{
				name: 'Courses',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				parameters: { jsCode: `return ${JSON.stringify(courses)}.map((json) => ({ json }));` },
			},
			smartResumeNode('Push', {
				resource: 'credential',
				operation: 'push',
				recipientId: '474989023199323',
				recipientDetails: { email: 'jsmith@institutionx.edu' },
				source: 'fields',
				assertionId: '={{ $json.assertion }}',
				achievementId: '={{ $json.code }}',
				achievementType: 'Course',
				achievementName: '={{ $json.title }}',
				achievementDetails: { description: '={{ $json.description }}' },
				dates: { awardedDate: 'Spring 2023' },
				subjectId: '1235143208848',
				issuerId: '123456789',
				issuerName: 'Institution X',
				issuerDetails: {
					email: 'admissions@institutionx.edu',
					url: 'https://institutionx.edu',
					description:
						'Institution X, founded in 1925, is known for its beautiful campus and arts programs.',
				},
				groupByRecipient: true,
			}),
		]),
	);
	expect(execution.status).toBe('success');
	expect(
		pushes()
			.filter((r) => r.status === 200)
			.map((r) => r.body),
	).toEqual([expected]);
	const out = items(execution, 'Push');
	expect(out).toHaveLength(3);
	expect(new Set(out.map((o) => o.claimUrl)).size).toBe(1);
	expect(String(out[0].claimUrl)).toBe(
		`${sb.urls.smartResume}/createmyresume/${out[0].identifierToken}`,
	);
});

test('credential:push — the CLR with a middle name from node fields, JSON-equal', async () => {
	const execution = await run(
		chain('SmartResume CLR', [
			smartResumeNode('Push CLR', {
				resource: 'credential',
				operation: 'push',
				recipientId: 'clr-holder-1',
				recipientDetails: { givenName: 'Steve', familyName: 'McSteve', additionalName: 'Stevey' },
				source: 'fields',
				format: 'clr',
				assertionId: 'http://example.edu/credentials/3732',
				credentialName: 'Sample Transcript',
				validFrom: '2010-01-01T00:00:00Z',
				subjectId: 'did:example:ebfeb1f712ebc6f1c276e12ec21',
				issuerId: 'https://example.edu/issuers/565049',
				issuerName: 'Example University',
			}),
		]),
	);
	expect(execution.status).toBe('success');
	const accepted = pushes().filter((r) => r.status === 200);
	expect(accepted.map((r) => (r.body as any).credentials)).toEqual([
		[fixture('clr-middle-name.json')],
	]);
	expect(items(execution, 'Push CLR')[0].identifierToken).toEqual(expect.any(String));
});

test('skill:sync — the vendor’s SkillSync carrier from node fields, JSON-equal', async () => {
	const expected = fixture('skillsync-carrier.json');
	const carrier = expected.credentials[0];
	const execution = await run(
		chain('SmartResume SkillSync', [
			smartResumeNode('Sync', {
				resource: 'skill',
				operation: 'sync',
				recipientId: '12345',
				recipientDetails: {
					givenName: 'John',
					familyName: 'Sample',
					additionalName: 'Q',
					email: 'john.q.sample@somedomain.com',
				},
				issuerId: carrier.issuer.id,
				issuerName: carrier.issuer.name,
				skills: {
					skill: carrier.credentialSubject.achievement.alignment.map((a: any) => ({
						name: a.targetName,
						description: a.targetDescription,
						verified: true,
					})),
				},
				proof: JSON.stringify(carrier.proof),
				carrierOptions: {
					carrierId: carrier.id,
					achievementId: carrier.credentialSubject.achievement.id,
					achievementName: carrier.credentialSubject.achievement.name,
					awardedDate: carrier.awardedDate,
					framework: 'INSTX',
					name: carrier.name,
				},
			}),
		]),
	);
	expect(execution.status).toBe('success');
	expect(
		pushes()
			.filter((r) => r.status === 200)
			.map((r) => r.body),
	).toEqual([expected]);
	expect(items(execution, 'Sync')[0]).toMatchObject({
		verifiedSkills: 4,
		carrierIds: [carrier.id],
	});
});

test('credential:push — a Certifier credential straight from the Certifier node, no Code node', async () => {
	const api = async (p: string, body?: unknown) => {
		const res = await fetch(`${sb.urls.certifier}${p}`, {
			method: 'POST',
			headers: {
				authorization: `Bearer ${sb.demo.certifier.accessToken}`,
				'certifier-version': sb.demo.certifier.version,
				'content-type': 'application/json',
			},
			body: JSON.stringify(body ?? {}),
		});
		return (await res.json()) as any;
	};
	const created = await api('/credentials', {
		groupId: SEED_GROUP,
		recipient: { name: 'Grace Hopper', email: 'grace@example.org' },
	});
	await api(`/credentials/${created.id}/issue`);
	const execution = await run(
		chain('Certifier to SmartResume', [
			{
				name: 'Get Credential',
				type: `${P}.certifier`,
				typeVersion: 1,
				parameters: { resource: 'credential', operation: 'get', credentialId: created.id },
				credentials: { certifierApi: certifier },
			},
			smartResumeNode('Push', {
				resource: 'credential',
				operation: 'push',
				source: 'certifier',
				achievementType: 'Certificate',
				issuerId: 'certifier-org-42',
				issuerName: 'Acme Academy',
			}),
		]),
	);
	expect(execution.status).toBe('success');
	const body = pushes().find((r) => r.status === 200)?.body as any;
	expect(body.recipient).toMatchObject({
		givenName: 'Grace',
		familyName: 'Hopper',
		email: 'grace@example.org',
	});
	expect(body.credentials[0]).toMatchObject({
		id: created.id,
		type: ['VerifiableCredential', 'OpenBadgeCredential'],
		credentialSubject: { achievement: { id: SEED_GROUP, achievementType: 'Certificate' } },
		issuer: { id: 'certifier-org-42', name: 'Acme Academy' },
	});
});

test('a token that expires mid-run is renewed; every item gets its link', async () => {
	const people = Array.from({ length: 5 }, (_, i) => ({
		who: `p-${i}`,
		id: `e2e-award-${randomUUID()}`,
	}));
	const workflow = chain('SmartResume token expiry', [
		{
			name: 'People',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			parameters: { jsCode: `return ${JSON.stringify(people)}.map((json) => ({ json }));` },
		},
		smartResumeNode('Push', {
			resource: 'credential',
			operation: 'push',
			recipientId: '={{ $json.who }}',
			source: 'fields',
			assertionId: '={{ $json.id }}',
			achievementId: 'A-1',
			achievementType: 'Badge',
			achievementName: 'Badge',
			issuerId: 'org',
			issuerName: 'Org',
			requestOptions: { concurrency: 1 },
		}),
	]);
	const id = await n8n.importWorkflow(workflow);
	await n8n.runWorkflow(id); // a token in store, as in a long-running instance
	sb.clearRequests();
	expireAfterPushes = 2;
	const execution = await n8n.runWorkflow(id);
	expect(execution.status).toBe('success');
	expect(items(execution, 'Push').map((o) => o.assertionIds)).toEqual(people.map((p) => [p.id]));
	// Two 401s for the one expiry: the node's push with the token it read, then n8n's with the same
	// stored token, after which n8n renews it and repeats the push.
	expect(pushes().filter((r) => r.status === 401)).toHaveLength(2);
	expect(sb.requests({ service: 'smartResume', pathIncludes: '/api/v1/token' })).toHaveLength(1);
});

test('bad input fails the run naming item and field; nothing is sent', async () => {
	const execution = await run(
		chain('SmartResume bad input', [
			smartResumeNode('Push', {
				resource: 'credential',
				operation: 'push',
				recipientId: '={{ "" }}',
				source: 'fields',
				assertionId: 'x',
				achievementId: 'A-1',
				achievementType: 'Badge',
				achievementName: 'Badge',
				issuerId: 'org',
				issuerName: 'Org',
			}),
		]),
	);
	expect(execution.status).toBe('error');
	expect(JSON.stringify(execution.nodes.Push.error)).toContain(
		'Invalid SmartResume push in item 0: recipient.id: is required (unless a recipient token is given) (field “Recipient ID”)',
	);
	expect(pushes()).toHaveLength(0);
});

describe('SmartResume Trigger on its production URL', () => {
	const origin = () => new URL(sb.urls.smartResume).origin;

	async function activate(workflow: Record<string, unknown>): Promise<{ id: string; url: string }> {
		const id = await n8n.importWorkflow(workflow);
		await n8n.activate(id);
		const webhookId = (workflow.nodes as Array<{ type: string; webhookId?: string }>).find(
			(n) => n.type === `${P}.smartResumeTrigger`,
		)!.webhookId;
		return { id, url: `${n8n.url}/webhook/${webhookId}/import` };
	}

	async function holderArrives(endpoint: string) {
		const request = await control('POST', '/import-requests', {
			partnerUrl: endpoint,
			userId: `sr-${randomUUID()}`,
		});
		const res = await fetch(request.browserUrl, { redirect: 'manual' });
		return { request, res };
	}

	test('redirect when the workflow is done: 303 to redirectURL after the push with the token', async () => {
		const webhookId = randomUUID();
		const hook = await activate({
			name: 'SmartResume import (last node)',
			nodes: [
				{
					name: 'SmartResume Trigger',
					type: `${P}.smartResumeTrigger`,
					typeVersion: 1,
					webhookId,
					position: [0, 0],
					parameters: { respond: 'lastNode', allowedHosts: origin() },
				},
				{
					...smartResumeNode('Push', {
						resource: 'credential',
						operation: 'push',
						recipientToken: '={{ $json.recipientToken }}',
						source: 'fields',
						assertionId: `e2e-${randomUUID()}`,
						achievementId: 'A-1',
						achievementType: 'Badge',
						achievementName: 'Badge',
						issuerId: 'org',
						issuerName: 'Org',
					}),
					position: [220, 0],
				},
			],
			connections: {
				'SmartResume Trigger': { main: [[{ node: 'Push', type: 'main', index: 0 }]] },
			},
		});
		const { request, res } = await holderArrives(hook.url);
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe(request.redirectURL);
		const upload = (await control('GET', '/uploads')).uploads.find(
			(u: any) => u.importRequestId === request.id,
		);
		expect(upload).toMatchObject({ recipienttoken: request.recipientToken });

		const back = await fetch(res.headers.get('location')!);
		expect(await back.text()).toContain('data-status="completed"');

		const before = await n8n.lastExecutionId(hook.id);
		const bad = await fetch(
			`${hook.url}?recipientToken=abc&redirectURL=${encodeURIComponent('https://evil.example/')}`,
			{ redirect: 'manual' },
		);
		expect(bad.status).toBe(400);
		expect(bad.headers.get('location')).toBeNull();
		expect(await bad.text()).toContain('redirectURL points to a host that is not allowed');
		expect(await n8n.lastExecutionId(hook.id)).toBe(before);
		await n8n.deactivate(hook.id);
	});

	test('the shipped Respond to Webhook workflow redirects after the push', async () => {
		const shipped = JSON.parse(
			readFileSync(
				path.join(__dirname, '../../workflows/smartresume-import-endpoint.json'),
				'utf8',
			),
		);
		const webhookId = randomUUID();
		// The person "signed in" on the partner's side, with one credential issued in Certifier.
		const email = `import.${randomUUID().slice(0, 8)}@example.org`;
		const issued = await fetch(`${sb.urls.certifier}/credentials/create-issue-send`, {
			method: 'POST',
			headers: {
				authorization: `Bearer ${sb.demo.certifier.accessToken}`,
				'certifier-version': sb.demo.certifier.version,
				'content-type': 'application/json',
			},
			body: JSON.stringify({ groupId: SEED_GROUP, recipient: { name: 'Import Person', email } }),
		});
		expect(issued.status).toBeLessThan(300);
		for (const node of shipped.nodes) {
			if (node.type === `${P}.smartResumeTrigger`)
				Object.assign(node, {
					webhookId,
					parameters: { ...node.parameters, allowedHosts: origin() },
				});
			if (node.type === `${P}.smartResume`)
				node.credentials = { smartResumeOAuth2Api: smartResume };
			if (node.type === `${P}.certifier`) node.credentials = { certifierApi: certifier };
			if (node.name === 'Identify the person')
				node.parameters.assignments.assignments[0].value = email;
		}
		const hook = await activate(shipped);
		const { request, res } = await holderArrives(hook.url);
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe(request.redirectURL);
		expect(
			(await control('GET', '/uploads')).uploads.some((u: any) => u.importRequestId === request.id),
		).toBe(true);
		await n8n.deactivate(hook.id);
	});
});
