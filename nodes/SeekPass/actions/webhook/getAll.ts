import { type Operation } from '../../../common/operation';
import { perItem } from '../../../common/items/legacy';
import { returnAllProperties } from '../../../common/return-all';
import { SeekPassClient } from '../../transport';
import { withoutSecret } from '../../helpers/webhook';

export const getAll: Operation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many webhooks',
	description: 'List the registered webhooks (without their secrets)',
	properties: returnAllProperties(),
	execute: perItem(async ({ ctx, client }, itemIndex) => {
		const webhooks = await new SeekPassClient(client).listWebhooks(itemIndex);
		const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
		// The list API has no paging [assumed]; the limit only trims what it returned.
		const limit = returnAll ? webhooks.length : (ctx.getNodeParameter('limit', itemIndex, 50) as number);
		return webhooks.slice(0, limit).map(withoutSecret);
	}),
};
