// Certifier ids look like lowercase ULIDs (26 Crockford base32 chars: 10 of time, 16 of
// randomness). Monotonic within one millisecond so that id order = creation order, which
// the keyset pagination relies on as its tie-breaker.
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const RANDOM_MAX = (1n << 80n) - 1n;

function encode(value: bigint, length: number): string {
	let out = '';
	for (let i = 0; i < length; i++) {
		out = ALPHABET[Number(value & 31n)] + out;
		value >>= 5n;
	}
	return out;
}

export function createIdGenerator(): (now: Date) => string {
	let lastTime = -1;
	let lastRandom = 0n;
	return (now) => {
		// The virtual clock may be moved back by a reset; never let ids go backwards.
		const time = Math.max(now.getTime(), lastTime);
		if (time === lastTime && lastRandom < RANDOM_MAX) {
			lastRandom += 1n;
		} else {
			lastTime = time;
			lastRandom = BigInt('0x' + randomBytes(10).toString('hex')) >> 1n; // room to increment
		}
		return encode(BigInt(lastTime), 10) + encode(lastRandom, 16);
	};
}

export const ULID_PATTERN = /^[0-9a-hjkmnp-tv-z]{26}$/;
