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
