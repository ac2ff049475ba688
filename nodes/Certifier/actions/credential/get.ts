import { eachItem } from '../../../common/items';
import { ItemParams } from '../../../common/item-params';
import type { Operation } from '../../../common/operation';
import { asOutput, includeGroupWanted, outputCredential } from '../../helpers/credential-output';
import { credentialLocator, includeGroupOption, simplifyProperty } from '../../helpers/fields';
import type { CertifierClient } from '../../transport';

export const get: Operation<CertifierClient> = {
	value: 'get',
	name: 'Get',
	action: 'Get a credential',
	description: 'Get a credential by its ID',
	properties: [
		credentialLocator,
		simplifyProperty,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			options: [includeGroupOption(true)],
		},
	],
	execute: eachItem(async ({ ctx, client }, itemIndex) => {
		const params = new ItemParams(ctx, itemIndex, 'credential');
		const id = params.id('credentialId', 'credential ID');
		const credential = await client.getCredential(id, itemIndex);
		const withGroup = includeGroupWanted(params, true);
		return asOutput(params, await outputCredential(client, credential, itemIndex, withGroup));
	}),
};
