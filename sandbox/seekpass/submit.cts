// What every Add route shares once its body is valid: the 48 h rule on the partner's id (the
// same id answers the same), the conflicts between ids, and the answer of each API version.
import { addRedirectUri, type CredentialType } from './constants.cjs';
import type { SeekPassDeps } from './deps.cjs';
import { seekPassError } from './errors.cjs';
import type { AddRequest, UploadLink } from './state.cjs';
import type { TokenClaims } from './tokens.cjs';
import { renewExpiredLinks } from './uploads.cjs';

export interface Submission {
	kind: 'single' | 'batch';
	apiVersion: 'v1' | 'v2';
	credentialType: CredentialType | 'batch';
	/** v1 single only: goes into the redirect URI. */
	documentType?: string;
	/** v1 `id` / v2 `credential_id` at the top of the body. */
	requestId: string;
	/** A batch's item ids. */
	itemIds: string[];
	body: unknown;
	/** Made only when the request is new. */
	uploads: () => UploadLink[];
}

/** The stored request for this submission: the live one with its id (a repeat), or a new one. */
export function submit(
	{ ctx, state }: SeekPassDeps,
	claims: TokenClaims,
	now: Date,
	s: Submission,
): AddRequest {
	const existing = state.liveRequestFor([s.requestId], now);
	if (existing) {
		const same =
			existing.requestId === s.requestId &&
			existing.kind === s.kind &&
			existing.apiVersion === s.apiVersion;
		if (!same)
			throw seekPassError(
				409,
				'conflict',
				`id "${s.requestId}" belongs to a pending ${existing.apiVersion} ${existing.kind} request`,
			);
		renewExpiredLinks(existing.uploads, now);
		return state.repeat(existing);
	}
	const clash = state.liveRequestFor(s.itemIds, now);
	if (clash) {
		const taken = s.itemIds.filter((i) => clash.ids.includes(i));
		throw seekPassError(
			409,
			'conflict',
			`id "${taken[0]}" of this batch belongs to another pending request`,
		);
	}
	const content = state.newContentId();
	return state.create({
		content,
		kind: s.kind,
		apiVersion: s.apiVersion,
		credentialType: s.credentialType,
		documentType: s.documentType,
		requestId: s.requestId,
		ids: [s.requestId, ...s.itemIds],
		clientId: claims.sub,
		body: s.body,
		redirectUri: addRedirectUri(
			ctx.origin(),
			s.credentialType,
			claims.sub,
			s.documentType,
			content,
		),
		createdAt: now,
		uploads: s.uploads(),
	});
}

/** v1: `{redirect_uri}` [published]; v2: `{credential_id, redirect_uri, uploads}` [assumed]. */
export function answerOf({ ctx, signer }: SeekPassDeps, req: AddRequest): Record<string, unknown> {
	if (req.apiVersion === 'v1') return { redirect_uri: req.redirectUri };
	const base = `${ctx.origin()}${ctx.servicePath}`;
	return {
		credential_id: req.requestId,
		redirect_uri: req.redirectUri,
		uploads: req.uploads.map((u) => ({
			credential_id: u.credentialId,
			asset_id: u.assetId,
			asset_type: u.assetType,
			content_type: u.contentType,
			upload_url: signer.url(base, u),
		})),
	};
}
