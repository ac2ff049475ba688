import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'crypto';

/**
 * The webhook signing secret as the trigger keeps it in static data: AES-256-GCM under a key
 * derived (HKDF-SHA256) from the trigger credential's client secret and the webhook id. Static
 * data is readable by anyone who may open the workflow and is stored unencrypted; the credential
 * is not, so without it the secret cannot be read.
 */

const VERSION = 'v1';
/** Fixed forever: a new salt would make every stored secret unreadable. */
const SALT = 'n8n-nodes-career-credentials/seek-pass-trigger/webhook-secret';

function keyFor(clientSecret: string, webhookId: string): Buffer {
	return Buffer.from(hkdfSync('sha256', clientSecret, SALT, `webhook:${webhookId}`, 32));
}

export function sealSecret(secret: string, clientSecret: string, webhookId: string): string {
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', keyFor(clientSecret, webhookId), iv);
	const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
	const parts = [iv, sealed, cipher.getAuthTag()].map((part) => part.toString('base64url'));
	return [VERSION, ...parts].join('.');
}

/** The secret, or undefined when it cannot be read (another client secret or webhook id, or tampered). */
export function openSecret(
	sealed: string,
	clientSecret: string,
	webhookId: string,
): string | undefined {
	const [version, iv, data, tag] = sealed.split('.');
	if (version !== VERSION || iv === undefined || data === undefined || tag === undefined) {
		return undefined;
	}
	try {
		const decipher = createDecipheriv(
			'aes-256-gcm',
			keyFor(clientSecret, webhookId),
			Buffer.from(iv, 'base64url'),
		);
		decipher.setAuthTag(Buffer.from(tag, 'base64url'));
		return Buffer.concat([
			decipher.update(Buffer.from(data, 'base64url')),
			decipher.final(),
		]).toString('utf8');
	} catch {
		return undefined;
	}
}
