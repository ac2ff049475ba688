import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { describeResources, describeSubtitle, route } from '../common/router';
import { resources } from './actions';
import { CERTIFIER_SERVICE } from './transport';
import { listSearch, loadOptions } from './methods';

export class Certifier implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Certifier',
		name: 'certifier',
		icon: { light: 'file:../../icons/certifier.svg', dark: 'file:../../icons/certifier.dark.svg' },
		group: ['transform'],
		// 1.1: Simplify (on by default) for Get, Get Many and Search; version 1 keeps full output.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: describeSubtitle(resources),
		description: 'Create, issue, send and find certificates and badges in Certifier',
		defaults: { name: 'Certifier' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'certifierApi', required: true }],
		properties: describeResources(resources),
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route(this, CERTIFIER_SERVICE, resources);
	}
}
