// SEEK Pass against its published reference (shared/api/seek-pass-reference.md): every example
// there is a case naming its source page — the education sample of §5.1 as printed, and for each
// other type an example built from its field table (§5.2–§5.7). For each API version the type
// has: (a) the node, given editor fields, sends the example JSON-equal; (b) the sandbox accepts
// the example as written; (c) with one required field left empty, the node refuses before any
// request, naming item and field. v2 paths and the envelope placement of partner_chain follow the
// lead's contract (wt/SEEKPASS-CONTRACT.md) where the reference does not print them.
import { NodeOperationError, type IDataObject, type INodeParameters } from 'n8n-workflow';
import { SEEK_PASS_V2_ADD_PATHS } from '../../nodes/SeekPass/constants';
import { SCOPES as SANDBOX_SCOPES } from '../../sandbox/seekpass/constants.cjs';
import {
	badgeFieldsOf,
	batchFromItems,
	degreeFieldsOf,
	identityFieldsOf,
} from '../integration/seekpass/batch-fixtures.cjs';
import { startSeekPassEnv } from '../integration/seekpass/env.cjs';
import { useServiceEnv } from '../integration/service-env.cjs';
import { EMPTY, SEEK_PASS_EXAMPLES, type SeekPassExample } from './seekpass-examples.cjs';

const env = useServiceEnv(startSeekPassEnv);

const INPUT: IDataObject[] = [{ blank: '' }];
const ID = 'seek-pass-test-a9a4839f-53d9-4064-8b0b-1348113a33f8';

type Version = 'v1' | 'v2';

const pathOf = (version: Version, type: string) =>
	version === 'v1'
		? `/api/partner/v1/add/${type}.json`
		: SEEK_PASS_V2_ADD_PATHS[type as keyof typeof SEEK_PASS_V2_ADD_PATHS];

function parameters(c: SeekPassExample, version: Version, over: INodeParameters = {}) {
	return {
		resource: 'credential',
		operation: 'add',
		apiVersion: version,
		submissionIdMode: 'given',
		submissionId: ID,
		...c.parameters,
		...(version === 'v1' ? c.v1Parameters : {}),
		...over,
	};
}

/** A token holding every scope the sandbox's demo client has, as a partner's call would. */
async function token(): Promise<string> {
	const res = await fetch(`${env.sb.urls.seekPass}/api/partner/v1/oauth/token.json`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			grant_type: 'client_credentials',
			client_id: env.sb.demo.seekPass.clientId,
			client_secret: env.sb.demo.seekPass.clientSecret,
			scope: SANDBOX_SCOPES.join(' '),
		}),
	});
	return ((await res.json()) as { access_token: string }).access_token;
}

const cases = SEEK_PASS_EXAMPLES.flatMap((c) =>
	(['v1', 'v2'] as const)
		.filter((version) => version === 'v2' || c.v1 !== undefined)
		.map((version) => ({ ...c, version, label: `${c.name} (${version})` })),
);

describe.each(cases)('$label — $source', (c) => {
	const example = () => (c.version === 'v1' ? c.v1!(ID) : c.v2(ID));
	const path = pathOf(c.version, c.type);

	test('(a) the node builds the example from editor fields', async () => {
		const run = await env.run(parameters(c, c.version), INPUT);
		// Refused before sending (e.g. a scope the sandbox does not grant) shows here first.
		if (run.error instanceof NodeOperationError) throw run.error;
		const sent = env.apiRequests({ pathIncludes: '/add/' });
		expect(sent.map((r) => r.path)).toEqual([`/seekpass${path}`]);
		expect(sent[0].body).toEqual(example());
	});

	test('(b) the sandbox accepts the example', async () => {
		const res = await fetch(`${env.sb.urls.seekPass}${path}`, {
			method: 'POST',
			headers: {
				authorization: `Bearer ${await token()}`,
				'content-type': 'application/json',
				accept: 'application/json',
			},
			body: JSON.stringify(example()),
		});
		expect(res.status).toBe(201);
		expect(((await res.json()) as { redirect_uri?: unknown }).redirect_uri).toEqual(
			expect.any(String),
		);
	});

	const idField = c.version === 'v1' ? 'id' : 'credential_id';
	const removals = [...c.removals, { field: idField, over: { submissionId: EMPTY } }];
	test.each(removals)(
		'(c) without $field the node refuses before any request, naming item and field',
		async ({ field, over }) => {
			const run = await env.run(parameters(c, c.version, over), INPUT);
			const escaped = field.replace(/[.[\]]/g, (ch) => `\\${ch}`);
			expect((run.error as Error | undefined)?.message).toMatch(
				new RegExp(`^Invalid .+ in item 0: ${escaped}: `),
			);
			expect(env.sb.requests({ service: 'seekPass' })).toEqual([]);
		},
	);
});

describe('universal credential exists only in v2 — https://developer.seekpass.co/en-au/docs/guide/universal-credential-field-descriptions/', () => {
	test('asked for in v1, the node refuses before any request, naming the API Version', async () => {
		const universal = SEEK_PASS_EXAMPLES.find((c) => c.type === 'universal_credential')!;
		const run = await env.run(parameters(universal, 'v1'), INPUT);
		expect((run.error as Error | undefined)?.message).toMatch(
			/^Invalid .+ in item 0: apiVersion: universal_credential exists only in SEEK Pass API v2/,
		);
		expect(env.sb.requests({ service: 'seekPass' })).toEqual([]);
	});
});

// ---- Batch (§6) and Verify (§9): the printed skeletons, filled in ----

const BATCH_V2 = 'https://developer.seekpass.co/en-au/docs/guide/batch-field-descriptions/';
const BATCH_V1 = 'https://developer.seekpass.co/docs/guide/batch-field-descriptions';
const VERIFY = 'https://developer.seekpass.co/docs/guide/vwsp-integration-flow';
const BATCH_ID = '67a7cd42-4b1f-4e8e-9a57-0d6f0f2a1c11';

/** One person's credentials, one per input item, as the batch reads them (§6: "1 × Digital Identity + 2 × Education + …"). */
const batchNode: INodeParameters = {
	...batchFromItems,
	batchIdMode: 'given',
	batchId: BATCH_ID,
	submissionIdMode: 'given',
	submissionId: '={{ $json.id }}',
	personKey: 'john.smith@example.com',
	full_name: 'John Smith',
	identity_document_validity: 'government_database',
};
const identityItem = { type: 'digital_identity', id: `${BATCH_ID}-digital-identity-1` };
const degreeItem = {
	type: 'education',
	id: `${BATCH_ID}-education-1`,
	provider: 'University of Melbourne',
	course: 'Bachelor of Commerce',
	year: '2024',
};
const badgeItem = {
	type: 'microcredential',
	id: `${BATCH_ID}-microcredential-1`,
	issuer: 'ABC Management Academy',
	badge: 'Leading High-Performance Teams',
	issued: '2025-02-14',
};
const identityFields = identityFieldsOf('John Smith', 'government_database');
const degreeFields = degreeFieldsOf('John Smith', degreeItem);
const badgeFields = badgeFieldsOf('John Smith', badgeItem);
const testamur = Buffer.from('%PDF-1.4 John Smith BCom testamur\n%%EOF');
const batchInput = () => [
	{ json: identityItem },
	{
		json: degreeItem,
		binary: {
			data: {
				data: testamur.toString('base64'),
				mimeType: 'application/pdf',
				fileName: 'testamur.pdf',
			},
		},
	},
	{ json: badgeItem },
];
const runBatch = async (parameters: INodeParameters, input = batchInput()) =>
	await env.n8n.runNode({
		type: 'seekPass',
		parameters,
		credentials: { seekPassOAuth2Api: env.credentialId },
		input,
	});

async function post(path: string, body: unknown): Promise<Response> {
	return await fetch(`${env.sb.urls.seekPass}${path}`, {
		method: 'POST',
		headers: {
			authorization: `Bearer ${await token()}`,
			'content-type': 'application/json',
			accept: 'application/json',
		},
		body: JSON.stringify(body),
	});
}

describe(`batch v2 (§6.2) — ${BATCH_V2}`, () => {
	const example = {
		credential_id: BATCH_ID,
		digital_identity: { credential_id: identityItem.id, fields: identityFields },
		education_items: [
			{
				credential_id: degreeItem.id,
				fields: degreeFields,
				assets: [{ asset_id: `${degreeItem.id}-asset-1`, asset_type: 'pdf' }],
			},
		],
		microcredential_items: [{ credential_id: badgeItem.id, fields: badgeFields }],
	};
	const withAttachment = {
		...batchNode,
		apiVersion: 'v2',
		assets: {
			asset: [
				{
					assetType: 'pdf',
					source: 'binary',
					binaryProperty: '={{ $json.type === "education" ? "data" : "" }}',
				},
			],
		},
	};

	test('(a) the node builds the example from editor fields, then uploads the file', async () => {
		const run = await runBatch(withAttachment);
		if (run.error) throw run.error;
		const sent = env.apiRequests({ pathIncludes: '/add/' });
		expect(sent.map((r) => r.path)).toEqual(['/seekpass/api/partner/v2/add/requests/batch.json']);
		expect(sent[0].body).toEqual(example);
		const received = (await env.control('GET', '/uploads')) as IDataObject[];
		expect(received).toEqual([
			expect.objectContaining({ asset_id: `${degreeItem.id}-asset-1`, bytes: testamur.length }),
		]);
	});

	test('(b) the sandbox accepts the example and answers an upload link for the file', async () => {
		const res = await post('/api/partner/v2/add/requests/batch.json', example);
		expect(res.status).toBe(201);
		const answer = (await res.json()) as { redirect_uri: string; uploads: IDataObject[] };
		expect(answer.redirect_uri).toMatch(/\/partner\/add\/batch#clientId=.+&content=.+$/);
		expect(answer.uploads).toEqual([
			expect.objectContaining({
				asset_id: `${degreeItem.id}-asset-1`,
				content_type: 'application/pdf',
			}),
		]);
	});

	test.each([
		{
			field: 'course_name',
			item: 1,
			input: () => [{ json: identityItem }, { json: { ...degreeItem, course: '' } }],
		},
		{
			field: 'issue_date',
			item: 1,
			input: () => [{ json: identityItem }, { json: { ...badgeItem, issued: '' } }],
		},
		{ field: 'credential_id', item: 0, input: () => [{ json: { ...identityItem, id: '' } }] },
	])(
		'(c) without $field the node refuses before any request, naming item and field',
		async ({ field, item, input }) => {
			const run = await runBatch({ ...batchNode, apiVersion: 'v2' }, input());
			expect((run.error as Error | undefined)?.message).toMatch(
				new RegExp(`^Invalid .+ in item ${item}: ${field}: `),
			);
			expect(env.sb.requests({ service: 'seekPass' })).toEqual([]);
		},
	);

	test('(c) without the top-level batch id the node refuses before any request', async () => {
		const run = await runBatch({ ...batchNode, apiVersion: 'v2', batchId: EMPTY });
		expect((run.error as Error | undefined)?.message).toMatch(/^Invalid .+ in item 0: batchId: /);
		expect(env.sb.requests({ service: 'seekPass' })).toEqual([]);
	});
});

describe(`batch v1 (§6.1) — ${BATCH_V1}`, () => {
	const example = {
		id: BATCH_ID,
		credentials: [
			{
				id: identityItem.id,
				credential_type: 'digital_identity',
				data: { credential: identityFields },
			},
			{ id: degreeItem.id, credential_type: 'education', data: { credential: degreeFields } },
			{ id: badgeItem.id, credential_type: 'microcredential', data: { credential: badgeFields } },
		],
	};

	test('(a) the node builds the example from editor fields', async () => {
		const run = await runBatch({ ...batchNode, apiVersion: 'v1' });
		if (run.error) throw run.error;
		const sent = env.apiRequests({ pathIncludes: '/add/' });
		expect(sent.map((r) => r.path)).toEqual(['/seekpass/api/partner/v1/add/batch.json']);
		expect(sent[0].body).toEqual(example);
	});

	test('(b) the sandbox accepts the example', async () => {
		const res = await post('/api/partner/v1/add/batch.json', example);
		expect(res.status).toBe(201);
		expect(((await res.json()) as { redirect_uri: string }).redirect_uri).toMatch(
			/\/partner\/add\/batch#clientId=[^&]+&content=[^&]+$/,
		);
	});

	test('(c) without course_name the node refuses before any request, naming item and field', async () => {
		const run = await runBatch({ ...batchNode, apiVersion: 'v1' }, [
			{ json: { ...degreeItem, course: '' } },
		]);
		expect((run.error as Error | undefined)?.message).toMatch(
			/^Invalid .+ in item 0: course_name: /,
		);
		expect(env.sb.requests({ service: 'seekPass' })).toEqual([]);
	});
});

describe(`verification create (§9.1) — ${VERIFY}`, () => {
	const example = {
		request_id: '7cbc7e51-7a31-4d4e-9a55-5f1c1b7e2a10',
		callback_url: 'https://www.example.com/verified',
		display_options: {
			partner_name: 'Acme Recruiting',
			partner_logo_url: 'https://www.example.com/logo.png',
		},
		request_source: [{ name: 'Acme Careers' }],
		metadata: {
			position_title: 'Registered Nurse',
			position_url: 'https://www.example.com/jobs/42',
			position_location: 'Melbourne VIC',
			job_categories: 'Healthcare & Medical',
			applied_on_seek: true,
		},
	};
	const fields: INodeParameters = {
		resource: 'verification',
		operation: 'create',
		partner_name: 'Acme Recruiting',
		verificationFields: {
			request_id: example.request_id,
			callback_url: example.callback_url,
			partner_logo_url: example.display_options.partner_logo_url,
			request_source: { sources: [{ name: 'Acme Careers' }] },
		},
		metadata: example.metadata,
	};

	test('(a) the node builds the example from editor fields', async () => {
		const run = await env.run(fields, INPUT);
		if (run.error) throw run.error;
		const [sent] = env.apiRequests({ pathIncludes: '/verify/' });
		expect(sent.path).toBe('/seekpass/api/partner/v2/verify/requests/digital_identity.json');
		expect(sent.body).toEqual(example);
	});

	test('(b) the sandbox accepts the example', async () => {
		const res = await post('/api/partner/v2/verify/requests/digital_identity.json', example);
		expect(res.status).toBe(201);
	});

	test('(c) without display_options.partner_name the node refuses before any request', async () => {
		const run = await env.run({ ...fields, partner_name: EMPTY }, INPUT);
		expect((run.error as Error | undefined)?.message).toMatch(
			/^Invalid .+ in item 0: display_options\.partner_name: /,
		);
		expect(env.sb.requests({ service: 'seekPass' })).toEqual([]);
	});
});
