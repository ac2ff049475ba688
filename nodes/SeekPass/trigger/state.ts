import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { openSecret, sealSecret } from './sealed-secret';

/**
 * What the trigger keeps in the workflow's static data (node scope). The webhook secret has to
 * live here, since SEEK Pass shows it only when the trigger registers itself (or rotates it), but
 * only sealed with the trigger's credential (see sealed-secret.ts).
 */
export interface TriggerState {
	webhookId?: string;
	/** The webhook's signing secret, sealed. */
	webhookSecretSealed?: string;
	/** The secret in plain text, as earlier releases stored it: read once, then sealed. */
	webhookSecret?: string;
	webhookUrl?: string;
	/** Most recent last; bounded by SEEK_PASS_REPLAY_MEMORY (kept by common/webhooks/receipt). */
	receivedEventIds?: string[];
	/** The same memory under its name in earlier releases; cleared with it. */
	recentEventIds?: string[];
}

export function stateOf(staticData: IDataObject): TriggerState {
	return staticData as TriggerState;
}

/** The trigger credential's client secret: what the stored webhook secret is sealed with. */
export async function sealingKeyOf(ctx: IHookFunctions | IWebhookFunctions): Promise<string> {
	const credentials = await ctx.getCredentials<{ clientSecret?: string }>('seekPassOAuth2Api');
	return String(credentials.clientSecret ?? '');
}

/** Stores the secret sealed; whatever was stored before (sealed or plain) is replaced. */
export function storeSecret(
	staticData: IDataObject,
	webhookId: string,
	secret: string,
	clientSecret: string,
): void {
	staticData.webhookSecretSealed = sealSecret(secret, clientSecret, webhookId);
	delete staticData.webhookSecret;
}

/**
 * The webhook's secret, or undefined when none is stored or it cannot be opened (the credential's
 * client secret changed). A plain-text secret from an earlier release is sealed on the way.
 */
export function readSecret(staticData: IDataObject, clientSecret: string): string | undefined {
	const { webhookId, webhookSecretSealed, webhookSecret } = stateOf(staticData);
	if (!webhookId) return undefined;
	if (webhookSecretSealed) return openSecret(webhookSecretSealed, clientSecret, webhookId);
	if (!webhookSecret) return undefined;
	storeSecret(staticData, webhookId, webhookSecret, clientSecret);
	return webhookSecret;
}

export function rememberWebhook(
	staticData: IDataObject,
	webhook: { id: string; secret: string; url: string },
	clientSecret: string,
): void {
	// A new registration starts an empty memory: its events have ids of their own.
	Object.assign(staticData, {
		webhookId: webhook.id,
		webhookUrl: webhook.url,
		receivedEventIds: [],
	});
	delete staticData.recentEventIds;
	storeSecret(staticData, webhook.id, webhook.secret, clientSecret);
}

export function forgetWebhook(staticData: IDataObject): void {
	delete staticData.webhookId;
	delete staticData.webhookSecretSealed;
	delete staticData.webhookSecret;
	delete staticData.webhookUrl;
	delete staticData.receivedEventIds;
	delete staticData.recentEventIds;
}
