// Certifier credential: Create Draft, run in-process through n8n-core against the sandbox: the
// request the sandbox receives, the item n8n outputs, and Certifier's errors as users see them.
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { byId, byUrl, json, SEED_GROUP, startCertifierEnv } from '../env.cjs';
import { useServiceEnv } from '../../service-env.cjs';

const env = useServiceEnv(startCertifierEnv);

const VENDOR_CURL_BODY = { groupId: SEED_GROUP, recipient: { name: 'John Doe' } };

test("the seed's curl example is sent JSON-equal from node fields, with the version header and bearer token", async () => {
	const run = await env.run({
		resource: 'credential',
		operation: 'create',
		group: byId(SEED_GROUP),
		recipientName: 'John Doe',
	});
	expect(run.error).toBeUndefined();
	const [request] = env.apiRequests({ method: 'POST', pathIncludes: '/credentials' });
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
	expect(env.apiRequests({ method: 'POST', pathIncludes: '/credentials' })[0].body).toEqual({
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
		[
			{ name: 'Ok', email: 'ok@example.org' },
			{ name: 'Bad', email: 'not-an-email' },
		],
	);
	expect(run.error).toBeInstanceOf(NodeOperationError);
	expect((run.error as NodeOperationError).message).toBe(
		'Invalid credential in item 1: recipient.email: must be a valid email address (field “Recipient Email”)',
	);
	// Item 0 may have been sent already; item 1 never was.
	expect(
		env
			.apiRequests({ method: 'POST', pathIncludes: '/credentials' })
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
