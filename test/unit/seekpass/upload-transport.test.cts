// SeekPassClient.uploadAsset: a presigned link is PUT through n8n's plain request helper (never the
// one that adds the credential), with the asset's Content-Type and raw bytes; Ignore SSL Issues
// is honoured only on the API's own host; a 5xx is sent again.
import type { IAllExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { ApiClient } from '../../../nodes/common/transport/client';
import { SEEK_PASS_SERVICE, SeekPassClient } from '../../../nodes/SeekPass/transport';
import { fakeExecutionContext } from '../../support/fake-execution-context.cjs';

function contextWith(answers: number[]) {
	const plain: IHttpRequestOptions[] = [];
	let authenticated = 0;
	const ctx = fakeExecutionContext(
		{
			getCredentials: async () => ({
				environment: 'custom',
				customBaseUrl: 'https://sandbox.example.test/seekpass',
				ignoreSSLIssues: true,
				clientSecret: 'client-secret',
			}),
			helpers: {
				httpRequest: async (options: IHttpRequestOptions) => {
					plain.push(options);
					const status = answers[plain.length - 1] ?? 200;
					if (status === 200) return { statusCode: 200, headers: {}, body: '' };
					throw Object.assign(new Error(`status ${status}`), {
						response: { status, headers: {}, data: '' },
					});
				},
				httpRequestWithAuthentication: async () => {
					authenticated++;
					return { statusCode: 200, headers: {}, body: {} };
				},
			},
		},
		{ name: 'SEEK Pass', type: 'seekPass' },
	);
	return { ctx, plain, authenticated: () => authenticated };
}

async function clientOf(ctx: IAllExecuteFunctions) {
	return new SeekPassClient(
		await ApiClient.create(ctx, SEEK_PASS_SERVICE, { retry: { baseDelayMs: 1 } }),
	);
}

test('the PUT carries the bytes and the content type, without the credential', async () => {
	const { ctx, plain, authenticated } = contextWith([]);
	const bytes = Buffer.from('%PDF-1.4');
	await (
		await clientOf(ctx)
	).uploadAsset('https://files.example.net/u/1?signature=abc', 'application/pdf', bytes);
	expect(authenticated()).toBe(0);
	expect(plain).toHaveLength(1);
	expect(plain[0]).toMatchObject({
		method: 'PUT',
		url: 'https://files.example.net/u/1?signature=abc',
		body: bytes,
		json: false,
		skipSslCertificateValidation: false,
	});
	expect(plain[0].headers).toMatchObject({ 'Content-Type': 'application/pdf' });
	expect(Object.keys(plain[0].headers ?? {}).map((h) => h.toLowerCase())).not.toContain(
		'authorization',
	);
});

test('Ignore SSL Issues applies to a link on the API’s own host only', async () => {
	const { ctx, plain } = contextWith([]);
	const client = await clientOf(ctx);
	await client.uploadAsset(
		'https://sandbox.example.test/_uploads/k?signature=x',
		'image/png',
		Buffer.from('x'),
	);
	expect(plain[0].skipSslCertificateValidation).toBe(true);
});

test('a 503 is sent again; a 403 fails without the link’s query in the error', async () => {
	const retried = contextWith([503]);
	await (
		await clientOf(retried.ctx)
	).uploadAsset('https://s3.example.net/k?sig=1', 'image/png', Buffer.from('x'));
	expect(retried.plain).toHaveLength(2);

	const refused = contextWith([403]);
	const error = await (await clientOf(refused.ctx))
		.uploadAsset('https://s3.example.net/k?sig=s3cr3t', 'image/png', Buffer.from('x'))
		.catch((e: Error) => e);
	expect(refused.plain).toHaveLength(1);
	expect(String((error as Error).message)).toMatch(/403/);
	expect(JSON.stringify(error)).not.toContain('s3cr3t');
	expect(String((error as { description?: string }).description)).not.toContain('s3cr3t');
});
