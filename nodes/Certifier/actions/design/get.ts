import { eachItem } from '../../../common/items';
import { ItemParams } from '../../../common/item-params';
import type { Operation } from '../../../common/operation';
import { designLocator } from '../../helpers/fields';
import type { CertifierClient } from '../../transport';

export const get: Operation<CertifierClient> = {
	value: 'get',
	name: 'Get',
	action: 'Get a design',
	description: 'Get a design (name, type, preview image) by its ID',
	properties: [designLocator('The design to get')],
	execute: eachItem(async ({ ctx, client }, itemIndex) => {
		const id = new ItemParams(ctx, itemIndex, 'design').id('design', 'design');
		return { ...(await client.getDesign(id, itemIndex)) };
	}),
};
