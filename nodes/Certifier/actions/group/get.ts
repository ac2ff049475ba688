import type { Operation } from '../../../common/operation';
import { groupLocator } from '../../descriptions';
import { locatorValue } from '../../params';
import { perCertifierItem, requireId } from '../item';

export const getGroup: Operation = {
	value: 'get',
	name: 'Get',
	action: 'Get a group',
	description: 'Get a group by its ID',
	properties: [groupLocator('The group to get')],
	execute: perCertifierItem(async (c, itemIndex) => {
		const id = requireId(c, locatorValue(c.ctx, 'group', itemIndex), itemIndex, 'group');
		return { ...(await c.certifier.getGroup(id, itemIndex)) };
	}),
};
