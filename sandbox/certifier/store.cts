// Certifier's state and its rules: groups, designs, attributes, credentials with the
// draft → issued → sent life cycle, interactions, the emails "sent". Handlers in
// routes.cts only parse and call in here; every state change announces its webhook event.
import { randomUUID } from 'node:crypto';
import {
	CUSTOM_ATTRIBUTE_PREFIX,
	type CredentialStatus,
	DEFAULT_SORT,
	API_INTERACTION_TRIGGERED_BY,
	type InteractionEventType,
	interactionWebhook,
	type TriggeredBy,
	ORGANISATION,
	PREMIUM_FEATURES,
	SEED_AT,
	SEED_ATTRIBUTES,
	SEED_DESIGNS,
	SEED_GROUPS,
	type WebhookEvent,
} from './constants.cjs';
import { certifierError } from './errors.cjs';
import { createIdGenerator } from './ids.cjs';
import { type Page, type Sort, paginate, sortItems } from './pagination.cjs';
import type {
	CreateCredentialBody,
	CreateGroupBody,
	PatchCredentialBody,
	PatchGroupBody,
} from './schemas.cjs';
import { type SearchableCredential, compileFilter, fieldValue } from './search.cjs';

interface Stamped {
	id: string;
	createdAt: string;
	updatedAt: string;
}
export interface Group extends Stamped {
	name: string;
	designIds: string[];
	learningEventUrl: string | null;
	validityMonths: number | null;
	/** Set when the group was written with the deprecated shape; shown in its view then. */
	certificateDesignId?: string;
	badgeDesignId?: string;
}
export interface Design extends Stamped {
	name: string;
	type: string;
}
interface CredentialRecord extends Stamped {
	publicId: string;
	groupId: string;
	/** Only what an action set; scheduled/expired are read from the dates (see status()). */
	state: 'draft' | 'issued';
	recipient: { id: string; name: string; email: string | null };
	issueDate: string;
	expiryDate: string | null;
	customAttributes: Record<string, string>;
}
export type CredentialView = SearchableCredential & { attributes: Record<string, string> };
/** [doc] The credential interaction object, keys in the order of the reference. */
export interface Interaction {
	id: string;
	credentialId: string;
	eventType: InteractionEventType;
	triggeredBy: TriggeredBy;
	triggeredAt: string;
}
export interface SendRecord {
	id: string;
	credentialId: string;
	groupId: string;
	deliveryMethod: string;
	to: string;
	recipientName: string;
	sentAt: string;
}

/** `extra` joins data.resource in the delivery (data.credential, data.credentialInteraction). */
export type EventSink = (
	type: WebhookEvent,
	credentialId: string,
	extra?: Record<string, unknown>,
) => void;

function notFound(): never {
	throw certifierError('not_found');
}
function invalid(message: string): never {
	throw certifierError('validation_error', message);
}

function addMonths(day: string, months: number): string {
	const d = new Date(`${day}T00:00:00.000Z`);
	d.setUTCMonth(d.getUTCMonth() + months);
	return d.toISOString().slice(0, 10);
}

function byCreatedAt<T extends { id: string; createdAt: string }>(signature: string): Sort<T> {
	return { signature, order: DEFAULT_SORT.order, value: (x) => x.createdAt, id: (x) => x.id };
}

export class CertifierStore {
	readonly newId = createIdGenerator();
	groups = new Map<string, Group>();
	designs = new Map<string, Design>();
	credentials = new Map<string, CredentialRecord>();
	interactions: Interaction[] = [];
	sends: SendRecord[] = [];
	/** Create calls per group and recipient (email, else name), deleted ones included: duplicate detection. */
	creations = new Map<string, number>();
	private recipientIds = new Map<string, string>();
	premium = true;

	constructor(
		private readonly now: () => Date,
		private readonly emit: EventSink,
	) {
		this.reset();
	}

	reset(): void {
		this.groups.clear();
		this.designs.clear();
		this.credentials.clear();
		this.interactions = [];
		this.sends = [];
		this.creations.clear();
		this.recipientIds.clear();
		this.premium = true;
		for (const d of SEED_DESIGNS)
			this.designs.set(d.id, { ...d, createdAt: SEED_AT, updatedAt: SEED_AT });
		for (const g of SEED_GROUPS)
			this.groups.set(g.id, {
				...g,
				designIds: [...g.designIds],
				createdAt: SEED_AT,
				updatedAt: SEED_AT,
			});
	}

	private stamp(): string {
		return this.now().toISOString();
	}
	private today(): string {
		return this.stamp().slice(0, 10);
	}

	get organisation() {
		return ORGANISATION;
	}
	get attributes() {
		return SEED_ATTRIBUTES;
	}

	requirePremium(feature: (typeof PREMIUM_FEATURES)[number]): void {
		if (!this.premium && PREMIUM_FEATURES.includes(feature)) {
			throw certifierError('payment_required');
		}
	}

	// ---- groups and designs ----

	groupView(g: Group) {
		return {
			id: g.id,
			name: g.name,
			learningEventUrl: g.learningEventUrl,
			designIds: [...g.designIds],
			// [doc] a group written with the legacy shape also answers with the legacy fields
			...(g.certificateDesignId ? { certificateDesignId: g.certificateDesignId } : {}),
			...(g.badgeDesignId ? { badgeDesignId: g.badgeDesignId } : {}),
			createdAt: g.createdAt,
			updatedAt: g.updatedAt,
		};
	}
	/** The ordered design list a legacy body stands for (certificate first, then badge). */
	private legacyDesignIds(body: { certificateDesignId?: string; badgeDesignId?: string }) {
		return [body.certificateDesignId, body.badgeDesignId].filter((id): id is string => !!id);
	}
	private checkLegacyDesigns(body: { certificateDesignId?: string; badgeDesignId?: string }) {
		for (const field of ['certificateDesignId', 'badgeDesignId'] as const) {
			const id = body[field];
			if (id !== undefined && !this.designs.has(id)) invalid(`${field}: no design with id ${id}`);
		}
	}
	getGroup(id: string): Group {
		return this.groups.get(id) ?? notFound();
	}
	private checkDesigns(ids: string[]): void {
		ids.forEach(
			(id, i) => this.designs.has(id) || invalid(`designIds[${i}]: no design with id ${id}`),
		);
	}
	createGroup(body: CreateGroupBody): Group {
		if (body.designIds) this.checkDesigns(body.designIds);
		this.checkLegacyDesigns(body);
		const at = this.stamp();
		const g: Group = {
			id: this.newId(this.now()),
			name: body.name,
			designIds: body.designIds ?? this.legacyDesignIds(body),
			learningEventUrl: body.learningEventUrl ?? null,
			validityMonths: null,
			...(body.certificateDesignId ? { certificateDesignId: body.certificateDesignId } : {}),
			...(body.badgeDesignId ? { badgeDesignId: body.badgeDesignId } : {}),
			createdAt: at,
			updatedAt: at,
		};
		this.groups.set(g.id, g);
		return g;
	}
	patchGroup(id: string, body: PatchGroupBody): Group {
		const g = this.getGroup(id);
		if (body.designIds) this.checkDesigns(body.designIds);
		this.checkLegacyDesigns(body);
		Object.assign(g, Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)), {
			updatedAt: this.stamp(),
		});
		if (body.certificateDesignId || body.badgeDesignId) g.designIds = this.legacyDesignIds(g);
		return g;
	}
	/**
	 * [doc] Permanent. [doc, support article] a group whose credentials still exist cannot be
	 * deleted; [assumed] the answer is 409 conflict (the code is not published).
	 */
	deleteGroup(id: string): void {
		this.getGroup(id);
		const used = [...this.credentials.values()].filter((c) => c.groupId === id).length;
		if (used > 0)
			throw certifierError(
				'conflict',
				`The group still has ${used} credential(s); delete them before deleting the group`,
			);
		this.groups.delete(id);
	}
	listGroups(
		cursor: string | undefined,
		limit: number,
	): Page<ReturnType<CertifierStore['groupView']>> {
		const page = paginate(
			sortItems(this.groups.values(), byCreatedAt<Group>('groups')),
			byCreatedAt<Group>('groups'),
			cursor,
			limit,
		);
		return { ...page, data: page.data.map((g) => this.groupView(g)) };
	}
	getDesign(id: string): Design {
		return this.designs.get(id) ?? notFound();
	}
	/** [doc] The design object: id, name, type, previewUrl, createdAt, updatedAt. */
	designView(d: Design, previewUrl: (designId: string) => string) {
		return {
			id: d.id,
			name: d.name,
			type: d.type,
			previewUrl: previewUrl(d.id),
			createdAt: d.createdAt,
			updatedAt: d.updatedAt,
		};
	}
	listDesigns(cursor: string | undefined, limit: number): Page<Design> {
		const sort = byCreatedAt<Design>('designs');
		return paginate(sortItems(this.designs.values(), sort), sort, cursor, limit);
	}

	// ---- credentials ----

	private status(c: CredentialRecord): CredentialStatus {
		if (c.state === 'draft') return 'draft';
		const today = this.today();
		if (c.issueDate > today) return 'scheduled';
		if (c.expiryDate !== null && c.expiryDate < today) return 'expired';
		return 'issued';
	}

	/** The vendor's object, keys in the order of its example. */
	view(c: CredentialRecord): CredentialView {
		return {
			id: c.id,
			publicId: c.publicId,
			groupId: c.groupId,
			status: this.status(c),
			recipient: { ...c.recipient },
			issueDate: c.issueDate,
			expiryDate: c.expiryDate,
			attributes: { 'recipient.name': c.recipient.name },
			customAttributes: { ...c.customAttributes },
			createdAt: c.createdAt,
			updatedAt: c.updatedAt,
		};
	}

	private record(id: string): CredentialRecord {
		return this.credentials.get(id) ?? notFound();
	}
	get(id: string): CredentialView {
		return this.view(this.record(id));
	}
	findByPublicId(publicId: string): CredentialRecord | undefined {
		for (const c of this.credentials.values()) if (c.publicId === publicId) return c;
		return undefined;
	}

	private checkCustomAttributes(values: Record<string, string> | undefined): void {
		const custom = SEED_ATTRIBUTES.filter((a) => !a.isDefault).map((a) => a.tag as string);
		for (const key of Object.keys(values ?? {})) {
			if (!key.startsWith(CUSTOM_ATTRIBUTE_PREFIX) || !custom.includes(key)) {
				invalid(
					`customAttributes.${key}: unknown custom attribute; known tags: ${custom.join(', ')}`,
				);
			}
		}
	}

	private recipientId(email: string | null): string {
		if (email === null) return this.newId(this.now());
		const key = email.toLowerCase();
		let id = this.recipientIds.get(key);
		if (!id) this.recipientIds.set(key, (id = this.newId(this.now())));
		return id;
	}

	/** Creates a draft. `silent` skips the webhook (bulk fixtures). */
	create(body: CreateCredentialBody, silent = false): CredentialView {
		const group =
			this.groups.get(body.groupId) ?? invalid(`groupId: no group with id ${body.groupId}`);
		this.checkCustomAttributes(body.customAttributes);
		const at = this.stamp();
		const issueDate = body.issueDate ?? this.today();
		const expiryDate =
			body.expiryDate !== undefined
				? body.expiryDate
				: group.validityMonths === null
					? null
					: addMonths(issueDate, group.validityMonths);
		if (expiryDate !== null && expiryDate < issueDate)
			invalid('expiryDate: must not be before issueDate');
		const email = body.recipient.email ?? null;
		const c: CredentialRecord = {
			id: this.newId(this.now()),
			publicId: randomUUID(),
			groupId: group.id,
			state: 'draft',
			recipient: { id: this.recipientId(email), name: body.recipient.name, email },
			issueDate,
			expiryDate,
			customAttributes: { ...body.customAttributes },
			createdAt: at,
			updatedAt: at,
		};
		this.credentials.set(c.id, c);
		const key = `${group.id}|${email ? email.toLowerCase() : `name:${body.recipient.name}`}`;
		this.creations.set(key, (this.creations.get(key) ?? 0) + 1);
		if (!silent) this.emit('credential.created', c.id);
		return this.view(c);
	}

	issue(id: string, silent = false): CredentialView {
		const c = this.record(id);
		if (c.state !== 'draft') {
			throw certifierError(
				'conflict',
				`Only draft credentials can be issued; credential ${id} is ${this.status(c)}`,
			);
		}
		c.state = 'issued';
		c.updatedAt = this.stamp();
		if (!silent) this.emit('credential.issued', id);
		return this.view(c);
	}

	send(id: string, deliveryMethod: string): CredentialView {
		this.requirePremium('send');
		const c = this.record(id);
		const status = this.status(c);
		if (status !== 'issued') {
			throw certifierError(
				'conflict',
				`Only issued credentials can be sent; credential ${id} is ${status}`,
			);
		}
		if (!c.recipient.email)
			invalid('recipient.email: the credential has no recipient email to send to');
		this.sends.push({
			id: this.newId(this.now()),
			credentialId: id,
			groupId: c.groupId,
			deliveryMethod,
			to: c.recipient.email,
			recipientName: c.recipient.name,
			sentAt: this.stamp(),
		});
		return this.view(c);
	}

	createIssueSend(body: CreateCredentialBody): CredentialView {
		this.requirePremium('create-issue-send');
		// Checked first so that a refused call leaves no draft behind.
		if (!body.recipient.email)
			invalid('recipient.email: is required to send the credential by email');
		const created = this.create(body);
		this.issue(created.id);
		return this.send(created.id, 'email');
	}

	patch(id: string, body: PatchCredentialBody): CredentialView {
		const c = this.record(id);
		this.checkCustomAttributes(body.customAttributes);
		const issueDate = body.issueDate ?? c.issueDate;
		const expiryDate = body.expiryDate !== undefined ? body.expiryDate : c.expiryDate;
		if (expiryDate !== null && expiryDate < issueDate)
			invalid('expiryDate: must not be before issueDate');
		c.issueDate = issueDate;
		c.expiryDate = expiryDate;
		if (body.recipient?.name !== undefined) c.recipient.name = body.recipient.name;
		if (body.recipient?.email !== undefined) c.recipient.email = body.recipient.email;
		if (body.customAttributes) Object.assign(c.customAttributes, body.customAttributes);
		c.updatedAt = this.stamp();
		this.emit('credential.updated', id);
		return this.view(c);
	}

	delete(id: string): void {
		this.record(id);
		this.credentials.delete(id);
		this.emit('credential.deleted', id);
	}

	designsOf(
		id: string,
		previewUrl: (publicId: string, designId: string, format: 'png' | 'pdf') => string,
	) {
		const c = this.record(id);
		return this.getGroup(c.groupId).designIds.map((designId) => ({
			id: designId,
			name: this.getDesign(designId).name,
			previews: (['png', 'pdf'] as const).map((format) => ({
				format,
				url: previewUrl(c.publicId, designId, format),
			})),
		}));
	}

	list(cursor: string | undefined, limit: number): Page<CredentialView> {
		return this.search(undefined, undefined, cursor, limit);
	}

	search(
		filter: Record<string, unknown> | undefined,
		sort: { property: string; order: 'asc' | 'desc' } | undefined,
		cursor: string | undefined,
		limit: number,
	): Page<CredentialView> {
		const predicate = compileFilter(filter);
		const { property, order } = sort ?? DEFAULT_SORT;
		const keyset: Sort<CredentialView> = {
			signature: `credentials:${property}:${order}`,
			order,
			value: (v) => fieldValue(v, property),
			id: (v) => v.id,
		};
		const views = [...this.credentials.values()].map((c) => this.view(c)).filter(predicate);
		return paginate(sortItems(views, keyset), keyset, cursor, limit);
	}

	// ---- interactions ----

	/**
	 * Records an interaction and sends its webhook, which carries the credential and the
	 * interaction besides data.resource, as observed on the vendor's forum. [assumed] An unknown
	 * credentialId is a 404 not_found (the page lists no error for it).
	 */
	interact(
		credentialId: string,
		eventType: InteractionEventType,
		triggeredBy: TriggeredBy = API_INTERACTION_TRIGGERED_BY,
	): Interaction {
		const credential = this.get(credentialId);
		const i: Interaction = {
			id: this.newId(this.now()),
			credentialId,
			eventType,
			triggeredBy,
			triggeredAt: this.stamp(),
		};
		this.interactions.push(i);
		const webhook = interactionWebhook(eventType);
		if (webhook) this.emit(webhook, credentialId, { credential, credentialInteraction: i });
		return i;
	}
	listInteractions(
		credentialId: string | undefined,
		cursor: string | undefined,
		limit: number,
	): Page<Interaction> {
		const sort: Sort<Interaction> = {
			signature: `interactions:${credentialId ?? '*'}`,
			order: DEFAULT_SORT.order,
			value: (x) => x.triggeredAt,
			id: (x) => x.id,
		};
		const items = this.interactions.filter(
			(i) => credentialId === undefined || i.credentialId === credentialId,
		);
		return paginate(sortItems(items, sort), sort, cursor, limit);
	}

	// ---- control ----

	seed(
		count: number,
		groupId: string,
		status: 'draft' | 'issued',
	): { created: number; firstId: string | null; lastId: string | null } {
		let firstId: string | null = null;
		let lastId: string | null = null;
		for (let i = 0; i < count; i++) {
			const n = String(i + 1).padStart(5, '0');
			const c = this.create(
				{ groupId, recipient: { name: `Seed Recipient ${n}`, email: `seed.${n}@example.org` } },
				true,
			);
			if (status === 'issued') this.issue(c.id, true);
			firstId ??= c.id;
			lastId = c.id;
		}
		return { created: count, firstId, lastId };
	}

	duplicates(): Array<{ groupId: string; recipient: string; count: number }> {
		return [...this.creations].map(([key, count]) => {
			const [groupId, recipient] = key.split('|');
			return { groupId, recipient, count };
		});
	}

	summary(): Record<string, unknown> {
		const byStatus: Record<string, number> = {};
		for (const c of this.credentials.values())
			byStatus[this.status(c)] = (byStatus[this.status(c)] ?? 0) + 1;
		return {
			organisation: ORGANISATION,
			premium: this.premium,
			groups: this.groups.size,
			credentials: this.credentials.size,
			byStatus,
			sends: this.sends.length,
			interactions: this.interactions.length,
		};
	}
}
