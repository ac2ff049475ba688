/**
 * Whether a delivery's Content-Type may carry the JSON event the vendors send: absent (some
 * senders omit it; the body is still checked as JSON), application/json, or any +json type.
 * Anything else — a form, text, XML — is refused with 415 before the body is read.
 */
export function acceptsJsonBody(contentType: unknown): boolean {
	const value = Array.isArray(contentType) ? contentType[0] : contentType;
	if (value === undefined || value === null || value === '') return true;
	if (typeof value !== 'string') return false;
	const mediaType = value.split(';')[0].trim().toLowerCase();
	return mediaType === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType);
}
