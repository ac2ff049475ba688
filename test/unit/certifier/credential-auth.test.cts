// The Certifier credential signs requests in code (no `$credentials` expressions for n8n to
// evaluate per request), with the same two headers the generic block used to set.
import { CertifierApi } from '../../../credentials/CertifierApi.credentials';

const credentials = {
	accessToken: 'tok_123',
	apiVersion: '2022-10-26',
	baseUrl: 'https://api.certifier.io',
};

test('authenticate adds Authorization: Bearer <token> and Certifier-Version, keeping the other headers', async () => {
	const type = new CertifierApi();
	expect(typeof type.authenticate).toBe('function');
	const request = {
		url: 'https://api.certifier.io/v1/credentials',
		method: 'POST' as const,
		headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'k1' },
		body: { a: 1 },
	};
	const signed = await type.authenticate(credentials, request);
	expect(signed).toEqual({
		...request,
		headers: {
			'Content-Type': 'application/json',
			'Idempotency-Key': 'k1',
			Authorization: 'Bearer tok_123',
			'Certifier-Version': '2022-10-26',
		},
	});
	// The caller's options are not changed underneath it (n8n reuses them for retries).
	expect(request.headers).not.toHaveProperty('Authorization');
});

test('a request without headers gets both', async () => {
	const signed = await new CertifierApi().authenticate(
		{ ...credentials, apiVersion: '2024-01-01' },
		{ url: '/groups' },
	);
	expect(signed.headers).toEqual({
		Authorization: 'Bearer tok_123',
		'Certifier-Version': '2024-01-01',
	});
});
