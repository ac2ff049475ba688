// credential:add on a new node (version 2, API v2 by default) in n8n's real execution engine
// against the SEEK Pass sandbox: the v2 envelope {credential_id, fields, assets?} at the
// contract's path (or the user's), the three newer credential types from editor fields, and the
// output: the link as for v1, plus one outcome per attachment uploaded to the links SEEK Pass returns.
import { NodeOperationError, type INodeParameters } from 'n8n-workflow';
import { jsonOf, seekPassEnvPerFile } from '../env.cjs';

const env = seekPassEnvPerFile();

const add = (parameters: INodeParameters): INodeParameters => ({
	resource: 'credential',
	operation: 'add',
	...parameters,
});

const degree = (extra: INodeParameters = {}): INodeParameters =>
	add({
		credentialType: 'education',
		submissionIdMode: 'given',
		submissionId: 'edu-v2-1',
		full_name: 'John Smith',
		education_provider: 'University of Melbourne',
		course_name: 'Bachelor of Commerce',
		conferral_year: '2024',
		...extra,
	});

test('a new node sends the v2 envelope to the v2 path and outputs the link and the uploads', async () => {
	const run = await env.run(degree());

	expect(run.error).toBeUndefined();
	const sent = env.apiRequests({ pathIncludes: '/add/' });
	expect(sent.map((r) => r.path)).toEqual(['/seekpass/api/partner/v2/add/requests/education.json']);
	expect(sent[0].body).toEqual({
		credential_id: 'edu-v2-1',
		fields: {
			full_name: 'John Smith',
			education_provider: 'University of Melbourne',
			course_name: 'Bachelor of Commerce',
			conferral_year: '2024',
		},
	});
	expect(jsonOf(run)).toEqual([
		{
			submissionId: 'edu-v2-1',
			credentialType: 'education',
			redirectUri: expect.stringMatching(/\/partner\/add\/education#clientId=.+&content=.+$/),
			contentId: expect.any(String),
			documentType: null,
			clientId: env.sb.demo.seekPass.clientId,
			apiVersion: 'v2',
			assets: [],
			uploadsFailed: 0,
		},
	]);
});

test('an attachment from the item’s binary data is sent as an asset and uploaded to the link, never output', async () => {
	const pdf = Buffer.from('%PDF-1.4 John Smith BCom testamur\n%%EOF');
	const run = await env.n8n.runNode({
		type: 'seekPass',
		parameters: degree({
			assets: { asset: [{ assetType: 'pdf', source: 'binary', binaryProperty: 'data' }] },
		}),
		credentials: { seekPassOAuth2Api: env.credentialId },
		input: [
			{
				json: {},
				binary: {
					data: { data: pdf.toString('base64'), mimeType: 'application/pdf', fileName: 'b.pdf' },
				},
			},
		],
	});

	expect(run.error).toBeUndefined();
	const [sent] = env.apiRequests({ pathIncludes: '/add/' });
	expect((sent.body as { assets: unknown }).assets).toEqual([
		{ asset_id: 'edu-v2-1-asset-1', asset_type: 'pdf' },
	]);
	const [out] = jsonOf(run);
	expect(out.assets).toEqual([
		{
			assetId: 'edu-v2-1-asset-1',
			assetType: 'pdf',
			contentType: 'application/pdf',
			bytes: pdf.length,
			status: 'uploaded',
		},
	]);
	expect(out.uploadsFailed).toBe(0);
	// The presigned link is a write permission: it stays out of the output.
	expect(JSON.stringify(out)).not.toMatch(/signature=|_uploads/);
	const received = (await env.control('GET', '/uploads')) as Array<Record<string, unknown>>;
	expect(received).toEqual([
		expect.objectContaining({
			credential_id: 'edu-v2-1',
			asset_id: 'edu-v2-1-asset-1',
			content_type: 'application/pdf',
			bytes: pdf.length,
		}),
	]);
});

test('the v2 path can be overridden, e.g. the path SEEK Pass gave at onboarding', async () => {
	const run = await env.run(
		degree({ addOptions: { v2Path: '/api/partner/v2/add/requests/education' } }),
	);
	expect(run.error).toBeUndefined();
	expect(env.apiRequests({ pathIncludes: '/add/' }).map((r) => r.path)).toEqual([
		'/seekpass/api/partner/v2/add/requests/education',
	]);
});

test('a v2 path that is not a path is refused before any request', async () => {
	const run = await env.run(degree({ addOptions: { v2Path: 'education.json' } }));
	expect(run.error).toBeInstanceOf(NodeOperationError);
	expect((run.error as Error).message).toMatch(
		/in item 0: v2Path: must be a path starting with \//,
	);
	expect(env.sb.requests({ service: 'seekPass' })).toEqual([]);
});

test('an explicit API Version v1 on a new node sends the v1 envelope', async () => {
	const run = await env.run(degree({ apiVersion: 'v1' }));
	expect(run.error).toBeUndefined();
	const [sent] = env.apiRequests({ pathIncludes: '/add/' });
	expect(sent.path).toBe('/seekpass/api/partner/v1/add/education.json');
	expect(sent.body).toMatchObject({ id: 'edu-v2-1', credential_type: 'education' });
});

describe('the newer credential types from editor fields', () => {
	test('right to work: the country code is sent in capitals', async () => {
		const run = await env.run(
			add({ credentialType: 'right_to_work', full_name: 'Jane Doe', country: 'au' }),
		);
		expect(run.error).toBeUndefined();
		const [sent] = env.apiRequests({ pathIncludes: '/add/' });
		expect(sent.path).toBe('/seekpass/api/partner/v2/add/requests/right_to_work.json');
		expect((sent.body as { fields: unknown }).fields).toEqual({
			full_name: 'Jane Doe',
			country: 'AU',
		});
	});

	test('right to work in SG without Singapore work rights is refused before any request', async () => {
		const run = await env.run(
			add({ credentialType: 'right_to_work', full_name: 'Tan Mei Ling', country: 'SG' }),
		);
		expect((run.error as Error).message).toMatch(
			/in item 0: singapore_work_rights: is required when country is SG/,
		);
		expect(env.sb.requests({ service: 'seekPass' })).toEqual([]);
	});

	test('career history: employment from JSON, a current job without an end month', async () => {
		const employment = [
			{
				organisation: 'Acme Pty Ltd',
				role_title: 'Engineer',
				start_date: '2021-03',
				last_processed_month: '2026-10',
			},
		];
		const run = await env.run(
			add({
				credentialType: 'career_history',
				full_name: 'John Doe',
				careerHistoryFields: { employment_json: '={{ $json.employment }}' },
			}),
			[{ employment }],
		);
		expect(run.error).toBeUndefined();
		const [sent] = env.apiRequests({ pathIncludes: '/add/' });
		expect(sent.path).toBe('/seekpass/api/partner/v2/add/requests/career_history');
		expect((sent.body as { fields: unknown }).fields).toEqual({
			full_name: 'John Doe',
			employment,
		});
	});

	test('career history: a month in the wrong format names the row and field', async () => {
		const run = await env.run(
			add({
				credentialType: 'career_history',
				full_name: 'John Doe',
				employment: {
					jobs: [
						{
							organisation: 'Acme',
							role_title: 'Engineer',
							start_date: '03/2021',
							last_processed_month: '2026-10',
						},
					],
				},
			}),
		);
		expect((run.error as Error).message).toMatch(
			/in item 0: employment\[0\]\.start_date: must be a month in YYYY-MM format/,
		);
		expect(env.sb.requests({ service: 'seekPass' })).toEqual([]);
	});

	test('universal credential: "Other" sends the typed category', async () => {
		const run = await env.run(
			add({
				credentialType: 'universal_credential',
				full_name: 'Jane Doe',
				credential_name: 'Working with Children Check',
				credential_category: '__other',
				credential_category_other: 'working_with_children_check',
				issuer_name: 'Service Victoria',
			}),
		);
		expect(run.error).toBeUndefined();
		const [sent] = env.apiRequests({ pathIncludes: '/add/' });
		expect(sent.path).toBe('/seekpass/api/partner/v2/add/requests/universal_credential.json');
		expect((sent.body as { fields: unknown }).fields).toEqual({
			full_name: 'Jane Doe',
			credential_name: 'Working with Children Check',
			credential_category: 'working_with_children_check',
			issuer_name: 'Service Victoria',
		});
	});
});
