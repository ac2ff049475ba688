import { eachItem } from '../../../common/items';
import { ItemParams } from '../../../common/item-params';
import type { Operation } from '../../../common/operation';
import { returnAllProperties } from '../../../common/return-all';
import { collectPages, paginate, wantedCount } from '../../helpers/pagination';
import type { CertifierClient } from '../../transport';

export const getAll: Operation<CertifierClient> = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many groups',
	description: 'List groups',
	properties: [...returnAllProperties()],
	execute: eachItem(async ({ ctx, client }, itemIndex) => {
		const max = wantedCount(new ItemParams(ctx, itemIndex, 'group list'));
		const pages = paginate(ctx.getNode(), (page) => client.listGroups(page, itemIndex), { max });
		return await collectPages(pages);
	}),
};
