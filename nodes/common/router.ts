import {
	NodeOperationError,
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { rememberFieldLabels } from './items/field-labels';
import { nodeOf } from './items/parameter-cache';
import { readRequestSettings, requestOptionsProperty } from './items/request-options';
import type { Resource } from './operation';
import { connect } from './transport/connect';
import type { Service } from './transport/service';

/** The resource and operation dropdowns plus every operation's own fields, scoped by displayOptions. */
export function describeResources<C>(resources: Array<Resource<C>>): INodeProperties[] {
	// Named values rather than `resources[0].value` inline: the lint reads a member expression as a missing default.
	const defaultResource = resources[0].value;
	const properties: INodeProperties[] = [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: resources.map((r) => ({ name: r.name, value: r.value })),
			default: defaultResource,
		},
	];
	for (const resource of resources) {
		const defaultOperation = resource.operations[0].value;
		properties.push({
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource.value] } },
			options: resource.operations.map((o) => ({
				name: o.name,
				value: o.value,
				action: o.action,
				description: o.description,
			})),
			default: defaultOperation,
		});
	}
	for (const resource of resources) {
		for (const operation of resource.operations) {
			properties.push(
				...updateDisplayOptions(
					{ show: { resource: [resource.value], operation: [operation.value] } },
					operation.properties,
				),
			);
		}
	}
	properties.push(requestOptionsProperty);
	return properties;
}

/**
 * The canvas subtitle: the chosen operation's action ("Create, issue and send a credential"), as
 * the nodes panel names it, rather than the raw values ("createIssueSend: credential").
 */
export function describeSubtitle<C>(resources: Array<Resource<C>>): string {
	const actions: Record<string, string> = {};
	for (const resource of resources) {
		for (const operation of resource.operations) {
			actions[`${resource.value}:${operation.value}`] = operation.action;
		}
	}
	const key = '$parameter["resource"] + ":" + $parameter["operation"]';
	return `={{ (${JSON.stringify(actions)})[${key}] || $parameter["operation"] }}`;
}

/** Picks the operation, builds the client once for the execution and hands it all items. */
export async function route<C>(
	ctx: IExecuteFunctions,
	service: Service<C>,
	resources: Array<Resource<C>>,
): Promise<INodeExecutionData[][]> {
	const resourceValue = ctx.getNodeParameter('resource', 0) as string;
	const operationValue = ctx.getNodeParameter('operation', 0) as string;
	const operation = resources
		.find((r) => r.value === resourceValue)
		?.operations.find((o) => o.value === operationValue);
	if (!operation) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The operation "${operationValue}" of resource "${resourceValue}" is not supported`,
		);
	}
	rememberFieldLabels(nodeOf(ctx), operation.properties);
	const settings = readRequestSettings(ctx);
	const client = await connect(ctx, service, {
		maxInFlight: settings.concurrency,
		retry: settings.retry,
		timeoutMs: settings.timeoutMs,
	});
	return [await operation.execute({ ctx, client, settings })];
}
