import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { describeResources, describeSubtitle, route } from '../common/router';
import { resources } from './actions';
import { listSearch } from './methods';
import { SEEK_PASS_SERVICE } from './transport';

export class SeekPass implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SEEK Pass',
		name: 'seekPass',
		icon: { light: 'file:../../icons/seekpass.svg', dark: 'file:../../icons/seekpass.dark.svg' },
		group: ['transform'],
		// 2: credential Add speaks API v2 by default; version 1 (saved workflows) keeps v1.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: describeSubtitle(resources),
		description: 'Add credentials to SEEK Pass, follow their status and verify identities',
		defaults: {
			name: 'SEEK Pass',
		},
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'seekPassOAuth2Api',
				required: true,
			},
		],
		properties: describeResources(resources),
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route(this, SEEK_PASS_SERVICE, resources);
	}
}
