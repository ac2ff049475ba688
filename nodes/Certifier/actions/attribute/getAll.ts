import type { Operation } from '../../../common/operation';
import { CERTIFIER_CUSTOM_ATTRIBUTE_PREFIX } from '../../constants';
import { perCertifierItem } from '../item';

export const getAllAttributes: Operation = {
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
	execute: perCertifierItem(async (c, itemIndex) => {
		const customOnly = c.ctx.getNodeParameter('customOnly', itemIndex, false) as boolean;
		const attributes = await c.certifier.listAttributes(itemIndex);
		return attributes
			.filter((a) => !customOnly || String(a.tag).startsWith(CERTIFIER_CUSTOM_ATTRIBUTE_PREFIX))
			.map((a) => ({ ...a }));
	}),
};
