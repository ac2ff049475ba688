import { eachItem } from '../../../common/items';
import { ItemParams } from '../../../common/item-params';
import type { Operation } from '../../../common/operation';
import { returnAllProperties } from '../../../common/return-all';
import { collectPages, paginate, wantedCount } from '../../helpers/pagination';
import type { CertifierClient } from '../../transport';

export const getAll: Operation<CertifierClient> = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many designs',
	description: 'List certificate and badge designs',
	properties: [...returnAllProperties()],
	execute: eachItem(async ({ ctx, client }, itemIndex) => {
		const max = wantedCount(new ItemParams(ctx, itemIndex, 'design list'));
		const pages = paginate(ctx.getNode(), (page) => client.listDesigns(page, itemIndex), { max });
		return await collectPages(pages);
	}),
};
