import {
	collectSecrets,
	redact,
	redactText,
	REDACTED,
} from '../../../nodes/common/transport/redact';

describe('redaction', () => {
	it('masks secret-named keys at any depth', () => {
		const out = redact({
			headers: { Authorization: 'Bearer abc', accept: 'json' },
			nested: [{ client_secret: 'x', ok: 1 }],
		});
		expect(out).toEqual({
			headers: { Authorization: REDACTED, accept: 'json' },
			nested: [{ client_secret: REDACTED, ok: 1 }],
		});
	});

	it('scrubs known secret values from free text and bearer/basic credentials', () => {
		const text = redactText('token eyJhbGciOi.abc.def leaked; Authorization: Basic dXNlcjpwYXNz', [
			'eyJhbGciOi.abc.def',
		]);
		expect(text).not.toContain('eyJhbGciOi');
		expect(text).not.toContain('dXNlcjpwYXNz');
	});

	it('leaves short values alone so that ordinary text survives', () => {
		expect(redactText('a b c', ['a'])).toBe('a b c');
	});

	it('collects configured fields and stored OAuth tokens', () => {
		const secrets = collectSecrets(
			{
				clientSecret: 'sec-1',
				clientId: 'public',
				oauthTokenData: { access_token: 'tok-1', token_type: 'Bearer' },
			},
			['clientSecret'],
		);
		expect(secrets.sort()).toEqual(['sec-1', 'tok-1']);
	});
});
