// The SEEK Pass credential's scopes in n8n's real execution engine: n8n's oAuth2Api sends the
// credential's `scope` text to the token endpoint, so the Scopes list reaches it through the
// hidden `scope` field's `$self` expression, while credentials saved with the older text field
// keep their own text. Each operation checks for the scope it needs before sending anything.
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { SeekPassOAuth2Api } from '../../../../credentials/SeekPassOAuth2Api.credentials';
import { SEEK_PASS_PATHS } from '../../../../nodes/SeekPass/constants';
import { jsonOf, seekPassEnvPerFile } from '../env.cjs';

const env = seekPassEnvPerFile();

/** A credential of the given scope settings, beside the env's own. */
function credentialWith(id: string, scopeData: IDataObject): string {
	return env.n8n.setCredential('seekPassOAuth2Api', {
		id,
		data: {
			environment: 'custom',
			customBaseUrl: env.sb.urls.seekPass,
			clientId: env.sb.demo.seekPass.clientId,
			clientSecret: env.sb.demo.seekPass.clientSecret,
			...scopeData,
		},
	});
}

const run = async (credentialId: string, parameters: INodeParameters, typeVersion = 1) =>
	await env.n8n.runNode({
		type: 'seekPass',
		parameters,
		credentials: { seekPassOAuth2Api: credentialId },
		input: [{ json: {} }],
		typeVersion,
	});

const badge: INodeParameters = {
	resource: 'credential',
	operation: 'add',
	credentialType: 'microcredential',
	full_name: 'Jane Doe',
	issuer_name: 'Acme Training',
	microcredential_name: 'Advanced Excel',
	issue_date: '2024-03-01',
};
const degree: INodeParameters = {
	resource: 'credential',
	operation: 'add',
	credentialType: 'education',
	full_name: 'John Smith',
	education_provider: 'University of Melbourne',
	course_name: 'Bachelor of Commerce',
	conferral_year: '2024',
};

/** The scope n8n asked the token endpoint for, as the sandbox received it. */
function tokenScopes(): string[] {
	return env.sb
		.requests({ service: 'seekPass' })
		.filter((r) => r.path.endsWith(SEEK_PASS_PATHS.grant))
		.map((r) => String((r.body as IDataObject).scope ?? ''));
}

test('the Scopes list reaches the token request as space-separated text ($self is resolved)', async () => {
	const id = credentialWith('list', { scopes: ['write.microcredential', 'write.education'] });
	const result = await run(id, badge);
	expect(result.error).toBeUndefined();
	expect(tokenScopes()).toEqual(['write.microcredential write.education']);
	expect(jsonOf(result)[0].redirectUri).toEqual(expect.any(String));
});

test('a credential saved with the older scope text keeps requesting exactly that text', async () => {
	const id = credentialWith('legacy', { scope: 'write.microcredential read.digital_identity' });
	const result = await run(id, badge);
	expect(result.error).toBeUndefined();
	expect(tokenScopes()).toEqual(['write.microcredential read.digital_identity']);
});

test('a credential that never chose scopes asks for the five it asked for before', async () => {
	const id = credentialWith('defaults', {});
	expect((await run(id, degree)).error).toBeUndefined();
	expect(tokenScopes()).toEqual([
		'write.education write.english_proficiency write.microcredential write.digital_identity read.digital_identity',
	]);
});

describe('a request whose scope the credential lacks fails before anything is sent', () => {
	test('add, naming item, field and the missing scope', async () => {
		const id = credentialWith('education-only', { scopes: ['write.education'] });
		const result = await run(id, badge, 2);
		expect((result.error as Error).message).toBe(
			'Invalid SEEK Pass microcredential credential in item 0: scope: this request needs write.microcredential, which the SEEK Pass credential does not ask for: add it to the credential’s Scopes (SEEK Pass must have granted it to your partner account)',
		);
		expect(env.sb.requests({ service: 'seekPass' })).toEqual([]);
	});

	test('the same from the older scope text; with Continue on Fail the item carries the error', async () => {
		const id = credentialWith('legacy-education', { scope: 'write.education' });
		const result = await env.n8n.runNode({
			type: 'seekPass',
			parameters: { ...degree, credentialType: 'education' },
			credentials: { seekPassOAuth2Api: id },
			input: [{ json: {} }],
			typeVersion: 1,
		});
		expect(result.error).toBeUndefined();
		const refused = await env.n8n.runNode({
			type: 'seekPass',
			parameters: badge,
			credentials: { seekPassOAuth2Api: id },
			input: [{ json: {} }],
			typeVersion: 1,
			continueOnFail: true,
		});
		expect(jsonOf(refused)[0].error).toMatch(
			/item 0: scope: this request needs write\.microcredential/,
		);
		expect(env.apiRequests({ pathIncludes: '/microcredential' })).toEqual([]);
	});

	test('verification create needs write and read digital_identity; get needs read', async () => {
		const id = credentialWith('read-only', { scopes: ['read.digital_identity'] });
		const created = await run(
			id,
			{
				resource: 'verification',
				operation: 'create',
				partner_name: 'Acme',
			},
			2,
		);
		expect((created.error as Error).message).toMatch(
			/in item 0: scope: this request needs write\.digital_identity,/,
		);
		const none = credentialWith('education-only-2', { scopes: ['write.education'] });
		const got = await run(
			none,
			{ resource: 'verification', operation: 'get', requestId: 'req-1' },
			2,
		);
		expect((got.error as Error).message).toMatch(
			/in item 0: scope: this request needs read\.digital_identity,/,
		);
		expect(env.sb.requests({ service: 'seekPass' })).toEqual([]);
	});
});

test('the credential test is the bulk status call with an id that does not exist, which a one-write-scope partner passes', async () => {
	const { request } = new SeekPassOAuth2Api().test;
	expect(request).toMatchObject({
		url: SEEK_PASS_PATHS.statuses,
		method: 'POST',
		body: { ids: ['n8n-credential-test'] },
	});
	const grant = await fetch(`${env.sb.urls.seekPass}${SEEK_PASS_PATHS.grant}`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			grant_type: 'client_credentials',
			client_id: env.sb.demo.seekPass.clientId,
			client_secret: env.sb.demo.seekPass.clientSecret,
			scope: 'write.education',
		}),
	});
	const { access_token } = (await grant.json()) as { access_token: string };
	const res = await fetch(`${env.sb.urls.seekPass}${request.url}`, {
		method: 'POST',
		headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
		body: JSON.stringify(request.body),
	});
	expect(res.status).toBe(200);
	expect(await res.json()).toEqual({ credentials: [] });
});
