/** Keys whose values are credentials wherever they appear. */
const SECRET_KEY_PATTERN =
	/^(authorization|proxy-authorization|cookie|set-cookie|access_?token|refresh_?token|id_?token|client_?secret|secret|password|access_?key|api_?key|token|x-signature|x-webhook-signature)$/i;

export const REDACTED = '[redacted]';

/**
 * Removes secrets from a string: every known secret value, and bearer/basic credentials in text.
 * Secrets shorter than 4 characters are ignored so that redaction cannot shred ordinary text.
 */
export function redactText(text: string, secrets: readonly string[]): string {
	let out = text;
	for (const secret of secrets) {
		if (secret.length >= 4) out = out.split(secret).join(REDACTED);
	}
	return out.replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g, `$1 ${REDACTED}`);
}

/** Deep copy of a value with secret-named keys masked and secret values scrubbed from strings. */
export function redact<T>(value: T, secrets: readonly string[] = [], depth = 0): T {
	if (depth > 20) return REDACTED as unknown as T;
	if (typeof value === 'string') return redactText(value, secrets) as unknown as T;
	if (Array.isArray(value)) return value.map((v) => redact(v, secrets, depth + 1)) as unknown as T;
	if (value !== null && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
			out[key] = SECRET_KEY_PATTERN.test(key) ? REDACTED : redact(inner, secrets, depth + 1);
		}
		return out as T;
	}
	return value;
}

/** The string values of the named credential fields, plus any OAuth token n8n stored with them. */
export function collectSecrets(
	credentials: Record<string, unknown>,
	fields: readonly string[],
): string[] {
	const values: string[] = [];
	for (const field of fields) {
		const value = credentials[field];
		if (typeof value === 'string' && value !== '') values.push(value);
	}
	const tokenData = credentials.oauthTokenData;
	if (tokenData !== null && typeof tokenData === 'object') {
		for (const key of ['access_token', 'refresh_token', 'id_token']) {
			const value = (tokenData as Record<string, unknown>)[key];
			if (typeof value === 'string' && value !== '') values.push(value);
		}
	}
	return values;
}
