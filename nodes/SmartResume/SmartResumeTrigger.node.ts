import {
	NodeConnectionTypes,
	NodeOperationError,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { REDIRECT_STATUS, SMART_RESUME_REDIRECT_HOSTS } from './constants';
import { parseAllowList } from './trigger/redirect-guard';
import { checkImportRequest } from './trigger/import-request';
import { PAGE_HEADERS, refusalPage } from './trigger/page';

const defaultAllowedHosts = SMART_RESUME_REDIRECT_HOSTS.join(', ');

function refuse(ctx: IWebhookFunctions, status: number, title: string, problems: string[]): IWebhookResponseData {
	const res = ctx.getResponseObject();
	for (const [name, value] of Object.entries(PAGE_HEADERS)) res.setHeader(name, value);
	res.status(status).send(refusalPage(title, problems));
	return { noWebhookResponse: true };
}

export class SmartResumeTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SmartResume Trigger',
		name: 'smartResumeTrigger',
		icon: { light: 'file:../../icons/smartresume.svg', dark: 'file:../../icons/smartresume.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"Import request, " + ($parameter["respond"] === "lastNode" ? "redirect when done" : "Respond to Webhook")}}',
		description: 'Starts the workflow when SmartResume sends a person to import their credentials (use case 3)',
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
				default: defaultAllowedHosts,
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
				const targets = parseAllowList(this.getNodeParameter('allowedHosts', defaultAllowedHosts) as string);
				if (!targets.ok) {
					throw new NodeOperationError(this.getNode(), `Allowed Redirect Hosts: ${targets.reason}`);
				}
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
		const targets = parseAllowList(this.getNodeParameter('allowedHosts', defaultAllowedHosts) as string);
		if (!targets.ok) {
			return refuse(this, 500, 'This import endpoint is misconfigured', [`Allowed Redirect Hosts: ${targets.reason}`]);
		}
		const request = this.getRequestObject();
		const checked = checkImportRequest(request.query as Record<string, unknown>, targets.value);
		if (!checked.ok) return refuse(this, 400, 'This import request is not valid', checked.problems);

		const res = this.getResponseObject();
		res.setHeader('cache-control', 'no-store');
		res.setHeader('referrer-policy', 'no-referrer');
		// n8n answers after the last node with the description's status (303) and keeps this header.
		if (this.getNodeParameter('respond', 'lastNode') === 'lastNode') res.setHeader('location', checked.value.redirectURL);
		return { workflowData: [[{ json: { ...checked.value } }]] };
	}
}
