// Four of the shipped workflows (workflows/*.json; the status sweep is in status-sweep.test.cts) in a real n8n against the sandbox and a local
// SMTP sink: each node's output, the emails as received (the link in them is the one the
// service returned) and the sandbox's record of what was sent. Credential ids and webhook ids
// are the only things substituted; the shipped files are otherwise imported as they are.
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { type Sandbox, startSandbox } from '../../sandbox/index.cjs';
import {
	createSandboxCredentials,
	type CredentialRefs,
	DataTables,
	type ExecutionResult,
	type Json,
	type MailSink,
	type N8nInstance,
	type ReceivedMail,
	startMailSink,
	startN8n,
	SUBMISSIONS_TABLE,
	workflowFromFile,
} from '../../real-n8n/index.cjs';

const P = 'n8n-nodes-career-credentials';
const file = (name: string) => path.join(__dirname, '../../workflows', name);

let sb: Sandbox;
let sink: MailSink;
let n8n: N8nInstance;
let credentials: CredentialRefs;

beforeAll(async () => {
	sb = await startSandbox({ port: 0 });
	sink = await startMailSink();
	n8n = await startN8n();
	credentials = await createSandboxCredentials(n8n, sb, sink);
}, 600_000);

afterAll(async () => {
	await n8n?.stop();
	await sb?.close();
	await sink?.close();
});

beforeEach(() => {
	sb.clearRequests();
	sink.clear();
});

const items = (execution: ExecutionResult, node: string): Json[] => {
	const result = execution.nodes[node];
	if (!result || result.error)
		throw n8n.failure(`${node}: ${JSON.stringify(result?.error ?? 'did not run').slice(0, 1500)}`);
	return result.items[0] ?? [];
};
const control = async (method: string, p: string, body?: unknown): Promise<any> => {
	const res = await fetch(`${sb.urls.control}${p}`, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	if (!res.ok) throw new Error(`${method} /_control${p}: ${res.status} ${await res.text()}`);
	return await res.json();
};
/** Certifier's API as the vendor's dashboard would use it, to issue credentials outside n8n. */
const issue = async (name: string, email: string): Promise<Json> => {
	const res = await fetch(`${sb.urls.certifier}/credentials/create-issue-send`, {
		method: 'POST',
		headers: {
			authorization: `Bearer ${sb.demo.certifier.accessToken}`,
			'certifier-version': sb.demo.certifier.version,
			'content-type': 'application/json',
		},
		body: JSON.stringify({ groupId: '01g90279gp5sbmfek7wymcsvec', recipient: { name, email } }),
	});
	if (!res.ok) throw new Error(`create-issue-send: ${res.status} ${await res.text()}`);
	return (await res.json()) as Json;
};
const acceptedPushes = () =>
	sb
		.requests({ service: 'smartResume', pathIncludes: '/api/v1/credentials' })
		.filter((r) => r.status === 200);
const pushedAssertionIds = () =>
	acceptedPushes().flatMap((r) =>
		((r.body as { credentials: Array<{ id: string }> }).credentials ?? []).map((c) => c.id),
	);
const linkIn = (mail: ReceivedMail, pattern: RegExp): string => {
	const found = pattern.exec(mail.text);
	if (!found)
		throw new Error(
			`no link matching ${pattern} in the email to ${mail.to.join(',')}:\n${mail.text}`,
		);
	return found[0];
};

describe('3. Nightly sync (run before workflow 1, which pushes the same kind of credential itself)', () => {
	let workflowId: string;
	const claimLink = /https?:\/\/\S+\/createmyresume\/\S+/;

	test('the first run pushes every credential issued in the window and emails each holder their claim link', async () => {
		const seeded = await control('POST', '/certifier/seed-credentials', {
			count: 3,
			status: 'issued',
		});
		expect(seeded.created).toBe(3);
		const issuedIds = ((await control('GET', '/certifier/credentials')).data as Json[])
			.filter((c) => c.status === 'issued')
			.map((c) => c.id);
		expect(issuedIds.length).toBeGreaterThanOrEqual(3);

		workflowId = await n8n.importWorkflow(workflowFromFile(file('nightly-sync.json'), credentials));
		const execution = await n8n.runWorkflow(workflowId, { trigger: 'Run now' });
		expect(execution.status).toBe('success');

		expect(
			items(execution, 'Issued recently')
				.map((c) => c.id)
				.sort(),
		).toEqual([...issuedIds].sort());
		expect(
			items(execution, 'Not sent before')
				.map((c) => c.id)
				.sort(),
		).toEqual([...issuedIds].sort());
		const withGroup = items(execution, 'With its group');
		expect(withGroup.every((c) => (c.group as Json)?.name === 'Introduction to Data Science')).toBe(
			true,
		);
		const pushed = items(execution, 'Push to SmartResume');
		expect(pushed).toHaveLength(issuedIds.length);
		expect(pushedAssertionIds().sort()).toEqual([...issuedIds].sort());

		const mails = await sink.waitFor(issuedIds.length);
		expect(mails).toHaveLength(issuedIds.length);
		expect(items(execution, 'Email the claim link')).toHaveLength(issuedIds.length);
		for (const [i, credential] of withGroup.entries()) {
			const recipient = credential.recipient as Json;
			const mail = mails.find((m) => m.to.includes(String(recipient.email)));
			expect(mail).toBeDefined();
			expect(mail!.subject).toBe('Your Introduction to Data Science certificate is on SmartResume');
			expect(linkIn(mail!, claimLink)).toBe(pushed[i].claimUrl);
		}
	});

	test('re-running the same night pushes and emails nothing twice; a newly issued credential goes out once', async () => {
		const again = await n8n.runWorkflow(workflowId, { trigger: 'Run now' });
		expect(again.status).toBe('success');
		expect(items(again, 'Issued recently').length).toBeGreaterThanOrEqual(3);
		expect(items(again, 'Not sent before')).toEqual([]);
		expect(again.nodes['Push to SmartResume']).toBeUndefined();
		expect(acceptedPushes()).toHaveLength(0);

		const fresh = await issue(
			'Katherine Johnson',
			`katherine.${randomUUID().slice(0, 8)}@example.org`,
		);
		const third = await n8n.runWorkflow(workflowId, { trigger: 'Run now' });
		expect(items(third, 'Not sent before').map((c) => c.id)).toEqual([fresh.id]);
		expect(pushedAssertionIds()).toEqual([fresh.id]);
		// Both later runs are done, so the sink holds everything they sent: one email, the new holder's.
		expect(sink.messages().map((m) => m.to)).toEqual([[(fresh.recipient as Json).email]]);
	});
});

describe('1. Issue → resume → wallet', () => {
	const seekPassLink = /https?:\/\/\S+\/partner\/add\/\S+/;

	test('issues, pushes, emails the SEEK Pass link and records the submission as pending, without waiting for the holder', async () => {
		// As a person does before the first run: the data table the workflow writes to (README).
		const tables = new DataTables(n8n);
		const tableId = await tables.create(SUBMISSIONS_TABLE.name, SUBMISSIONS_TABLE.columns);
		try {
			const workflowId = await n8n.importWorkflow(
				workflowFromFile(file('issue-resume-wallet.json'), credentials),
			);
			const execution = await n8n.runWorkflow(workflowId);
			expect(execution.status).toBe('success');

			const issued = items(execution, 'Issue certificate')[0];
			expect(issued).toMatchObject({
				status: 'issued',
				recipient: { name: 'Ada Lovelace', email: 'ada@example.org' },
				group: { name: 'Introduction to Data Science' },
			});
			const pushed = items(execution, 'Push to SmartResume')[0];
			expect(pushedAssertionIds()).toEqual([issued.id]);
			expect(String(pushed.claimUrl)).toContain('/createmyresume/');
			const added = items(execution, 'Add to SEEK Pass')[0];
			expect(String(added.redirectUri)).toContain('/partner/add/microcredential#');
			const submissions = (await control('GET', '/seekpass/submissions')).requests as Array<{
				ids: string[];
				status: string;
			}>;
			// Sent in SEEK Pass's v2 envelope; the organisation's name comes from the Settings node.
			expect(submissions.filter((s) => s.ids.includes(String(added.submissionId)))).toEqual([
				expect.objectContaining({
					status: 'incomplete',
					api_version: 'v2',
					body: expect.objectContaining({
						credential_id: added.submissionId,
						fields: expect.objectContaining({ issuer_name: 'Demo Academy' }),
					}),
				}),
			]);
			// Nothing in the run waits on SEEK Pass: no status was asked.
			expect(sb.requests({ service: 'seekPass', pathIncludes: '/status.json' })).toEqual([]);

			const [mail] = await sink.waitFor(1, (m) => seekPassLink.test(m.text));
			expect(items(execution, 'Email the holder')[0]).toMatchObject({
				accepted: ['ada@example.org'],
			});
			expect(mail.to).toEqual(['ada@example.org']);
			expect(mail.from).toBe('credentials@demo-academy.example');
			expect(mail.subject).toBe('Add your Introduction to Data Science certificate to SEEK Pass');
			expect(linkIn(mail, seekPassLink)).toBe(added.redirectUri);
			expect(mail.text).toContain(String(pushed.claimUrl));
			expect(sink.messages()).toHaveLength(1);

			const rows = await tables.rows(tableId);
			expect(rows).toEqual([
				expect.objectContaining({
					submissionId: added.submissionId,
					holderName: 'Ada Lovelace',
					holderEmail: 'ada@example.org',
					seekPassLink: added.redirectUri,
					smartResumeLink: pushed.claimUrl,
					status: 'pending',
					checkedAt: null,
					remindedAt: null,
					notifiedAt: null,
				}),
			]);
			expect(items(execution, 'Summary')[0]).toMatchObject({
				recipient: 'Ada Lovelace',
				certifierCredentialId: issued.id,
				smartResumeClaimLink: pushed.claimUrl,
				seekPassLink: added.redirectUri,
				seekPassSubmissionId: added.submissionId,
				emailedTo: 'ada@example.org',
				recordedStatus: 'pending',
				recordedAt: rows[0].sentAt,
			});
		} finally {
			await tables.remove(tableId);
		}
	});
});

describe('4. SmartResume import request', () => {
	test('finds the person’s Certifier credentials, pushes them with the recipient token, 303 back to SmartResume', async () => {
		const email = `grace.${randomUUID().slice(0, 8)}@example.org`;
		const mine = [await issue('Grace Hopper', email), await issue('Grace Hopper', email)];
		await issue('Someone Else', `other.${randomUUID().slice(0, 8)}@example.org`);

		const workflow = workflowFromFile(file('smartresume-import-endpoint.json'), credentials, {
			freshWebhookIds: true,
		});
		const trigger = workflow.nodes.find((n) => n.type === `${P}.smartResumeTrigger`)!;
		// The sandbox's SmartResume is not on SmartResume's real hosts; the person is "signed in" as `email`.
		trigger.parameters.allowedHosts = new URL(sb.urls.smartResume).origin;
		const identify = workflow.nodes.find((n) => n.name === 'Identify the person')!;
		(
			identify.parameters.assignments as { assignments: Array<{ value: string }> }
		).assignments[0].value = email;
		const workflowId = await n8n.importWorkflow(workflow);
		await n8n.activate(workflowId);
		try {
			const before = await n8n.lastExecutionId(workflowId);
			const request = await control('POST', '/smartresume/import-requests', {
				partnerUrl: `${n8n.url}/webhook/${trigger.webhookId}/import`,
				userId: `sr-${randomUUID()}`,
			});
			const res = await fetch(request.browserUrl, { redirect: 'manual' });
			expect(res.status).toBe(303);
			expect(res.headers.get('location')).toBe(request.redirectURL);

			const execution = await n8n.waitForExecution({ workflowId, afterId: before });
			expect(execution.status).toBe('success');
			expect(items(execution, 'SmartResume Trigger')[0]).toMatchObject({
				recipientToken: request.recipientToken,
				redirectURL: request.redirectURL,
			});
			expect(
				items(execution, 'Their credentials')
					.map((c) => c.id)
					.sort(),
			).toEqual(mine.map((c) => c.id).sort());
			expect(items(execution, 'Push to SmartResume')).toHaveLength(2);
			const [push] = acceptedPushes();
			expect(acceptedPushes()).toHaveLength(1);
			// SmartResume's own spelling of the field.
			expect(push.body).toMatchObject({ recipienttoken: request.recipientToken });
			expect(pushedAssertionIds().sort()).toEqual(mine.map((c) => c.id).sort());
			const uploads = (await control('GET', '/smartresume/uploads')).uploads as Array<{
				importRequestId?: string;
			}>;
			expect(uploads.filter((u) => u.importRequestId === request.id)).toHaveLength(1);
		} finally {
			await n8n.deactivate(workflowId);
		}
	});
});

describe('5. Verify a candidate with SEEK Pass', () => {
	test('creates the request, emails its link; the trigger gets the result; out come the verified name and date of birth', async () => {
		const workflow = workflowFromFile(file('verify-candidate.json'), credentials, {
			freshWebhookIds: true,
		});
		const workflowId = await n8n.importWorkflow(workflow);
		await n8n.activate(workflowId);
		try {
			const created = await n8n.runWorkflow(workflowId, { trigger: 'Start' });
			expect(created.status).toBe('success');
			const request = items(created, 'Create verification request')[0];
			expect(request).toMatchObject({
				requestId: expect.any(String),
				redirectUri: expect.stringContaining(`content=${String(request.requestId)}`),
			});
			const stored = (
				(await control('GET', '/seekpass/verifications')) as Array<{
					request_id: string;
					body: Json;
				}>
			).filter((v) => v.request_id === request.requestId);
			expect(stored).toHaveLength(1);
			expect(stored[0].body).toMatchObject({
				display_options: { partner_name: 'Demo Recruiting' },
				metadata: { position_title: 'Data Engineer' },
			});

			const [mail] = await sink.waitFor(1);
			expect(mail.to).toEqual(['grace@example.org']);
			expect(mail.subject).toBe('Please verify your identity for the Data Engineer role');
			expect(linkIn(mail, /https?:\/\/\S+/)).toBe(request.redirectUri);
			expect(items(created, 'Email the link')[0]).toMatchObject({
				accepted: ['grace@example.org'],
			});

			const before = await n8n.lastExecutionId(workflowId);
			const fired = await control(
				'POST',
				`/seekpass/verifications/${encodeURIComponent(String(request.requestId))}`,
				{
					status: 'verified',
					credential: { full_name: 'Grace Brewster Hopper', date_of_birth: '1906-12-09' },
				},
			);
			expect((fired.deliveries as Array<{ status: number }>).map((d) => d.status)).toEqual([200]);
			const result = await n8n.waitForExecution({ workflowId, afterId: before });
			expect(result.status).toBe('success');
			expect(items(result, 'SEEK Pass Trigger')[0]).toMatchObject({
				event: 'verified',
				request_id: request.requestId,
			});
			expect(items(result, 'Get the result')[0]).toMatchObject({
				request_id: request.requestId,
				status: 'verified',
			});
			expect(items(result, 'Verified candidate')).toEqual([
				{
					requestId: request.requestId,
					status: 'verified',
					fullName: 'Grace Brewster Hopper',
					dateOfBirth: '1906-12-09',
				},
			]);
		} finally {
			await n8n.deactivate(workflowId);
		}
	});
});
