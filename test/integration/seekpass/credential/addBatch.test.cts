// credential:addBatch against the sandbox: items of mixed types grouped by person into v2
// batch requests (one link per person), a whole batch from one item's JSON, and the
// batch-only rules checked before anything is sent.
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { jsonOf, seekPassEnvPerFile } from '../env.cjs';

const env = seekPassEnvPerFile();

const fromItems: INodeParameters = {
	resource: 'credential',
	operation: 'addBatch',
	batchSource: 'items',
	batchCredentialType: '={{ $json.type }}',
	credentialFields: '={{ $json.fields }}',
	batchDocumentType: '={{ $json.documentType ?? "none" }}',
	batchDocument: '={{ $json.document ?? "" }}',
	personKey: '={{ $json.email }}',
};

const ann = 'ann@example.com';
const bob = 'bob@example.com';
const annDegree = {
	email: ann,
	type: 'education',
	fields: {
		full_name: 'Ann Lee',
		education_provider: 'Uni',
		course_name: 'BSc',
		conferral_year: '2023',
	},
	documentType: 'pdf',
	document: 'https://files.example.edu/ann.pdf',
};
const bobIdentity = {
	email: bob,
	type: 'digital_identity',
	fields: {
		full_name: 'Bob Ray',
		identity_document_validity: 'manual',
		identity_document_liveness: 'automated',
		identity_document_person_match: 'automated',
	},
};
const annBadge = {
	email: ann,
	type: 'microcredential',
	fields: {
		full_name: 'Ann Lee',
		issuer_name: 'Acme',
		microcredential_name: 'Excel',
		issue_date: '2024-03-01',
	},
};

test('items of mixed types become one v2 batch per person, one output per person', async () => {
	const run = await env.run(fromItems, [annDegree, bobIdentity, annBadge]);

	expect(run.error).toBeUndefined();
	const sent = env.apiRequests({ pathIncludes: '/add/' });
	expect(sent.map((r) => r.path)).toEqual([
		'/seekpass/api/partner/v2/add/requests/batch.json',
		'/seekpass/api/partner/v2/add/requests/batch.json',
	]);
	const bodies = sent.map((r) => r.body as IDataObject);
	const annBody = bodies.find((b) => 'education_items' in b) as Record<string, IDataObject[]>;
	expect(Object.keys(annBody).sort()).toEqual(['education_items', 'microcredential_items']);
	expect(annBody.education_items).toEqual([
		{
			credential_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
			fields: annDegree.fields,
			document_type: 'pdf',
			document: 'https://files.example.edu/ann.pdf',
		},
	]);
	expect(annBody.microcredential_items).toEqual([
		{ credential_id: expect.any(String), fields: annBadge.fields, document_type: 'none' },
	]);
	const bobBody = bodies.find((b) => 'digital_identity' in b) as IDataObject;
	expect(bobBody.digital_identity).toEqual({
		credential_id: expect.any(String),
		fields: bobIdentity.fields,
		document_type: 'none',
	});

	const out = run.output[0];
	expect(out).toHaveLength(2);
	expect(out[0].pairedItem).toEqual([{ item: 0 }, { item: 2 }]);
	expect(out[1].pairedItem).toEqual({ item: 1 });
	expect(out[0].json).toEqual({
		person: ann,
		redirectUri: expect.stringMatching(
			/\/partner\/add\/batch#clientId=sandbox-seekpass-client&content=[0-9a-f-]{36}$/,
		),
		contentId: expect.any(String),
		clientId: env.sb.demo.seekPass.clientId,
		credentials: [
			{ credentialId: annBody.education_items[0].credential_id, credentialType: 'education' },
			{
				credentialId: annBody.microcredential_items[0].credential_id,
				credentialType: 'microcredential',
			},
		],
	});

	// Derived ids make the re-run idempotent: same links, no new submission.
	const again = await env.run(fromItems, [annDegree, bobIdentity, annBadge]);
	expect(jsonOf(again).map((j) => j.redirectUri)).toEqual(jsonOf(run).map((j) => j.redirectUri));
});

test('each credential id of a batch has its own status', async () => {
	const [out] = jsonOf(await env.run(fromItems, [annDegree, annBadge]));
	const ids = (out.credentials as IDataObject[]).map((c) => c.credentialId as string);
	const statuses = await env.run(
		{ resource: 'submission', operation: 'getStatuses', submissionIds: '={{ $json.id }}' },
		ids.map((id) => ({ id })),
	);
	expect(jsonOf(statuses).map((j) => [j.id, j.status])).toEqual(
		ids.map((id) => [id, 'incomplete']),
	);
});

test('two digital identities for one person fail on the second item, before any request', async () => {
	const run = await env.run(fromItems, [bobIdentity, annDegree, { ...bobIdentity }]);
	expect((run.error as Error).message).toMatch(
		/in item 2: batchCredentialType: a batch takes one digital identity; item 0/,
	);
	expect(env.sb.requests({ service: 'seekPass' })).toEqual([]);
});

test('a bad credential fails naming item and field; with Continue on Fail the others are still sent', async () => {
	const bad = { ...annBadge, fields: { ...annBadge.fields, issue_date: '2024-13-01' } };
	const failed = await env.run(fromItems, [annDegree, bad]);
	expect((failed.error as Error).message).toMatch(/in item 1: issue_date: is not a calendar date/);
	expect(env.sb.requests({ service: 'seekPass' })).toEqual([]);

	const continued = await env.run(fromItems, [annDegree, bad, bobIdentity], {
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

test('a whole batch from one item’s JSON', async () => {
	const batch = {
		education_items: [{ credential_id: 'edu-1', fields: annDegree.fields }],
		english_proficiency_items: [
			{
				credential_id: 'eng-1',
				fields: {
					full_name: 'Ann Lee',
					test_provider: 'IDP',
					test_name: 'IELTS',
					completion_date: '2024-05-20',
					test_scores: { cefr_scores: {}, overall: { score: 7, scale: '0-9' } },
				},
				document_type: 'english_assessment',
				document: 'https://files.example.org/ielts.pdf',
			},
		],
	};
	const run = await env.run(
		{
			resource: 'credential',
			operation: 'addBatch',
			batchSource: 'json',
			batchJson: '={{ $json.batch }}',
		},
		[{ batch }],
	);

	expect(run.error).toBeUndefined();
	const [request] = env.apiRequests({ pathIncludes: '/add/' });
	expect(request.path).toBe('/seekpass/api/partner/v2/add/requests/batch.json');
	expect(request.body).toEqual({
		education_items: [{ credential_id: 'edu-1', fields: annDegree.fields, document_type: 'none' }],
		english_proficiency_items: batch.english_proficiency_items,
	});
	expect(jsonOf(run)[0].credentials).toEqual([
		{ credentialId: 'edu-1', credentialType: 'education' },
		{ credentialId: 'eng-1', credentialType: 'english_proficiency' },
	]);

	const broken = await env.run(
		{
			resource: 'credential',
			operation: 'addBatch',
			batchSource: 'json',
			batchJson: '={{ $json.batch }}',
		},
		[
			{
				batch: {
					education_items: [
						{ credential_id: 'edu-2', fields: { ...annDegree.fields, conferral_year: undefined } },
					],
				},
			},
		],
	);
	expect((broken.error as Error).message).toMatch(
		/in item 0: education_items\[0\]\.fields\.conferral_year: is required unless awaiting_graduation is true/,
	);
});
