import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';
import { assetProperties } from '../assets';
import { credentialFieldProperties, credentialTypeProperty } from '../fields';
import { documentProperties } from '../fields/document';

/**
 * A batch mixes credential types, so its type may be an expression. n8n shows every field whose
 * controlling value is an expression, and refuses to run a node whose shown required fields are
 * empty; so the batch has its own type parameter (Add's fields stay hidden) and Add's fields,
 * copied, are not marked required (each item is still checked against its type before sending).
 */
export const BATCH_TYPE_PARAMETER = 'batchCredentialType';

function retarget(options: IDisplayOptions | undefined): IDisplayOptions | undefined {
	if (!options?.show || !('credentialType' in options.show)) return options;
	const { credentialType, ...show } = options.show;
	return { ...options, show: { [BATCH_TYPE_PARAMETER]: credentialType, ...show } };
}

/** A batch item carries no v1 document (§6.1 shows none); v2 files travel as Attachments. */
const documentFields = new Set(documentProperties.map((p) => p.name));

/**
 * The batch's SEEK Pass API version, read as `apiVersion` like Add's. Default v2 on every node
 * version: this operation has always sent v2 batches, and batch with file upload is v2-only.
 */
export const batchApiVersionProperty: INodeProperties = {
	displayName: 'API Version',
	name: 'apiVersion',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'V1',
			value: 'v1',
			description: 'For partners onboarded on v1: no attachments; SEEK Pass will deprecate it',
		},
		{
			name: 'V2',
			value: 'v2',
			description: 'What SEEK Pass asks new integrations to use; attachments are uploaded',
		},
	],
	default: 'v2',
	description: 'Which SEEK Pass partner API to call',
};

export const batchTypeProperty: INodeProperties = {
	...credentialTypeProperty,
	name: BATCH_TYPE_PARAMETER,
	noDataExpression: false,
	description:
		'To mix types in one batch, set this with an expression that reads each item’s type; the fields of every type are then shown, and each item uses those of its type',
};

/** Add's credential fields and the Attachments, for the batch's type parameter. */
export function batchFieldProperties(): INodeProperties[] {
	return [
		...credentialFieldProperties.filter((p) => !documentFields.has(p.name)),
		...assetProperties({ hide: { apiVersion: ['v1'] } }),
	].map((p) => ({ ...p, required: false, displayOptions: retarget(p.displayOptions) }));
}
