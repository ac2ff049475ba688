import { openSecret, sealSecret } from '../../../../nodes/SeekPass/trigger/sealed-secret';

const secret = 'a1'.repeat(32);

describe('the webhook secret sealed for static data', () => {
	it('opens with the same client secret and webhook id, and does not show the secret', () => {
		const sealed = sealSecret(secret, 'client-secret', 'wh-1');
		expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
		expect(sealed).not.toContain(secret);
		expect(Buffer.from(sealed.split('.')[2], 'base64url').toString('utf8')).not.toBe(secret);
		expect(openSecret(sealed, 'client-secret', 'wh-1')).toBe(secret);
	});

	it('seals the same secret differently each time (random IV)', () => {
		expect(sealSecret(secret, 'client-secret', 'wh-1')).not.toBe(
			sealSecret(secret, 'client-secret', 'wh-1'),
		);
	});

	it('cannot be opened with another client secret, for another webhook, or once changed', () => {
		const sealed = sealSecret(secret, 'client-secret', 'wh-1');
		expect(openSecret(sealed, 'other-secret', 'wh-1')).toBeUndefined();
		expect(openSecret(sealed, 'client-secret', 'wh-2')).toBeUndefined();
		const [version, iv, data, tag] = sealed.split('.');
		const flipped = Buffer.from(data, 'base64url');
		flipped[0] ^= 1;
		expect(
			openSecret(
				[version, iv, flipped.toString('base64url'), tag].join('.'),
				'client-secret',
				'wh-1',
			),
		).toBeUndefined();
		expect(openSecret('not sealed', 'client-secret', 'wh-1')).toBeUndefined();
		expect(openSecret(`v2.${iv}.${data}.${tag}`, 'client-secret', 'wh-1')).toBeUndefined();
	});
});
