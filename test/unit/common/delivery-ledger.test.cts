// The per-process ledger of webhook deliveries that keeps a redelivery from running a workflow
// twice when static data cannot (overlapping calls each load and save their own copy).
import { randomUUID } from 'node:crypto';
import {
	acceptDelivery,
	claimDelivery,
	deliveryScope,
	releaseDelivery,
} from '../../../nodes/common/webhooks/delivery-ledger';

const fresh = () => deliveryScope(randomUUID(), randomUUID());

test('a delivery is taken on once; its replay is refused while the first is still being handled and after', () => {
	const scope = fresh();
	expect(claimDelivery(scope, 'e1', [])).toBe(true);
	expect(claimDelivery(scope, 'e1', [])).toBe(false);
	acceptDelivery(scope, 'e1', [], 10);
	expect(claimDelivery(scope, 'e1', [])).toBe(false);
});

test('an id in the stored memory is refused even when this process never saw it (another process did)', () => {
	expect(claimDelivery(fresh(), 'e1', ['e0', 'e1'])).toBe(false);
});

test('a released claim (handling failed) can be taken on again by the vendor’s retry', () => {
	const scope = fresh();
	expect(claimDelivery(scope, 'e1', [])).toBe(true);
	releaseDelivery(scope, 'e1');
	expect(claimDelivery(scope, 'e1', [])).toBe(true);
});

test('releasing an accepted delivery does not forget it', () => {
	const scope = fresh();
	claimDelivery(scope, 'e1', []);
	acceptDelivery(scope, 'e1', [], 10);
	releaseDelivery(scope, 'e1');
	expect(claimDelivery(scope, 'e1', [])).toBe(false);
});

test('overlapping deliveries: each save carries every id accepted so far, so the last save loses none', () => {
	const scope = fresh();
	// Three calls loaded the same (empty) stored list before any of them saved.
	const loaded: string[] = [];
	for (const id of ['a', 'b', 'c']) expect(claimDelivery(scope, id, loaded)).toBe(true);
	const saves = ['a', 'b', 'c'].map((id) => acceptDelivery(scope, id, loaded, 10));
	expect(saves[2]).toEqual(['a', 'b', 'c']);
	// Whatever order n8n writes them in, the stored list after the last write still holds the ids
	// accepted before that call finished.
	expect(saves[0]).toEqual(['a']);
	expect(saves[1]).toEqual(['a', 'b']);
});

test('a pending claim of another call is not stored: that call may still fail and must stay retryable', () => {
	const scope = fresh();
	claimDelivery(scope, 'slow', []);
	claimDelivery(scope, 'fast', []);
	expect(acceptDelivery(scope, 'fast', [], 10)).toEqual(['fast']);
});

test('stored ids are kept, most recent last, bounded, oldest dropped', () => {
	const scope = fresh();
	const stored = ['x', 'y'];
	claimDelivery(scope, 'z', stored);
	expect(acceptDelivery(scope, 'z', stored, 3)).toEqual(['x', 'y', 'z']);
	claimDelivery(scope, 'w', stored);
	expect(acceptDelivery(scope, 'w', stored, 3)).toEqual(['y', 'z', 'w']);
	const many = fresh();
	let last: string[] = [];
	for (let i = 0; i < 25; i++) {
		claimDelivery(many, `e${i}`, []);
		last = acceptDelivery(many, `e${i}`, [], 10);
	}
	expect(last).toEqual(Array.from({ length: 10 }, (_, i) => `e${i + 15}`));
	// The process memory is bounded too: the oldest id fell out and is no longer refused.
	expect(claimDelivery(many, 'e0', [])).toBe(true);
	expect(claimDelivery(many, 'e24', [])).toBe(false);
});

test('scopes are separate: the same event id at two trigger nodes is two deliveries', () => {
	const workflow = randomUUID();
	expect(claimDelivery(deliveryScope(workflow, 'node-1'), 'e1', [])).toBe(true);
	expect(claimDelivery(deliveryScope(workflow, 'node-2'), 'e1', [])).toBe(true);
});
