import {
	NodeConnectionTypes,
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { receiveOnce } from '../common/webhooks/receipt';
import { CERTIFIER_SIGNATURE_HEADER, CERTIFIER_WEBHOOK_EVENTS } from './constants';
import { certifierWebhookSecretTest } from './trigger/secret-test';
import { decideWebhook, WEBHOOK_MEMORY } from './trigger/webhook-event';
import { webhookItem } from './trigger/webhook-item';

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
	/** The URL last announced on activation (Certifier's endpoint is set up by hand). */
	webhookUrl?: string;
}

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
		const { secret } = await this.getCredentials<{ secret: string }>('certifierWebhookApi');
		const headers = this.getHeaderData();
		// Fetching the credential happens inside the receipt, after the event id is claimed: if it
		// fails, the claim is given back and Certifier's redelivery gets another go.
		return await receiveOnce(this, {
			label: 'Certifier Trigger',
			verdict: decideWebhook({
				secret: String(secret ?? ''),
				rawBody: this.getRequestObject().rawBody,
				signature: headers[CERTIFIER_SIGNATURE_HEADER],
				contentType: headers['content-type'],
				events: this.getNodeParameter('events', []) as string[],
			}),
			store: this.getWorkflowStaticData('node'),
			memory: WEBHOOK_MEMORY,
			output: async (event) => await webhookItem(this, event),
		});
	}
}
