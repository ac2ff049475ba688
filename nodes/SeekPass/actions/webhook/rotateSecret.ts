import { ItemParams } from '../../../common/item-params';
import { eachItem } from '../../../common/items';
import type { Operation } from '../../../common/operation';
import { webhookIdProperty, webhookWhat, withSecret } from '../../helpers/webhook';
import type { SeekPassClient } from '../../transport';

export const rotateSecret: Operation<SeekPassClient> = {
	value: 'rotateSecret',
	name: 'Rotate Secret',
	action: 'Rotate a webhook secret',
	description:
		'Replace a webhook’s signing secret. The output includes the new secret: keep it safe; the old one stops working.',
	properties: [webhookIdProperty],
	execute: eachItem(async ({ ctx, client }, itemIndex) => {
		const id = new ItemParams(ctx, itemIndex, webhookWhat).id('webhookId', 'webhook ID');
		return withSecret(await client.rotateWebhookSecret(id, itemIndex));
	}),
};
