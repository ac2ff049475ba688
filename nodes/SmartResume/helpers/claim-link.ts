import { SMART_RESUME_CLAIM_SEGMENT } from '../constants';

export interface ClaimLink {
	claimUrl: string;
	/** The temporary identifier token of the upload; null when the link is not in the documented form. */
	identifierToken: string | null;
}

/**
 * Reads the identifier token out of a claim link, https://my.smartresume.com/createmyresume/{token}
 * [doc]. The segment is searched anywhere in the path so links under a base path (the sandbox,
 * a future API version) are read the same way.
 */
export function parseClaimLink(url: string): ClaimLink {
	let segments: string[];
	try {
		segments = new URL(url).pathname.split('/');
	} catch {
		return { claimUrl: url, identifierToken: null };
	}
	const at = segments.lastIndexOf(SMART_RESUME_CLAIM_SEGMENT);
	const raw = at >= 0 ? segments[at + 1] : undefined;
	if (!raw) return { claimUrl: url, identifierToken: null };
	try {
		return { claimUrl: url, identifierToken: decodeURIComponent(raw) };
	} catch {
		return { claimUrl: url, identifierToken: raw };
	}
}
