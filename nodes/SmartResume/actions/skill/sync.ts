import type { Operation } from '../../../common/operation';
import { SmartResumeClient } from '../../transport';
import { ItemParams } from '../params';
import { runGrouped } from '../../../common/items/legacy';
import { syncProperties } from './properties';
import { readSyncEntry, SYNC_WHAT, type SyncEntry } from '../../helpers/sync-entry';

export const sync: Operation = {
	value: 'sync',
	name: 'Sync',
	action: 'Sync skills to SmartResume',
	description: 'SkillSync: send a person’s skills, with level, category and verification, to their SmartResume',
	properties: syncProperties,
	execute: async (op) => {
		const client = new SmartResumeClient(op.client);
		return await runGrouped<SyncEntry>(op, {
			prepare: (itemIndex) => readSyncEntry(new ItemParams(op.ctx, itemIndex, SYNC_WHAT)),
			send: async ([entry]) => {
				const link = await client.push(entry.body, entry.itemIndex);
				return [
					{
						...link,
						recipientId: entry.recipientId || null,
						carrierIds: entry.carrierIds,
						verifiedSkills: entry.verified,
						selfAssertedSkills: entry.selfAsserted,
					},
				];
			},
		});
	},
};
