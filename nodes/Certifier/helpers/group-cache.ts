import type { CertifierGroup } from '../transport';

/**
 * Groups looked up during one execution: each distinct group is fetched once, however many items
 * name it. A failed lookup is not kept, and an item that was waiting on another item's failed
 * lookup asks again itself, so each error names the item it belongs to.
 */
export class GroupCache {
	private readonly groups = new Map<string, Promise<CertifierGroup>>();

	constructor(
		private readonly fetchGroup: (id: string, itemIndex: number) => Promise<CertifierGroup>,
	) {}

	async get(groupId: string, itemIndex: number): Promise<CertifierGroup> {
		const shared = this.groups.get(groupId);
		if (shared) {
			try {
				return await shared;
			} catch {
				// Another item's lookup failed: ask once more below, so the error carries this item.
			}
		}
		const own = this.fetchGroup(groupId, itemIndex);
		this.groups.set(groupId, own);
		own.catch(() => {
			if (this.groups.get(groupId) === own) this.groups.delete(groupId);
		});
		return await own;
	}
}
