// Certifier against its published reference (shared/api/certifier-reference.md): every example
// there is a case naming its source page. For a request example: (a) the node, given editor
// fields, sends the example JSON-equal; (b) the sandbox accepts the example as written; (c) with
// one required field left empty, the node refuses before any request, naming item and field.
// Response examples (error envelope, page wrapper, objects, webhook delivery) are checked as the
// sandbox answers and as the trigger reads them.
import { createHmac } from 'node:crypto';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { decideWebhook } from '../../nodes/Certifier/trigger/webhook-event';
import {
	byId,
	type CertifierEnv,
	fromList,
	SEED_DESIGNS,
	SEED_GROUP,
	startCertifierEnv,
} from '../integration/certifier/env.cjs';
import { useServiceEnv } from '../integration/service-env.cjs';

const env = useServiceEnv(startCertifierEnv);

const REF = 'https://developers.certifier.io/docs/api-reference';
/** An editor field left empty: an expression, so that n8n's own required-field check lets it through. */
const EMPTY = '={{ $json.blank }}';
const INPUT: IDataObject[] = [{ blank: '' }];

interface Ids {
	credentialId: string;
}
interface RequestCase {
	name: string;
	source: string;
	method: string;
	path: (ids: Ids) => string;
	/** The reference's example body, as published (ids filled in where it says "…"). */
	example: (ids: Ids) => IDataObject;
	/** The editor fields that produce it. */
	parameters: (ids: Ids) => INodeParameters;
	/** Each required field of the published table, and the editor fields with it left empty. */
	removals: Array<{ field: string; parameters: (ids: Ids) => INodeParameters }>;
	/** State the example needs (a credential to send or to record an interaction on). */
	setup?: (env: CertifierEnv) => Promise<Ids>;
}

async function issuedCredential(e: CertifierEnv): Promise<Ids> {
	const { id } = await e.api('POST', '/credentials', {
		groupId: SEED_GROUP,
		recipient: { name: 'John Doe', email: 'john.doe@example.org' },
	});
	await e.api('POST', `/credentials/${id}/issue`);
	return { credentialId: id };
}

const createDraft = (ids: Ids, over: INodeParameters = {}): INodeParameters => ({
	resource: 'credential',
	operation: 'create',
	group: byId(SEED_GROUP),
	recipientName: 'John Doe',
	...over,
});
const createIssueSend = (ids: Ids, over: INodeParameters = {}): INodeParameters => ({
	resource: 'credential',
	operation: 'createIssueSend',
	group: byId(SEED_GROUP),
	recipientName: 'John Doe',
	recipientEmail: 'john.doe@example.org',
	...over,
});
const send = (ids: Ids, over: INodeParameters = {}): INodeParameters => ({
	resource: 'credential',
	operation: 'send',
	credentialId: byId(ids.credentialId),
	deliveryMethod: 'email',
	...over,
});
const createGroup = (ids: Ids, over: INodeParameters = {}): INodeParameters => ({
	resource: 'group',
	operation: 'create',
	name: 'Introduction to Data Science',
	design: fromList(SEED_DESIGNS[0]),
	...over,
});
const createInteraction = (ids: Ids, over: INodeParameters = {}): INodeParameters => ({
	resource: 'credentialInteraction',
	operation: 'create',
	credentialId: byId(ids.credentialId),
	eventType: 'credential_viewed',
	...over,
});

const REQUEST_CASES: RequestCase[] = [
	{
		name: 'create a credential: the page sample {groupId, recipient: {name}}',
		source: `${REF}/credentials/create-a-credential`,
		method: 'POST',
		path: () => '/credentials',
		example: () => ({ groupId: SEED_GROUP, recipient: { name: 'John Doe' } }),
		parameters: (ids) => createDraft(ids),
		removals: [
			{ field: 'groupId', parameters: (ids) => createDraft(ids, { group: EMPTY }) },
			{ field: 'recipient.name', parameters: (ids) => createDraft(ids, { recipientName: EMPTY }) },
		],
	},
	{
		// The §5.2 sample omits the email; flow §11.1 sends recipient {name, email}, and the node
		// requires the address because the call emails the credential.
		name: 'create, issue and send: {groupId, recipient: {name, email}}',
		source: `${REF}/credentials/create-issue-and-send-a-credential`,
		method: 'POST',
		path: () => '/credentials/create-issue-send',
		example: () => ({
			groupId: SEED_GROUP,
			recipient: { name: 'John Doe', email: 'john.doe@example.org' },
		}),
		parameters: (ids) => createIssueSend(ids),
		removals: [
			{ field: 'groupId', parameters: (ids) => createIssueSend(ids, { group: EMPTY }) },
			{
				field: 'recipient.name',
				parameters: (ids) => createIssueSend(ids, { recipientName: EMPTY }),
			},
		],
	},
	{
		name: 'send a credential: {"deliveryMethod": "email"}',
		source: `${REF}/credentials/send-a-credential`,
		method: 'POST',
		path: (ids) => `/credentials/${ids.credentialId}/send`,
		example: () => ({ deliveryMethod: 'email' }),
		parameters: (ids) => send(ids),
		removals: [
			{ field: 'deliveryMethod', parameters: (ids) => send(ids, { deliveryMethod: EMPTY }) },
		],
		setup: issuedCredential,
	},
	{
		// The page's cursor "…" stands for the previous page's pagination.next: a first page has none.
		// The search table marks no field required, so there is no removal case.
		name: 'search credentials: status equals issued AND recipient name contains John, newest first, 25 per page',
		source: `${REF}/credentials/search-credentials`,
		method: 'POST',
		path: () => '/credentials/search',
		example: () => ({
			filter: {
				AND: [{ status: { equals: 'issued' } }, { recipient: { name: { contains: 'John' } } }],
			},
			sort: { property: 'createdAt', order: 'desc' },
			limit: 25,
		}),
		parameters: () => ({
			resource: 'credential',
			operation: 'search',
			filterMode: 'builder',
			combinator: 'AND',
			conditions: {
				condition: [
					{ field: 'status', statuses: ['issued'] },
					{ field: 'recipient.name', stringOperator: 'contains', value: 'John' },
				],
			},
			returnAll: false,
			limit: 25,
			options: { sortProperty: 'createdAt', sortOrder: 'desc' },
		}),
		removals: [],
	},
	{
		name: 'template setup: {name, designIds: […]}',
		source: `${REF}/credential-templates/create-a-credential-template`,
		method: 'POST',
		path: () => '/groups',
		example: () => ({ name: 'Introduction to Data Science', designIds: [SEED_DESIGNS[0]] }),
		parameters: (ids) => createGroup(ids),
		removals: [
			{ field: 'name', parameters: (ids) => createGroup(ids, { name: EMPTY }) },
			{ field: 'designIds', parameters: (ids) => createGroup(ids, { design: EMPTY }) },
		],
	},
	{
		name: 'create a credential interaction: {credentialId, eventType}',
		source: `${REF}/credential-interactions/create-a-credential-interaction`,
		method: 'POST',
		path: () => '/credential-interactions',
		example: (ids) => ({ credentialId: ids.credentialId, eventType: 'credential_viewed' }),
		parameters: (ids) => createInteraction(ids),
		removals: [
			{
				field: 'credentialId',
				parameters: (ids) => createInteraction(ids, { credentialId: EMPTY }),
			},
			{ field: 'eventType', parameters: (ids) => createInteraction(ids, { eventType: EMPTY }) },
		],
		setup: issuedCredential,
	},
];

describe.each(REQUEST_CASES)('$name — $source', (c) => {
	const ids = async (): Promise<Ids> => (c.setup ? await c.setup(env) : { credentialId: '' });
	const sent = (i: Ids) =>
		env
			.apiRequests({ method: c.method })
			.filter((r) => r.path.endsWith(c.path(i)))
			.map((r) => r.body);

	test('(a) the node builds the example from editor fields', async () => {
		const i = await ids();
		const run = await env.run(c.parameters(i), INPUT);
		expect(run.error).toBeUndefined();
		expect(sent(i)).toEqual([c.example(i)]);
	});

	test('(b) the sandbox accepts the example', async () => {
		const i = await ids();
		const answer = await env.api(c.method, c.path(i), c.example(i));
		expect(answer).toBeDefined();
	});

	// test.each refuses an empty table: a case without required fields gets no (c) test.
	if (c.removals.length > 0)
		test.each(c.removals)(
			'(c) without $field the node refuses before any request, naming item and field',
			async ({ field, parameters }) => {
				const i = await ids();
				const before = env.apiRequests().length;
				const run = await env.run(parameters(i), INPUT);
				expect((run.error as Error | undefined)?.message).toMatch(
					new RegExp(`^Invalid [a-z ]+ in item 0: ${field.replace('.', '\\.')}: `),
				);
				expect(env.apiRequests().length).toBe(before);
			},
		);
});

describe('response examples', () => {
	test(`the error envelope {"error": {"code", "message"}} — https://developers.certifier.io/reference/errors`, async () => {
		const res = await fetch(`${env.sb.urls.certifier}/credentials`, {
			method: 'POST',
			headers: {
				authorization: `Bearer ${env.sb.demo.certifier.accessToken}`,
				'certifier-version': env.sb.demo.certifier.version,
				'content-type': 'application/json',
			},
			body: JSON.stringify({ recipient: { name: 'John Doe' } }),
		});
		expect(res.status).toBe(400);
		const body = (await res.json()) as { error: Record<string, unknown> };
		expect(Object.keys(body)).toEqual(['error']);
		expect(Object.keys(body.error)).toEqual(['code', 'message']);
		expect(body.error.code).toBe('validation_error');
	});

	test(`the page wrapper {data, pagination: {prev, next}} — ${REF}/groups/list-groups`, async () => {
		const page = await env.api('GET', '/groups?limit=1');
		expect(Object.keys(page)).toEqual(['data', 'pagination']);
		expect(Object.keys(page.pagination).sort()).toEqual(['next', 'prev']);
		expect(page.pagination.prev).toBeNull();
		expect(typeof page.pagination.next).toBe('string');
	});

	test(`the credential object, keys as published — https://developers.certifier.io/reference/the-credential-object`, async () => {
		const { credentialId } = await issuedCredential(env);
		const credential = await env.api('GET', `/credentials/${credentialId}`);
		expect(Object.keys(credential)).toEqual([
			'id',
			'publicId',
			'groupId',
			'status',
			'recipient',
			'issueDate',
			'expiryDate',
			'attributes',
			'customAttributes',
			'createdAt',
			'updatedAt',
		]);
		expect(Object.keys(credential.recipient)).toEqual(['id', 'name', 'email']);
	});

	test(`credential design previews [{id, name, previews: [{format, url}]}] — ${REF}/credentials/get-credential-design-templates`, async () => {
		const { credentialId } = await issuedCredential(env);
		const designs = await env.api('GET', `/credentials/${credentialId}/designs`);
		for (const design of designs) {
			expect(Object.keys(design)).toEqual(['id', 'name', 'previews']);
			for (const preview of design.previews) {
				expect(Object.keys(preview)).toEqual(['format', 'url']);
				expect(['png', 'pdf']).toContain(preview.format);
			}
		}
	});

	test(`the design object {id, name, type, previewUrl, createdAt, updatedAt} — ${REF}/designs/get-a-design`, async () => {
		const design = await env.api('GET', `/designs/${SEED_DESIGNS[0]}`);
		expect(Object.keys(design)).toEqual([
			'id',
			'name',
			'type',
			'previewUrl',
			'createdAt',
			'updatedAt',
		]);
		expect(design.type).toBe('certificate');
	});

	test(`the credential interaction object — https://developers.certifier.io/reference/the-credential-interaction-object`, async () => {
		const { credentialId } = await issuedCredential(env);
		const made = await env.api('POST', '/credential-interactions', {
			credentialId,
			eventType: 'credential_viewed',
		});
		expect(Object.keys(made)).toEqual([
			'id',
			'credentialId',
			'eventType',
			'triggeredBy',
			'triggeredAt',
		]);
		expect(['recipient', 'guest']).toContain(made.triggeredBy);
	});

	test(`the webhook example payload is accepted by the trigger, signed as published — ${REF}/webhooks`, () => {
		const raw = JSON.stringify({
			id: '01jmyw7nvtk2372kwn572mwfq7',
			type: 'credential.created',
			createdAt: '2025-02-25T15:39:59.680Z',
			data: { resource: { id: '01jmyw4zyyrtyntqcevy2zmbnf', type: 'credential' } },
		});
		const secret = 'whsec_conformance';
		const verdict = decideWebhook({
			secret,
			rawBody: Buffer.from(raw, 'utf8'),
			signature: createHmac('sha256', secret).update(raw, 'utf8').digest('hex'),
			contentType: 'application/json',
			events: ['credential.created'],
		});
		expect(verdict).toEqual({
			event: JSON.parse(raw),
			eventId: '01jmyw7nvtk2372kwn572mwfq7',
		});
	});
});
