import type { IDataObject } from 'n8n-workflow';

/**
 * What the trigger keeps in the workflow's static data (node scope). The webhook secret has to
 * live here: SEEK Pass shows it only once, when the trigger registers itself.
 */
export interface TriggerState {
	webhookId?: string;
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

export function rememberWebhook(
	staticData: IDataObject,
	id: string,
	secret: string,
	url: string,
): void {
	// A new registration starts an empty memory: its events have ids of their own.
	Object.assign(staticData, {
		webhookId: id,
		webhookSecret: secret,
		webhookUrl: url,
		receivedEventIds: [],
	});
	delete staticData.recentEventIds;
}

export function forgetWebhook(staticData: IDataObject): void {
	delete staticData.webhookId;
	delete staticData.webhookSecret;
	delete staticData.webhookUrl;
	delete staticData.receivedEventIds;
	delete staticData.recentEventIds;
}
