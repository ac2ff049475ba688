import type { INode } from 'n8n-workflow';
import { buildPushBody } from './builders/envelope';
import { inputError } from '../../common/validation';
import { assertionIds } from '../schemas';
import { RECIPIENT_KEYS, type PushBody, type RecipientInput } from '../types';
import { PUSH_WHAT, type PushEntry } from './push-entry';

/** Same recipient id and token: one request, one claim link. */
export function recipientKey(entry: PushEntry): string {
	return JSON.stringify([entry.recipient.id, entry.recipientToken]);
}

function pathText(path: Array<string | number>): string {
	return path
		.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
		.join('')
		.slice(1);
}

/**
 * What only a whole request shows, reported on the later item: an assertion id another item
 * already sends (SmartResume would refuse the request or one award would shadow the other),
 * and recipient details that contradict an earlier item's (two people under one id?).
 */
export function pushConflicts(
	node: INode,
	group: PushEntry[],
): Array<{ entry: PushEntry; error: Error }> {
	const conflicts: Array<{ entry: PushEntry; error: Error }> = [];
	const ids = new Map<string, number>();
	const details = new Map<keyof RecipientInput, { value: string; itemIndex: number }>();
	for (const entry of group) {
		const fail = (field: string, problem: string) =>
			conflicts.push({
				entry,
				error: inputError(node, entry.itemIndex, PUSH_WHAT, field, problem),
			});
		const clash = assertionIds(entry.credentials).find(({ id }) => ids.has(id));
		if (clash) {
			fail(
				pathText(clash.path),
				`"${clash.id}" is already sent by item ${ids.get(clash.id)} in the same request: assertion ids must be unique`,
			);
			continue;
		}
		const differing = RECIPIENT_KEYS.find((key) => {
			const earlier = details.get(key);
			const value = entry.recipient[key];
			return earlier !== undefined && value !== '' && value !== earlier.value;
		});
		if (differing) {
			fail(
				`recipient.${differing}`,
				`differs from item ${details.get(differing)?.itemIndex}, which has the same recipient ID`,
			);
			continue;
		}
		for (const { id } of assertionIds(entry.credentials)) ids.set(id, entry.itemIndex);
		for (const key of RECIPIENT_KEYS) {
			if (entry.recipient[key] !== '' && !details.has(key))
				details.set(key, { value: entry.recipient[key], itemIndex: entry.itemIndex });
		}
	}
	return conflicts;
}

/** One request for a group: the recipient details merged (they agree), the credentials in item order. */
export function groupBody(group: PushEntry[]): PushBody {
	const recipient = {} as RecipientInput;
	for (const key of RECIPIENT_KEYS)
		recipient[key] = group.find((e) => e.recipient[key] !== '')?.recipient[key] ?? '';
	return buildPushBody({
		recipient,
		recipientToken: group[0].recipientToken,
		credentials: group.flatMap((e) => e.credentials),
		alwaysSendToken: true,
	});
}
