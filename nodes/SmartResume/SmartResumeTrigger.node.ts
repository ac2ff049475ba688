import {
	NodeConnectionTypes,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { REDIRECT_STATUS } from './constants';
import { checkAllowList, DEFAULT_ALLOWED_HOSTS, receiveImportRequest } from './trigger/receive';

export class SmartResumeTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SmartResume Trigger',
		name: 'smartResumeTrigger',
		icon: {
			light: 'file:../../icons/smartresume.svg',
			dark: 'file:../../icons/smartresume.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{"Import request, " + ($parameter["respond"] === "lastNode" ? "redirect when done" : "Respond to Webhook")}}',
		description:
			'Starts the workflow when SmartResume sends a person here to import their credentials',
		defaults: { name: 'SmartResume Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'GET',
				responseMode: '={{$parameter["respond"]}}',
				responseCode: `={{$parameter["respond"] === "lastNode" ? ${REDIRECT_STATUS} : 200}}`,
				responseData: 'noData',
				path: 'import',
			},
		],
		properties: [
			{
				displayName:
					"Give SmartResume the Production URL above as your import endpoint. It sends the person here with recipientToken and redirectURL; push their credentials with a SmartResume node whose Recipient Token is this trigger's recipientToken. This URL logs no one in: identify the person on your side before choosing whose credentials to push.",
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Respond',
				name: 'respond',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Redirect When the Workflow Finishes',
						value: 'lastNode',
						description:
							'Send the browser back to redirectURL once the last node has run; a failed run shows an error instead',
					},
					{
						name: "Using 'Respond to Webhook' Node",
						value: 'responseNode',
						description:
							"Redirect yourself with Respond to Webhook version 1 (later versions refuse community triggers) set to Redirect, to this trigger's redirectURL; the repository has a ready workflow",
					},
				],
				default: 'lastNode',
			},
			{
				displayName: 'Allowed Redirect Hosts',
				name: 'allowedHosts',
				type: 'string',
				default: DEFAULT_ALLOWED_HOSTS,
				description:
					'Where redirectURL may point, comma-separated: host names (https only), *.host for subdomains, or an origin such as http://127.0.0.1:4780 for a local sandbox (plain http only for localhost). Anything else gets a 400 page.',
			},
		],
	};

	// SmartResume's account manager sets the import endpoint up by hand: there is nothing to
	// register, but activation is where a bad allow-list should surface, not on a holder's visit.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				checkAllowList(this);
				this.logger.info(
					`SmartResume Trigger: give SmartResume ${this.getNodeWebhookUrl('default')} as the import endpoint`,
				);
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return receiveImportRequest(this);
	}
}
