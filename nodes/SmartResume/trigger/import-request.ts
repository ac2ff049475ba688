import { recipientTokenSchema } from '../schemas';
import { checkRedirectUrl, type AllowedTarget } from './redirect-guard';

export interface ImportRequest {
	recipientToken: string;
	redirectURL: string;
}

/** A query value as Express parsed it: only a single plain string counts (no repeats, no objects). */
function single(value: unknown): unknown {
	return typeof value === 'string' ? value : undefined;
}

/**
 * Checks use case 3's two query parameters [doc]: a recipient token (present, bounded, safe
 * characters) and a redirectURL on an allowed host. Problems are phrased for the holder's
 * browser and never quote the values.
 */
export function checkImportRequest(
	query: Record<string, unknown>,
	targets: AllowedTarget[],
): { ok: true; value: ImportRequest } | { ok: false; problems: string[] } {
	const problems: string[] = [];
	// Repeated or bracketed parameters arrive as arrays or objects: zod refuses them by type.
	const token = recipientTokenSchema.safeParse(query.recipientToken);
	if (!token.success)
		problems.push(`recipientToken ${token.error.issues[0]?.message ?? 'is invalid'}`);
	const redirect = checkRedirectUrl(single(query.redirectURL), targets);
	if (!redirect.ok) problems.push(`redirectURL ${redirect.reason}`);
	if (!token.success || !redirect.ok) return { ok: false, problems };
	return { ok: true, value: { recipientToken: token.data, redirectURL: redirect.value } };
}
