// Rate-limit headers as APIs send them: the IETF draft's structured fields and its earlier form,
// and the common X-RateLimit-* headers.
import { readRateLimit } from '../../../nodes/common/transport/rate-limit-headers';

const NOW = 1_700_000_000_000;

test.each([
	[
		'draft structured fields',
		{ 'RateLimit-Policy': '"default";q=20;w=1', RateLimit: '"default";r=5;t=1' },
		{ limit: 20, windowSeconds: 1, remaining: 5, resetSeconds: 1 },
	],
	[
		'draft with a bare quota and two policies',
		{ 'ratelimit-policy': '100;w=60, 1000;w=3600' },
		{ limit: 100, windowSeconds: 60 },
	],
	[
		'earlier draft, one field',
		{ ratelimit: 'limit=20, remaining=0, reset=2' },
		{ limit: 20, remaining: 0, resetSeconds: 2 },
	],
	[
		'earlier draft, three fields',
		{ 'ratelimit-limit': '20', 'ratelimit-remaining': '3', 'ratelimit-reset': '1' },
		{ limit: 20, remaining: 3, resetSeconds: 1 },
	],
	[
		'X-RateLimit with a reset in seconds',
		{ 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '59', 'x-ratelimit-reset': '30' },
		{ limit: 60, remaining: 59, resetSeconds: 30 },
	],
	[
		'X-RateLimit with a reset as Unix time',
		{ 'X-RateLimit-Limit': ['5000'], 'X-RateLimit-Reset': String(NOW / 1000 + 90) },
		{ limit: 5000, resetSeconds: 90 },
	],
])('%s', (_name, headers, expected) => {
	expect(readRateLimit(headers, NOW)).toEqual(expect.objectContaining(expected));
});

test('no rate-limit header, or garbage in one: nothing learned', () => {
	expect(readRateLimit({ 'content-type': 'application/json' }, NOW)).toBeUndefined();
	expect(readRateLimit({ 'x-ratelimit-limit': 'lots' }, NOW)).toBeUndefined();
});
