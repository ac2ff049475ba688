import { eachItem } from '../../../common/items';
import { ItemParams } from '../../../common/item-params';
import type { Operation } from '../../../common/operation';
import { CERTIFIER_CUSTOM_ATTRIBUTE_PREFIX } from '../../constants';
import type { CertifierClient } from '../../transport';

export const getAll: Operation<CertifierClient> = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many attributes',
	description: 'List the attributes designs can show, built-in and custom',
	properties: [
		{
			displayName: 'Custom Only',
			name: 'customOnly',
			type: 'boolean',
			default: false,
			description: 'Whether to return only custom attributes (the ones credentials can set)',
		},
	],
	execute: eachItem(async ({ ctx, client }, itemIndex) => {
		const customOnly = new ItemParams(ctx, itemIndex, 'attribute list').raw('customOnly', false);
		const attributes = await client.listAttributes(itemIndex);
		return attributes
			.filter((a) => !customOnly || String(a.tag).startsWith(CERTIFIER_CUSTOM_ATTRIBUTE_PREFIX))
			.map((a) => ({ ...a }));
	}),
};
