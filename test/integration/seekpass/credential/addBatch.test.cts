// credential:addBatch against the sandbox, as the contract reads the reference (§6): v2 batches
// from Add's editor fields grouped by person (top-level credential_id, items per type key,
// single-object keys), their attachments uploaded to the sandbox's presigned links, v1 batches
// (§6.1), a whole batch from one item's JSON, and what is refused before anything is sent.
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import {
	ann,
	annBadge,
	annBadgeFields,
	annDegree,
	annDegreeFields,
	batchFromItems,
	bobIdentity,
	bobIdentityFields,
} from '../batch-fixtures.cjs';
import { jsonOf, seekPassEnvPerFile } from '../env.cjs';

const env = seekPassEnvPerFile();

const pdf = Buffer.from('%PDF-1.4 Ann Lee BSc transcript\n%%EOF');
const withPdf = (json: IDataObject): INodeExecutionData => ({
	json,
	binary: {
		data: { data: pdf.toString('base64'), mimeType: 'application/pdf', fileName: 'bsc.pdf' },
	},
});
const pdfAttachment = { asset: [{ assetType: 'pdf', source: 'binary', binaryProperty: 'data' }] };

const runWith = async (
	parameters: INodeParameters,
	input: INodeExecutionData[],
	continueOnFail = false,
) =>
	await env.n8n.runNode({
		type: 'seekPass',
		parameters,
		credentials: { seekPassOAuth2Api: env.credentialId },
		input,
		continueOnFail,
	});

const uuid = expect.stringMatching(
	/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
);

test('items of mixed types become one v2 batch per person, one output per person, the same ids on a re-run', async () => {
	const run = await env.run(batchFromItems, [annDegree, bobIdentity, annBadge]);

	expect(run.error).toBeUndefined();
	const sent = env.apiRequests({ pathIncludes: '/add/' });
	expect(sent.map((r) => r.path)).toEqual([
		'/seekpass/api/partner/v2/add/requests/batch.json',
		'/seekpass/api/partner/v2/add/requests/batch.json',
	]);
	const bodies = sent.map((r) => r.body as IDataObject);
	const annBody = bodies.find((b) => 'education_items' in b) as IDataObject;
	expect(annBody).toEqual({
		credential_id: uuid,
		education_items: [{ credential_id: uuid, fields: annDegreeFields }],
		microcredential_items: [{ credential_id: uuid, fields: annBadgeFields }],
	});
	const bobBody = bodies.find((b) => 'digital_identity' in b) as IDataObject;
	expect(bobBody).toEqual({
		credential_id: uuid,
		digital_identity: { credential_id: uuid, fields: bobIdentityFields },
	});

	const out = run.output[0];
	expect(out).toHaveLength(2);
	expect(out[0].pairedItem).toEqual([{ item: 0 }, { item: 2 }]);
	expect(out[1].pairedItem).toEqual({ item: 1 });
	const items = annBody as { education_items: IDataObject[]; microcredential_items: IDataObject[] };
	expect(out[0].json).toEqual({
		person: ann,
		batchId: annBody.credential_id,
		redirectUri: expect.stringMatching(
			/\/partner\/add\/batch#clientId=sandbox-seekpass-client&content=[0-9a-f-]{36}$/,
		),
		contentId: expect.any(String),
		clientId: env.sb.demo.seekPass.clientId,
		credentials: [
			{
				credentialId: items.education_items[0].credential_id,
				credentialType: 'education',
				assets: [],
			},
			{
				credentialId: items.microcredential_items[0].credential_id,
				credentialType: 'microcredential',
				assets: [],
			},
		],
		uploadsFailed: 0,
	});

	// Derived ids make the re-run idempotent: the same bodies, the same links.
	const again = await env.run(batchFromItems, [annDegree, bobIdentity, annBadge]);
	expect(jsonOf(again).map((j) => j.redirectUri)).toEqual(jsonOf(run).map((j) => j.redirectUri));
	expect(
		env
			.apiRequests({ pathIncludes: '/add/' })
			.slice(2)
			.map((r) => r.body),
	).toEqual(bodies);
});

test('an attachment from the item’s binary data lands at the sandbox’s upload link, byte for byte', async () => {
	const run = await runWith({ ...batchFromItems, assets: pdfAttachment }, [withPdf(annDegree)]);

	expect(run.error).toBeUndefined();
	const [request] = env.apiRequests({ pathIncludes: '/add/' });
	const item = (request.body as { education_items: IDataObject[] }).education_items[0];
	const assetId = `${String(item.credential_id)}-asset-1`;
	expect(item.assets).toEqual([{ asset_id: assetId, asset_type: 'pdf' }]);
	const [out] = jsonOf(run);
	expect(out.uploadsFailed).toBe(0);
	expect((out.credentials as Array<{ assets: IDataObject[] }>)[0].assets).toEqual([
		{
			assetId,
			assetType: 'pdf',
			contentType: 'application/pdf',
			bytes: pdf.length,
			status: 'uploaded',
		},
	]);
	const received = (await env.control('GET', '/uploads')) as IDataObject[];
	expect(received).toEqual([
		{
			credential_id: item.credential_id,
			asset_id: assetId,
			asset_type: 'pdf',
			content_type: 'application/pdf',
			bytes: pdf.length,
			sha256: require('node:crypto').createHash('sha256').update(pdf).digest('hex'),
		},
	]);
	const upload = env.sb.requests({ service: 'seekPass', method: 'PUT' });
	expect(upload).toHaveLength(1);
	expect(JSON.stringify(upload[0])).not.toMatch(/authorization/i);
});

test('each credential id of a batch, and the batch id, have their own status', async () => {
	const [out] = jsonOf(await env.run(batchFromItems, [annDegree, annBadge]));
	const ids = [
		out.batchId as string,
		...(out.credentials as IDataObject[]).map((c) => c.credentialId as string),
	];
	const statuses = await env.run(
		{ resource: 'submission', operation: 'getStatuses', submissionIds: '={{ $json.id }}' },
		ids.map((id) => ({ id })),
	);
	expect(jsonOf(statuses).map((j) => [j.submissionId, j.status])).toEqual(
		ids.map((id) => [id, 'incomplete']),
	);
});

test('v1 batch (§6.1) from the same fields when the node speaks API v1', async () => {
	const run = await env.run({ ...batchFromItems, apiVersion: 'v1' }, [annDegree, annBadge]);
	expect(run.error).toBeUndefined();
	const [request] = env.apiRequests({ pathIncludes: '/add/' });
	expect(request.path).toBe('/seekpass/api/partner/v1/add/batch.json');
	expect(request.body).toEqual({
		id: uuid,
		credentials: [
			{ id: uuid, credential_type: 'education', data: { credential: annDegreeFields } },
			{ id: uuid, credential_type: 'microcredential', data: { credential: annBadgeFields } },
		],
	});
	expect(jsonOf(run)[0].redirectUri).toMatch(/\/partner\/add\/batch#/);
});

test('refused before any request: two digital identities for one person, a missing binary field, an attachment right to work does not take, two on a universal credential', async () => {
	const twice = await env.run(batchFromItems, [bobIdentity, annDegree, { ...bobIdentity }]);
	expect((twice.error as Error).message).toMatch(
		/in item 2: batchCredentialType: a batch takes one digital identity; item 0/,
	);

	const noFile = await runWith({ ...batchFromItems, assets: pdfAttachment }, [{ json: annDegree }]);
	expect((noFile.error as Error).message).toMatch(
		/in item 0: assets\[0\]\.binaryProperty: the input item has no binary field "data"/,
	);

	const rightToWork = { type: 'right_to_work', email: ann, name: 'Ann Lee' };
	const onRtw = await runWith({ ...batchFromItems, country: 'AU', assets: pdfAttachment }, [
		withPdf(rightToWork),
	]);
	expect((onRtw.error as Error).message).toMatch(
		/in item 0: assets: right_to_work takes no assets/,
	);

	const universal = {
		type: 'universal_credential',
		email: ann,
		name: 'Ann Lee',
		issuer: 'Red Cross',
	};
	const two = { asset: [pdfAttachment.asset[0], pdfAttachment.asset[0]] };
	const onUniversal = await runWith(
		{
			...batchFromItems,
			credential_name: 'First Aid',
			credential_category: 'certification',
			assets: two,
		},
		[withPdf(universal)],
	);
	expect((onUniversal.error as Error).message).toMatch(
		/in item 0: assets: universal_credential takes at most 1 asset/,
	);
	expect(env.sb.requests({ service: 'seekPass' })).toEqual([]);
});

test('a bad credential fails naming item and field; with Continue on Fail the others are still sent', async () => {
	const bad = { ...annBadge, issued: '2024-13-01' };
	const failed = await env.run(batchFromItems, [annDegree, bad]);
	expect((failed.error as Error).message).toMatch(/in item 1: issue_date: is not a calendar date/);
	expect(env.sb.requests({ service: 'seekPass' })).toEqual([]);

	const continued = await env.run(batchFromItems, [annDegree, bad, bobIdentity], {
		continueOnFail: true,
	});
	expect(continued.error).toBeUndefined();
	expect(continued.output[0].map((i) => i.pairedItem)).toEqual([
		{ item: 0 },
		{ item: 1 },
		{ item: 2 },
	]);
	expect(continued.output[0][1].json.error).toMatch(/issue_date/);
	expect(env.apiRequests({ pathIncludes: '/add/' })).toHaveLength(2);
});

test('a whole v2 batch from one item’s JSON, with its own credential_id', async () => {
	const batch = {
		credential_id: 'batch-json-1',
		education_items: [{ credential_id: 'edu-1', fields: annDegreeFields }],
		english_proficiency_items: [
			{
				credential_id: 'eng-1',
				fields: {
					full_name: 'Ann Lee',
					test_provider: 'IDP',
					test_name: 'IELTS',
					completion_date: '2024-05-20',
					test_scores: { cefr_scores: {}, overall: { score: '7', scale: '0-9' } },
				},
			},
		],
	};
	const jsonParameters = {
		resource: 'credential',
		operation: 'addBatch',
		batchSource: 'json',
		batchJson: '={{ $json.batch }}',
	};
	const run = await env.run(jsonParameters, [{ batch }]);

	expect(run.error).toBeUndefined();
	const [request] = env.apiRequests({ pathIncludes: '/add/' });
	expect(request.path).toBe('/seekpass/api/partner/v2/add/requests/batch.json');
	expect(request.body).toEqual(batch);
	expect(jsonOf(run)[0]).toMatchObject({
		batchId: 'batch-json-1',
		credentials: [
			{ credentialId: 'edu-1', credentialType: 'education' },
			{ credentialId: 'eng-1', credentialType: 'english_proficiency' },
		],
		uploadLinks: [],
	});

	const broken = await env.run(jsonParameters, [
		{
			batch: {
				credential_id: 'batch-json-2',
				education_items: [
					{ credential_id: 'edu-2', fields: { ...annDegreeFields, conferral_year: undefined } },
				],
				right_to_work_items: [
					{
						credential_id: 'rtw-1',
						fields: { full_name: 'Ann Lee', country: 'AU' },
						assets: [{ asset_id: 'a', asset_type: 'pdf' }],
					},
				],
			},
		},
	]);
	expect((broken.error as Error).message).toMatch(
		/in item 0: education_items\[0\]\.fields\.conferral_year: is required unless awaiting_graduation is true/,
	);
	const noId = await env.run(jsonParameters, [
		{ batch: { education_items: batch.education_items } },
	]);
	expect((noId.error as Error).message).toMatch(/in item 0: credential_id: is required/);
	expect(env.apiRequests({ pathIncludes: '/add/' })).toHaveLength(1);
});
