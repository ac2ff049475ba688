import type { INodeProperties } from 'n8n-workflow';
import type { ItemParams } from '../../common/item-params';
import type { SeekPassApiVersion } from '../constants';

const options = [
	{
		name: 'V1',
		value: 'v1',
		description: 'For partners onboarded on v1; SEEK Pass will deprecate it',
	},
	{
		name: 'V2',
		value: 'v2',
		description: 'What SEEK Pass asks new integrations to use',
	},
];

/**
 * The SEEK Pass API version of an operation. Node version 1 (saved workflows) defaults to v1 so
 * they keep sending exactly what they sent; node version 2 (new nodes) defaults to v2.
 * Two properties of one name, one per node version, is how n8n gives a default per version.
 */
export const apiVersionProperties: INodeProperties[] = [
	{
		displayName: 'API Version',
		name: 'apiVersion',
		type: 'options',
		noDataExpression: true,
		options,
		default: 'v1',
		description: 'Which SEEK Pass partner API to call',
		displayOptions: { show: { '@version': [1] } },
	},
	{
		displayName: 'API Version',
		name: 'apiVersion',
		type: 'options',
		noDataExpression: true,
		options,
		default: 'v2',
		description: 'Which SEEK Pass partner API to call',
		displayOptions: { show: { '@version': [{ _cnd: { gte: 2 } }] } },
	},
];

export function readApiVersion(params: ItemParams): SeekPassApiVersion {
	const value = params.raw<unknown>(
		'apiVersion',
		params.ctx.getNode().typeVersion >= 2 ? 'v2' : 'v1',
	);
	if (value !== 'v1' && value !== 'v2') params.fail('apiVersion', 'must be v1 or v2');
	return value;
}
