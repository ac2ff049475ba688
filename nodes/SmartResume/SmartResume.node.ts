import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { describeResources, describeSubtitle, route } from '../common/router';
import { resources } from './actions';
import { SMART_RESUME_SERVICE } from './transport';

export class SmartResume implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SmartResume',
		name: 'smartResume',
		icon: {
			light: 'file:../../icons/smartresume.svg',
			dark: 'file:../../icons/smartresume.dark.svg',
		},
		group: ['output'],
		version: 1,
		subtitle: describeSubtitle(resources),
		description: 'Push verifiable credentials and skills into SmartResume (CredentialConnect)',
		defaults: {
			name: 'SmartResume',
		},
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'smartResumeOAuth2Api',
				required: true,
			},
		],
		properties: describeResources(resources),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route(this, SMART_RESUME_SERVICE, resources);
	}
}
