// Presigned upload links for v2 assets: the query string carries the permission (expiry and an
// HMAC over key, expiry and Content-Type, with a per-process key), so the PUT needs no token.
import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { ASSET_CONTENT_TYPES, UPLOAD_LINK_TTL_MS } from './constants.cjs';
import type { V2AddBody } from './add-bodies.cjs';
import type { UploadLink } from './state.cjs';

const unixSeconds = (d: Date) => Math.floor(d.getTime() / 1000);

export function createUploadSigner() {
	const secret = randomBytes(32);
	const sign = (key: string, expires: string, contentType: string) =>
		createHmac('sha256', secret).update(`PUT\n${key}\n${expires}\n${contentType}`).digest();

	return {
		/** The link as handed out: `<base>/_uploads/<key>?expires=<unix>&signature=<hex>`. */
		url(base: string, link: UploadLink): string {
			const expires = String(unixSeconds(link.expiresAt));
			const signature = sign(link.key, expires, link.contentType).toString('hex');
			return `${base}/_uploads/${link.key}?expires=${expires}&signature=${signature}`;
		},
		/** True when `signature` is the one this sandbox made for the link with this expiry. */
		verify(link: UploadLink, expires: string, signature: string): boolean {
			const expected = sign(link.key, expires, link.contentType);
			const given = Buffer.from(signature, 'hex');
			return given.length === expected.length && timingSafeEqual(given, expected);
		},
	};
}
export type UploadSigner = ReturnType<typeof createUploadSigner>;

/** One link per asset sent without asset_data (the others SEEK Pass fetches itself). */
export function uploadLinksFor(
	items: Array<{ credential_id: string; assets?: V2AddBody['assets'] }>,
	now: Date,
): UploadLink[] {
	return items.flatMap((item) =>
		(item.assets ?? [])
			.filter((a) => a.asset_data === undefined || a.asset_data === null)
			.map((a) => ({
				key: randomUUID(),
				credentialId: item.credential_id,
				assetId: a.asset_id,
				assetType: a.asset_type,
				contentType: ASSET_CONTENT_TYPES[a.asset_type] ?? 'application/octet-stream',
				expiresAt: new Date(now.getTime() + UPLOAD_LINK_TTL_MS),
				received: null,
			})),
	);
}

/**
 * [assumed] a repeat within 48 h answers the same links; a link that has expired meanwhile is
 * signed again with a new expiry (same key), so the partner can still upload.
 */
export function renewExpiredLinks(links: UploadLink[], now: Date): void {
	for (const link of links)
		if (now >= link.expiresAt) link.expiresAt = new Date(now.getTime() + UPLOAD_LINK_TTL_MS);
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
