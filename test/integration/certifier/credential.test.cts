// Certifier credential operations run in-process through n8n-core against the sandbox: the
// requests the sandbox receives, the items n8n outputs, and Certifier's errors as users see them.
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import {
	byId,
	byUrl,
	certifierEnv,
	type CertifierEnv,
	json,
	SECOND_GROUP,
	SEED_GROUP,
} from './env.cjs';

let env: CertifierEnv;
beforeAll(async () => {
	env = await certifierEnv();
});
afterAll(async () => await env?.close());
beforeEach(() => env.sb.reset());

const VENDOR_CURL_BODY = { groupId: SEED_GROUP, recipient: { name: 'John Doe' } };

async function draft(name = 'Ada Lovelace', email = 'ada@example.org'): Promise<string> {
	const run = await env.run({
		resource: 'credential',
		operation: 'create',
		group: byId(SEED_GROUP),
		recipientName: name,
		recipientEmail: email,
	});
	expect(run.error).toBeUndefined();
	return String(json(run)[0].id);
}

describe('create (draft)', () => {
	test("the seed's curl example is sent JSON-equal from node fields, with the version header and bearer token", async () => {
		const run = await env.run({
			resource: 'credential',
			operation: 'create',
			group: byId(SEED_GROUP),
			recipientName: 'John Doe',
		});
		expect(run.error).toBeUndefined();
		const [request] = env.apiRequests('POST', '/credentials');
		expect(JSON.stringify(request.body)).toBe(JSON.stringify(VENDOR_CURL_BODY));
		expect(request.headers['certifier-version']).toBe('2022-10-26');
		expect(request.headers.authorization).toBe(`Bearer ${env.sb.demo.certifier.accessToken}`);
		const [item] = json(run);
		expect(item).toMatchObject({
			groupId: SEED_GROUP,
			status: 'draft',
			recipient: { name: 'John Doe' },
		});
		expect(item).not.toHaveProperty('group');
		expect(run.output[0][0].pairedItem).toEqual({ item: 0 });
	});

	test('all fields, custom attributes picked by tag and the group from its dashboard URL', async () => {
		const run = await env.run({
			resource: 'credential',
			operation: 'create',
			group: byUrl(`https://app.certifier.io/groups/${SEED_GROUP}`),
			recipientName: 'John Doe',
			recipientEmail: 'john.doe@example.com',
			customAttributes: { attribute: [{ tag: 'custom.mentor', value: 'Jane Doe' }] },
			additionalFields: { issueDate: '2022-01-01T00:00:00', expiryDate: '2023-01-01' },
			options: { includeGroup: true },
		});
		expect(run.error).toBeUndefined();
		expect(env.apiRequests('POST', '/credentials')[0].body).toEqual({
			groupId: SEED_GROUP,
			recipient: { name: 'John Doe', email: 'john.doe@example.com' },
			issueDate: '2022-01-01',
			expiryDate: '2023-01-01',
			customAttributes: { 'custom.mentor': 'Jane Doe' },
		});
		expect(json(run)[0]).toMatchObject({
			status: 'draft',
			issueDate: '2022-01-01',
			expiryDate: '2023-01-01',
			customAttributes: { 'custom.mentor': 'Jane Doe' },
			group: { id: SEED_GROUP, name: 'Introduction to Data Science' },
		});
	});

	test('bad input is refused before any request, naming item and field', async () => {
		const run = await env.run(
			{
				resource: 'credential',
				operation: 'create',
				group: byId(SEED_GROUP),
				recipientName: '={{ $json.name }}',
				recipientEmail: '={{ $json.email }}',
			},
			{
				input: [
					{ json: { name: 'Ok', email: 'ok@example.org' } },
					{ json: { name: 'Bad', email: 'not-an-email' } },
				],
			},
		);
		expect(run.error).toBeInstanceOf(NodeOperationError);
		expect((run.error as NodeOperationError).message).toBe(
			'Invalid credential in item 1: recipient.email: must be a valid email address',
		);
		// Item 0 may have been sent already; item 1 never was.
		expect(
			env
				.apiRequests('POST', '/credentials')
				.every((r) => (r.body as { recipient: { name: string } }).recipient.name !== 'Bad'),
		).toBe(true);
	});

	test('a custom attribute Certifier does not know comes back as its validation_error', async () => {
		const run = await env.run({
			resource: 'credential',
			operation: 'create',
			group: byId(SEED_GROUP),
			recipientName: 'A',
			customAttributes: { attribute: [{ tag: 'custom.nope', value: 'x' }] },
		});
		expect(run.error).toBeInstanceOf(NodeApiError);
		expect((run.error as NodeApiError).message).toMatch(
			/^Certifier answered 400 \[validation_error\]: customAttributes\.custom\.nope/,
		);
	});
});

describe('issue, send, create-issue-send', () => {
	test('draft → issue → send: the recipient gets one email', async () => {
		const id = await draft();
		const issued = await env.run({ resource: 'credential', operation: 'issue', credentialId: id });
		expect(json(issued)[0]).toMatchObject({ id, status: 'issued' });
		const sent = await env.run({
			resource: 'credential',
			operation: 'send',
			credentialId: id,
			deliveryMethod: 'email',
		});
		expect(sent.error).toBeUndefined();
		expect(env.apiRequests('POST', `/credentials/${id}/send`)[0].body).toEqual({
			deliveryMethod: 'email',
		});
		const { sends } = await env.control('GET', '/sends');
		expect(sends).toEqual([expect.objectContaining({ credentialId: id, to: 'ada@example.org' })]);
	});

	test('sending a draft surfaces Certifier’s conflict', async () => {
		const id = await draft();
		const run = await env.run({ resource: 'credential', operation: 'send', credentialId: id });
		expect(run.error).toBeInstanceOf(NodeApiError);
		expect((run.error as NodeApiError).message).toContain(
			'Certifier answered 409 [conflict]: Only issued credentials can be sent',
		);
		expect((run.error as NodeApiError).httpCode).toBe('409');
	});

	test('create-issue-send: issued, emailed, with the group; each group fetched once for all items', async () => {
		const input = [
			{ json: { name: 'A', email: 'a@example.org', group: SEED_GROUP } },
			{ json: { name: 'B', email: 'b@example.org', group: SEED_GROUP } },
			{ json: { name: 'C', email: 'c@example.org', group: SECOND_GROUP } },
			{ json: { name: 'D', email: 'd@example.org', group: SEED_GROUP } },
		];
		const run = await env.run(
			{
				resource: 'credential',
				operation: 'createIssueSend',
				group: byId('={{ $json.group }}'),
				recipientName: '={{ $json.name }}',
				recipientEmail: '={{ $json.email }}',
			},
			{ input },
		);
		expect(run.error).toBeUndefined();
		const items = json(run);
		expect(
			items.map((i) => [
				i.status,
				(i.recipient as { name: string }).name,
				(i.group as { name: string }).name,
			]),
		).toEqual([
			['issued', 'A', 'Introduction to Data Science'],
			['issued', 'B', 'Introduction to Data Science'],
			['issued', 'C', 'Workplace Safety Essentials'],
			['issued', 'D', 'Introduction to Data Science'],
		]);
		expect(run.output[0].map((i) => i.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(
			env
				.apiRequests('GET', '/groups/')
				.map((r) => r.path)
				.sort(),
		).toEqual(
			[`/groups/${SECOND_GROUP}`, `/groups/${SEED_GROUP}`].map((p) => `/certifier/v1${p}`).sort(),
		);
		expect((await env.control('GET', '/sends')).sends).toHaveLength(4);
	});

	test('create-issue-send whose email expression is empty is refused before any request', async () => {
		const run = await env.run({
			resource: 'credential',
			operation: 'createIssueSend',
			group: byId(SEED_GROUP),
			recipientName: 'A',
			recipientEmail: '={{ $json.email }}',
		});
		expect((run.error as Error).message).toContain('recipient.email: is required to send by email');
		expect(env.apiRequests()).toHaveLength(0);
	});

	test("a non-premium organisation gets Certifier's payment_required as a readable error", async () => {
		await env.control('POST', '/plan', { premium: false });
		const run = await env.run({
			resource: 'credential',
			operation: 'createIssueSend',
			group: byId(SEED_GROUP),
			recipientName: 'A',
			recipientEmail: 'a@example.org',
			options: { includeGroup: false },
		});
		expect(run.error).toBeInstanceOf(NodeApiError);
		expect((run.error as NodeApiError).message).toBe(
			'Certifier answered 402 [payment_required]: The requested feature is only available to premium organizations',
		);
	});
});

describe('get, update, delete', () => {
	test('get includes the group by default, fetched once per distinct group', async () => {
		const ids = [await draft('A', 'a@example.org'), await draft('B', 'b@example.org')];
		env.sb.clearRequests();
		const run = await env.run(
			{ resource: 'credential', operation: 'get', credentialId: '={{ $json.id }}' },
			{ input: ids.map((id) => ({ json: { id } })) },
		);
		expect(json(run).map((i) => i.group)).toEqual([
			{ id: SEED_GROUP, name: 'Introduction to Data Science' },
			{ id: SEED_GROUP, name: 'Introduction to Data Science' },
		]);
		expect(env.apiRequests('GET', '/groups/')).toHaveLength(1);
	});

	test('a missing credential is a readable not_found; with Continue on Fail it is an error item linked to its input', async () => {
		const id = await draft();
		const failed = await env.run({
			resource: 'credential',
			operation: 'get',
			credentialId: '01hzzzzzzzzzzzzzzzzzzzzzzz',
		});
		expect((failed.error as NodeApiError).message).toBe(
			'Certifier answered 404 [not_found]: The requested resource does not exist',
		);

		const run = await env.run(
			{
				resource: 'credential',
				operation: 'get',
				credentialId: '={{ $json.id }}',
				options: { includeGroup: false },
			},
			{
				input: [{ json: { id } }, { json: { id: '01hzzzzzzzzzzzzzzzzzzzzzzz' } }],
				continueOnFail: true,
			},
		);
		expect(run.error).toBeUndefined();
		expect(run.output[0][0].json).toMatchObject({ id });
		expect(run.output[0][1]).toEqual({
			json: expect.objectContaining({
				code: 'not_found',
				httpCode: '404',
				error: expect.stringContaining('[not_found]'),
			}),
			pairedItem: { item: 1 },
		});
	});

	test('update can clear the expiry date (expiryDate: null)', async () => {
		const id = await draft();
		const before = await env.run({ resource: 'credential', operation: 'get', credentialId: id });
		expect(json(before)[0].expiryDate).not.toBeNull();
		const run = await env.run({
			resource: 'credential',
			operation: 'update',
			credentialId: id,
			updateFields: { clearExpiryDate: true },
		});
		expect(run.error).toBeUndefined();
		expect(env.apiRequests('PATCH')[0].body).toEqual({ expiryDate: null });
		expect(json(run)[0]).toMatchObject({ id, expiryDate: null });
	});

	test('update changes recipient and custom attributes; nothing to update is refused before sending', async () => {
		const id = await draft();
		const run = await env.run({
			resource: 'credential',
			operation: 'update',
			credentialId: id,
			updateFields: {
				recipientName: 'Ada King',
				expiryDate: '2031-12-31',
				customAttributes: { attribute: [{ tag: 'custom.grade', value: 'A' }] },
			},
		});
		expect(json(run)[0]).toMatchObject({
			recipient: { name: 'Ada King' },
			expiryDate: '2031-12-31',
			customAttributes: { 'custom.grade': 'A' },
		});
		env.sb.clearRequests();
		const empty = await env.run({
			resource: 'credential',
			operation: 'update',
			credentialId: id,
			updateFields: {},
		});
		expect((empty.error as Error).message).toContain('add at least one field to update');
		expect(env.apiRequests()).toHaveLength(0);
	});

	test('delete removes the credential', async () => {
		const id = await draft();
		const run = await env.run({ resource: 'credential', operation: 'delete', credentialId: id });
		expect(json(run)).toEqual([{ id, deleted: true }]);
		const after = await env.run({ resource: 'credential', operation: 'get', credentialId: id });
		expect((after.error as NodeApiError).httpCode).toBe('404');
	});
});

describe('get designs', () => {
	test('preview URLs by format', async () => {
		const id = await draft();
		const run = await env.run({
			resource: 'credential',
			operation: 'getDesigns',
			credentialId: id,
		});
		const items = json(run);
		expect(items).toHaveLength(2);
		expect(items[0]).toMatchObject({ credentialId: id, name: 'Classic certificate' });
		expect(String((items[0].previewUrls as { pdf: string }).pdf)).toMatch(
			/\/cdn\/credentials\/.+\.pdf$/,
		);
		expect(run.output[0][0].binary).toBeUndefined();
	});

	test('download as PDF: n8n binary data, fetched without the access token', async () => {
		const id = await draft();
		const run = await env.run({
			resource: 'credential',
			operation: 'getDesigns',
			credentialId: id,
			download: 'pdf',
			binaryPropertyName: 'file',
		});
		expect(run.error).toBeUndefined();
		const binary = run.output[0][0].binary?.file;
		expect(binary).toMatchObject({
			mimeType: 'application/pdf',
			fileName: `certifier-${id}-01fpwtztwf7sacca5r0c483mnm.pdf`,
		});
		expect(Buffer.from(binary!.data, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
		const cdn = env.sb.requests({ pathIncludes: '/cdn/' });
		expect(cdn).toHaveLength(2);
		expect(cdn.every((r) => r.headers.authorization === undefined)).toBe(true);
	});

	test('download as PNG', async () => {
		const id = await draft();
		const run = await env.run({
			resource: 'credential',
			operation: 'getDesigns',
			credentialId: id,
			download: 'png',
		});
		expect(run.output[0].map((i) => i.binary?.data?.mimeType)).toEqual(['image/png', 'image/png']);
	});
});
