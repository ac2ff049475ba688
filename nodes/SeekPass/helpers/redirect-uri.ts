import { SEEK_PASS_REDIRECT_KEYS } from '../constants';

export interface RedirectUriParts {
	/** The link to hand to the person, with every `&` literal. */
	redirectUri: string;
	/** SEEK Pass's own id of the request (the fragment's `content`). */
	contentId?: string;
	documentType?: string;
	/** The partner's OAuth client id the link was made for. */
	clientId?: string;
}

/**
 * The guide warns that some clients show `\u0026` where `&` belongs (JSON escaping that was never
 * decoded); a link with it breaks in emails and browsers, so it is undone wherever it appears.
 */
export function cleanRedirectUri(uri: string): string {
	return uri
		.trim()
		.replace(/\\+u0026/gi, '&')
		.replace(/&amp;/gi, '&');
}

/** Cleans a redirect URI and reads the ids SEEK Pass puts in its fragment. */
export function parseRedirectUri(uri: string): RedirectUriParts {
	const redirectUri = cleanRedirectUri(uri);
	const hashAt = redirectUri.indexOf('#');
	if (hashAt < 0) return { redirectUri };
	const params = new URLSearchParams(redirectUri.slice(hashAt + 1));
	const read = (key: string) => params.get(key) ?? undefined;
	const parts: RedirectUriParts = { redirectUri };
	const contentId = read(SEEK_PASS_REDIRECT_KEYS.content);
	const documentType = read(SEEK_PASS_REDIRECT_KEYS.documentType);
	const clientId = read(SEEK_PASS_REDIRECT_KEYS.clientId);
	if (contentId !== undefined) parts.contentId = contentId;
	if (documentType !== undefined) parts.documentType = documentType;
	if (clientId !== undefined) parts.clientId = clientId;
	return parts;
}
