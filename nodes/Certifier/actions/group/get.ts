import { eachItem } from '../../../common/items';
import { ItemParams } from '../../../common/item-params';
import type { Operation } from '../../../common/operation';
import { groupLocator } from '../../helpers/fields';
import type { CertifierClient } from '../../transport';

export const get: Operation<CertifierClient> = {
	value: 'get',
	name: 'Get',
	action: 'Get a group',
	description: 'Get a group by its ID',
	properties: [groupLocator('The group to get')],
	execute: eachItem(async ({ ctx, client }, itemIndex) => {
		const id = new ItemParams(ctx, itemIndex, 'group').id('group', 'group');
		return { ...(await client.getGroup(id, itemIndex)) };
	}),
};
