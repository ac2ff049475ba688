import {
	NodeConnectionTypes,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { registerWebhook, unregisterWebhook, webhookExists } from './trigger/lifecycle';
import { triggerProperties } from './trigger/properties';
import { receiveEvent } from './trigger/receive';

export class SeekPassTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SEEK Pass Trigger',
		name: 'seekPassTrigger',
		icon: { light: 'file:../../icons/seekpass.svg', dark: 'file:../../icons/seekpass.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"On " + $parameter["events"].join(", ")}}',
		description:
			'Starts the workflow when a SEEK Pass identity verification is verified, canceled or incomplete',
		defaults: {
			name: 'SEEK Pass Trigger',
		},
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'seekPassOAuth2Api',
				required: true,
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
		properties: triggerProperties,
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await webhookExists(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await registerWebhook(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await unregisterWebhook(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveEvent(this);
	}
}
