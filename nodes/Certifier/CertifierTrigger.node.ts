import {
	NodeConnectionTypes,
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import {
	acceptDelivery,
	claimDelivery,
	deliveryScope,
	releaseDelivery,
} from '../common/webhooks/delivery-ledger';
import { ApiClient } from '../common/transport/client';
import { CertifierClient } from './client';
import {
	CERTIFIER_SERVICE,
	CERTIFIER_SIGNATURE_HEADER,
	CERTIFIER_WEBHOOK_DEDUP_SIZE,
	CERTIFIER_WEBHOOK_EVENTS,
} from './constants';
import { certifierWebhookSecretTest } from './trigger/secret-test';
import { decideWebhook } from './trigger/webhook-event';
import type { CertifierWebhookPayload } from './types';

const EVENT_NAMES: Record<string, string> = {
	'credential.created': 'Credential Created',
	'credential.deleted': 'Credential Deleted',
	'credential.downloaded': 'Credential Downloaded',
	'credential.issued': 'Credential Issued',
	'credential.shared': 'Credential Shared',
	'credential.updated': 'Credential Updated',
	'credential.viewed': 'Credential Viewed',
};

interface TriggerStaticData extends IDataObject {
	/** Ids of accepted events, newest last: a redelivery of one of them starts no second run. */
	seenEventIds?: string[];
	/** The URL last announced on activation (Certifier's endpoint is set up by hand). */
	webhookUrl?: string;
}

async function withCredential(
	ctx: IWebhookFunctions,
	event: CertifierWebhookPayload,
): Promise<IDataObject> {
	const credentialId = event.data?.resource?.id;
	const item: IDataObject = { ...event, credentialId: credentialId ?? null };
	if (!(ctx.getNodeParameter('includeCredential', false) as boolean)) return item;
	// A deleted credential cannot be fetched any more; the event still says which one it was.
	if (event.type === 'credential.deleted' || !credentialId) return { ...item, credential: null };
	const client = new CertifierClient(await ApiClient.create(ctx, CERTIFIER_SERVICE));
	return { ...item, credential: await client.getCredential(credentialId) };
}

/** What a refused sender is told: the status in words, nothing about why (that goes to the log). */
const REFUSAL_TEXT = { 400: 'bad request', 401: 'unauthorized', 415: 'unsupported media type' } as const;

export class CertifierTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Certifier Trigger',
		name: 'certifierTrigger',
		icon: { light: 'file:../../icons/certifier.svg', dark: 'file:../../icons/certifier.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when Certifier reports a credential event',
		defaults: { name: 'Certifier Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'certifierWebhookApi', required: true, testedBy: 'certifierWebhookSecretTest' },
			{
				name: 'certifierApi',
				required: true,
				displayOptions: { show: { includeCredential: [true] } },
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName:
					"Certifier manages webhooks in its dashboard: copy the Production URL above into Settings → Developers → Webhooks, then put the secret Certifier shows into this node's credential",
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options: CERTIFIER_WEBHOOK_EVENTS.map((value) => ({
					name: EVENT_NAMES[value] ?? value,
					value,
				})),
				default: ['credential.issued'],
				description:
					'Events that start the workflow; other events Certifier sends are acknowledged and ignored',
			},
			{
				displayName: 'Include Credential',
				name: 'includeCredential',
				type: 'boolean',
				default: false,
				description:
					'Whether to fetch the credential the event is about and add it as credential (needs a Certifier API credential)',
			},
		],
	};

	methods = { credentialTest: { certifierWebhookSecretTest } };

	// Certifier has no webhook API: "creating" the webhook only records and logs the URL the user has
	// to paste in the dashboard, and deleting forgets it. Remembered event ids stay, so a redelivery
	// after a re-activation still starts no second run.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node') as TriggerStaticData;
				return (
					data.webhookUrl !== undefined && data.webhookUrl === this.getNodeWebhookUrl('default')
				);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node') as TriggerStaticData;
				data.webhookUrl = this.getNodeWebhookUrl('default');
				this.logger.info(
					`Certifier Trigger: add ${data.webhookUrl} as a webhook endpoint in the Certifier dashboard`,
				);
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node') as TriggerStaticData;
				delete data.webhookUrl;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject();
		const { secret } = await this.getCredentials<{ secret: string }>('certifierWebhookApi');
		const data = this.getWorkflowStaticData('node') as TriggerStaticData;
		const decision = decideWebhook({
			secret: String(secret ?? ''),
			rawBody: request.rawBody,
			signature: this.getHeaderData()[CERTIFIER_SIGNATURE_HEADER],
			contentType: this.getHeaderData()['content-type'],
			events: this.getNodeParameter('events', []) as string[],
			seen: data.seenEventIds ?? [],
		});
		if (decision.kind === 'reject') {
			// Answered here and now, so no execution starts and the caller learns nothing more.
			this.logger.warn(`Certifier Trigger refused a delivery: ${decision.reason}`);
			const response = this.getResponseObject();
			response
				.status(decision.status)
				.json({ error: REFUSAL_TEXT[decision.status] });
			return { noWebhookResponse: true };
		}
		if (decision.kind === 'ignore') {
			return { webhookResponse: { received: true, ignored: decision.reason } };
		}
		// A redelivery that overlaps the first delivery is caught here: static data is per call.
		const scope = deliveryScope(this.getWorkflow().id, this.getNode().id);
		const persisted = data.seenEventIds ?? [];
		if (!claimDelivery(scope, decision.event.id, persisted)) {
			return { webhookResponse: { received: true, ignored: 'duplicate' } };
		}
		// Fetched before the id is remembered: if this fails, the claim is given back and Certifier's
		// redelivery gets another go.
		let item: IDataObject | undefined;
		try {
			item = await withCredential(this, decision.event);
			data.seenEventIds = acceptDelivery(
				scope,
				decision.event.id,
				persisted,
				CERTIFIER_WEBHOOK_DEDUP_SIZE,
			);
		} finally {
			if (item === undefined) releaseDelivery(scope, decision.event.id);
		}
		// Answered here rather than by n8n: with responseMode onReceived, n8n 2.41 starts the run
		// before it answers and saves static data, and starting the run resets the "changed" mark,
		// so the remembered id would be lost. Answering first makes n8n save it, then start the run.
		this.getResponseObject().status(200).json({ received: true });
		return { workflowData: [this.helpers.returnJsonArray([item])], noWebhookResponse: true };
	}
}
