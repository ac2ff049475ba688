import {
	NodeConnectionTypes,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';
import { pollCertifier } from './trigger/poll';

export class CertifierPollTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Certifier Poll Trigger',
		name: 'certifierPollTrigger',
		icon: { light: 'file:../../icons/certifier.svg', dark: 'file:../../icons/certifier.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{$parameter["watch"] === "issued" ? "Newly issued credentials" : "New credentials"}}',
		description:
			'Starts the workflow when Certifier has new or newly issued credentials, by asking it on a schedule (no public URL needed)',
		defaults: { name: 'Certifier Poll Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'certifierApi', required: true }],
		properties: [
			{
				displayName: 'Watch For',
				name: 'watch',
				type: 'options',
				options: [
					{
						name: 'New Credentials',
						value: 'created',
						description: 'Every credential created since the last check, drafts included',
					},
					{
						name: 'Newly Issued Credentials',
						value: 'issued',
						description:
							'Credentials issued since the last check, whether created as drafts earlier or created and issued at once',
					},
				],
				default: 'created',
			},
			{
				displayName: 'Include Group',
				name: 'includeGroup',
				type: 'boolean',
				default: true,
				description:
					"Whether to add the credential's group as group {ID, name} to each item, e.g. for mapping to Open Badges",
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const items = await pollCertifier(this);
		return items ? [this.helpers.returnJsonArray(items)] : null;
	}
}
