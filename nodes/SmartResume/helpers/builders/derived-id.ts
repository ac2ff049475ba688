import { createHash } from 'crypto';

/**
 * A stable urn:uuid (RFC 4122 layout, version 5 bits, SHA-256 based) named by the given parts.
 * SmartResume tells updates from new awards by id, so an id we make up for the user must come
 * out the same on every run for the same inputs.
 */
export function derivedUrnUuid(...parts: string[]): string {
	const hex = createHash('sha256').update(JSON.stringify(parts)).digest('hex');
	const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
	return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
