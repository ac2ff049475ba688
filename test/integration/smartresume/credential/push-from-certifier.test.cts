// The flagship flow without a Code node: a credential the Certifier node outputs goes straight
// into SmartResume's push as an OB 3.0 OpenBadgeCredential, mapped per shared/api/certifier.md.
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { jsonOf, startSmartResumeEnv } from '../env.cjs';
import { useServiceEnv } from '../../service-env.cjs';

const env = useServiceEnv(startSmartResumeEnv, { reset: (e) => e.clear() });

const SEED_GROUP = '01g90279gp5sbmfek7wymcsvec';

async function certifierApi(method: string, path: string, body?: unknown): Promise<any> {
	const res = await fetch(`${env.sb.urls.certifier}${path}`, {
		method,
		headers: {
			authorization: `Bearer ${env.sb.demo.certifier.accessToken}`,
			'certifier-version': env.sb.demo.certifier.version,
			...(body === undefined ? {} : { 'content-type': 'application/json' }),
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	expect(res.ok).toBe(true);
	return await res.json();
}

const fromCertifier: INodeParameters = {
	resource: 'credential',
	operation: 'push',
	source: 'certifier',
	achievementType: 'Certificate',
	issuerId: 'certifier-org-42',
	issuerName: 'Acme Academy',
};

/** Certifier's own example credential, as the Certifier node outputs it with Include Group. */
const CERTIFIER_ITEM: IDataObject = {
	id: '01hz2f0c9ryvzajg20jqh9taab',
	publicId: '124a8110-1af5-4747-9308-e9d06bd1852a',
	groupId: '01g90279gp5sbmfek7wymcsvec',
	status: 'issued',
	recipient: { id: '01jmerb62apgachxwx6db76c7s', name: 'John Doe', email: 'john.doe@example.com' },
	issueDate: '2022-01-01',
	expiryDate: '2023-01-01',
	attributes: { 'recipient.name': 'John Doe' },
	customAttributes: { 'custom.mentor': 'Jane Doe' },
	createdAt: '2022-01-01T00:00:00.000Z',
	updatedAt: '2022-01-01T00:00:00.000Z',
	group: { id: '01g90279gp5sbmfek7wymcsvec', name: 'Financial Markets' },
};

test('a Certifier credential item becomes an OB 3.0 push SmartResume accepts', async () => {
	const run = await env.run(fromCertifier, [CERTIFIER_ITEM]);
	expect(run.error).toBeUndefined();
	const push = env.apiRequests()[0];
	expect(push.status).toBe(200);
	expect(push.body).toEqual({
		'@context': [
			'https://www.w3.org/ns/credentials/v2',
			'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
			'https://w3id.org/security/suites/ed25519-2020/v1',
		],
		recipienttoken: '',
		recipient: {
			id: '01jmerb62apgachxwx6db76c7s',
			givenName: 'John',
			familyName: 'Doe',
			additionalName: '',
			email: 'john.doe@example.com',
			phone: '',
			studentId: '',
			signupOrganization: '',
		},
		credentials: [
			{
				'@context': [
					'https://www.w3.org/ns/credentials/v2',
					'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
					'https://w3id.org/security/suites/ed25519-2020/v1',
				],
				id: '01hz2f0c9ryvzajg20jqh9taab',
				type: ['VerifiableCredential', 'OpenBadgeCredential'],
				name: 'Financial Markets',
				awardedDate: '2022-01-01',
				activityEndDate: '',
				issuedOn: '2022-01-01',
				issuanceDate: '2022-01-01T00:00:00Z',
				expirationDate: '2023-01-01T00:00:00Z',
				credentialSubject: {
					id: '01jmerb62apgachxwx6db76c7s',
					type: ['AchievementSubject'],
					achievement: {
						id: '01g90279gp5sbmfek7wymcsvec',
						achievementType: 'Certificate',
						name: 'Financial Markets',
						description: '',
						image: { id: '' },
					},
				},
				issuer: {
					id: 'certifier-org-42',
					name: 'Acme Academy',
					email: '',
					url: '',
					image: { id: '' },
					description: '',
				},
			},
		],
	});
	const upload = await env.upload(String(jsonOf(run)[0].identifierToken));
	expect(upload.entries).toEqual([
		expect.objectContaining({
			assertionId: CERTIFIER_ITEM.id,
			achievementId: SEED_GROUP,
			section: 'Education',
		}),
	]);
});

test("the node's own fields win over Certifier's: recipient ID, names, achievement name", async () => {
	const run = await env.run(
		{
			...fromCertifier,
			recipientId: 'student-7',
			recipientDetails: { givenName: 'Johnny' },
			achievementDetails: { name: 'Financial Markets (Advanced)' },
		},
		[CERTIFIER_ITEM],
	);
	expect(run.error).toBeUndefined();
	const body = env.apiRequests()[0].body as any;
	expect(body.recipient).toMatchObject({ id: 'student-7', givenName: 'Johnny', familyName: 'Doe' });
	expect(body.credentials[0]).toMatchObject({
		name: 'Financial Markets (Advanced)',
		credentialSubject: { id: 'student-7' },
	});
});

test('the Certifier node chained into SmartResume: get → push, no Code node', async () => {
	const created = await certifierApi('POST', '/credentials', {
		groupId: SEED_GROUP,
		recipient: { name: 'Ada King Lovelace', email: 'ada@example.org' },
	});
	await certifierApi('POST', `/credentials/${created.id}/issue`);

	const got = await env.n8n.runNode({
		type: 'certifier',
		parameters: { resource: 'credential', operation: 'get', credentialId: created.id },
		credentials: { certifierApi: env.certifierCredentialId },
	});
	expect(got.error).toBeUndefined();
	const certifierItem = got.output[0][0].json;

	const run = await env.run(fromCertifier, [certifierItem]);
	expect(run.error).toBeUndefined();
	const body = env.apiRequests()[0].body as any;
	expect(body.recipient).toMatchObject({
		givenName: 'Ada',
		familyName: 'King Lovelace',
		email: 'ada@example.org',
	});
	expect(body.credentials[0]).toMatchObject({
		id: created.id,
		name: (certifierItem.group as IDataObject).name,
		credentialSubject: { achievement: { id: SEED_GROUP, achievementType: 'Certificate' } },
	});
	expect(env.apiRequests()[0].status).toBe(200);
});

test('a draft, or an item without its group name, is refused naming item and field, before any request', async () => {
	const draft = await env.run(fromCertifier, [
		CERTIFIER_ITEM,
		{ ...CERTIFIER_ITEM, id: 'x2', status: 'draft' },
	]);
	expect((draft.error as Error).message).toBe(
		'Invalid Certifier credential in item 1: status: is "draft": issue the credential in Certifier before pushing it to SmartResume',
	);
	const { group: _group, ...withoutGroup } = CERTIFIER_ITEM;
	const noGroup = await env.run(fromCertifier, [withoutGroup]);
	expect((noGroup.error as Error).message).toMatch(
		/^Invalid SmartResume push in item 0: certifierCredential\.group\.name: is missing: turn on Include Group/,
	);
	expect(env.apiRequests()).toHaveLength(0);
});
