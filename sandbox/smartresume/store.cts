// SmartResume's import holding area: uploads (one per push, claimed through their link),
// assertions by id across uploads, skills, admin alerts, and use-case-3 import requests.
//
// Ownership, our reading of the vendor's FAQ ("the first claimant owns it"):
// - an assertion id is first recorded for the recipient of the first push;
// - a re-push for the SAME recipient updates it (version + 1);
// - a push for ANOTHER recipient is accepted (the upload holds it) but does not change the
//   stored content; if the assertion is already claimed by someone else, that upload's
//   entry is flagged ownedByOther at once, otherwise at claim time, when the first claim
//   wins and every later claimant's entry is flagged (and an alert raised).
// Every push is counted per assertion id (`pushes`) so tests can spot duplicate sends.
import { randomBytes } from 'node:crypto';
import {
	ACHIEVEMENT_SECTION,
	type AlertKind,
	CLAIM_PATH,
	CLR_TYPE,
	IMPORT_COMPLETE_PATH,
	MESSAGES,
	REDIRECT_KEY,
	type ResumeSection,
} from './constants.cjs';
import { imsxError } from './imsx.cjs';
import { type Skill, carrierSkills, isSkillCarrier } from './skills.cjs';
import {
	type Ob3Credential,
	type PushBody,
	type Recipient,
	clrCredential,
	hasType,
	ob3Credential,
	parse,
	pushBody,
} from './schemas.cjs';

export interface UploadEntry {
	assertionId: string;
	kind: 'OpenBadgeCredential' | 'ClrCredential';
	name: string;
	achievementId: string | null;
	achievementType: string | null;
	/** null for an achievementType SmartResume does not know (an alert was raised). */
	section: ResumeSection | null;
	issuerId: string;
	/** The CLR this credential came in, when nested. */
	parentId: string | null;
	ownedByOther: boolean;
}
export interface Upload {
	token: string;
	clientId: string;
	/** recipient.id, or the SmartResume user of the import request (use case 3). */
	recipientId: string;
	recipient: Recipient | null;
	recipienttoken: string | null;
	importRequestId: string | null;
	/** givenName/familyName/additionalName from a CLR subject typed Profile. */
	profile: { givenName?: string; familyName?: string; additionalName?: string } | null;
	entries: UploadEntry[];
	skills: Skill[];
	createdAt: string;
	claimedAt: string | null;
}
export interface Assertion {
	id: string;
	ownerRecipientId: string;
	claimedBy: string | null;
	version: number;
	pushes: number;
	recipientIds: string[];
	achievementId: string | null;
	achievementType: string | null;
	section: ResumeSection | null;
	credential: unknown;
	updatedAt: string;
}
export interface Alert {
	kind: AlertKind;
	message: string;
	assertionId: string;
	value: string | null;
	uploadToken: string;
	at: string;
}
export interface ImportRequest {
	/** Also the `state` query parameter of redirectURL. */
	id: string;
	recipientToken: string;
	userId: string;
	partnerUrl: string;
	redirectURL: string;
	status: 'open' | 'pushed' | 'completed';
	uploads: string[];
	createdAt: string;
	completedAt: string | null;
}

/** One credential of a push, validated, before anything is stored. */
interface Planned {
	entry: Omit<UploadEntry, 'ownedByOther'>;
	credential: unknown;
}

const opaque = (bytes = 24) => randomBytes(bytes).toString('base64url');

export class SmartResumeStore {
	uploads = new Map<string, Upload>();
	assertions = new Map<string, Assertion>();
	alerts: Alert[] = [];
	importRequests = new Map<string, ImportRequest>();

	constructor(private readonly now: () => Date) {}

	reset(): void {
		this.uploads.clear();
		this.assertions.clear();
		this.alerts = [];
		this.importRequests.clear();
	}

	private stamp(): string {
		return this.now().toISOString();
	}

	// ---- push ----

	private planOb3(c: Ob3Credential, parentId: string | null): Planned {
		const a = c.credentialSubject.achievement;
		return {
			entry: {
				assertionId: c.id,
				kind: 'OpenBadgeCredential',
				name: c.name,
				achievementId: a.id,
				achievementType: a.achievementType,
				section: ACHIEVEMENT_SECTION.get(a.achievementType) ?? null,
				issuerId: c.issuer.id,
				parentId,
			},
			credential: c,
		};
	}

	/** Validates every credential and collects assertions and skills; throws before any change. */
	private plan(credentials: unknown[]): {
		planned: Planned[];
		skills: Skill[];
		profile: Upload['profile'];
	} {
		const planned: Planned[] = [];
		const skills: Skill[] = [];
		let profile: Upload['profile'] = null;
		const seen = new Map<string, string>();
		const claimId = (id: string, path: string) => {
			const first = seen.get(id);
			if (first !== undefined)
				throw imsxError(
					400,
					`${path}.id: duplicate assertion id '${id}' (also at ${first}.id)`,
					`${path}.id`,
				);
			seen.set(id, path);
		};
		credentials.forEach((raw, i) => {
			const path = `credentials[${i}]`;
			if (hasType(raw, CLR_TYPE)) {
				const clr = parse(clrCredential, raw, path);
				claimId(clr.id, path);
				const s = clr.credentialSubject;
				planned.push({
					entry: {
						assertionId: clr.id,
						kind: 'ClrCredential',
						name: clr.name,
						achievementId: null,
						achievementType: null,
						section: null,
						issuerId: clr.issuer.id,
						parentId: null,
					},
					credential: clr,
				});
				if (
					s.givenName !== undefined ||
					s.familyName !== undefined ||
					s.additionalName !== undefined
				) {
					profile = {
						givenName: s.givenName,
						familyName: s.familyName,
						additionalName: s.additionalName,
					};
				}
				s.verifiableCredential.forEach((vc, j) => {
					const vcPath = `${path}.credentialSubject.verifiableCredential[${j}]`;
					claimId(vc.id, vcPath);
					if (isSkillCarrier(vc)) skills.push(...carrierSkills(vc, vcPath));
					else planned.push(this.planOb3(vc, clr.id));
				});
				return;
			}
			const ob3 = parse(ob3Credential, raw, path);
			claimId(ob3.id, path);
			if (isSkillCarrier(ob3)) skills.push(...carrierSkills(ob3, path));
			else planned.push(this.planOb3(ob3, null));
		});
		return { planned, skills, profile };
	}

	private alert(
		kind: AlertKind,
		message: string,
		assertionId: string,
		value: string | null,
		uploadToken: string,
	): void {
		this.alerts.push({ kind, message, assertionId, value, uploadToken, at: this.stamp() });
	}

	/** POST /api/v1/credentials. `origin` builds the claim link. */
	push(raw: unknown, clientId: string, origin: string): Record<string, string> {
		const body: PushBody = parse(pushBody, raw);
		const request = body.recipienttoken ? this.openImportRequest(body.recipienttoken) : null;
		const recipientId = request ? request.userId : (body.recipient as Recipient).id;
		const { planned, skills, profile } = this.plan(body.credentials);

		const at = this.stamp();
		const upload: Upload = {
			token: opaque(),
			clientId,
			recipientId,
			recipient: body.recipient ?? null,
			recipienttoken: body.recipienttoken || null,
			importRequestId: request?.id ?? null,
			profile,
			entries: [],
			skills,
			createdAt: at,
			claimedAt: null,
		};
		for (const { entry, credential } of planned) {
			upload.entries.push({
				...entry,
				ownedByOther: this.record(entry, credential, recipientId, at),
			});
			if (entry.kind === 'OpenBadgeCredential' && entry.section === null) {
				this.alert(
					'unknown_achievement_type',
					`Unknown achievementType '${entry.achievementType}'`,
					entry.assertionId,
					entry.achievementType,
					upload.token,
				);
			}
		}
		this.uploads.set(upload.token, upload);
		if (request) {
			// The SmartResume user is already signed in: the upload lands on their resume at once.
			request.status = 'pushed';
			request.uploads.push(upload.token);
			this.claim(upload.token);
		}
		return { [REDIRECT_KEY]: `${origin}${CLAIM_PATH}/${upload.token}` };
	}

	/** Stores or updates the assertion; true when it is already claimed by another recipient. */
	private record(
		entry: Planned['entry'],
		credential: unknown,
		recipientId: string,
		at: string,
	): boolean {
		const existing = this.assertions.get(entry.assertionId);
		if (!existing) {
			this.assertions.set(entry.assertionId, {
				id: entry.assertionId,
				ownerRecipientId: recipientId,
				claimedBy: null,
				version: 1,
				pushes: 1,
				recipientIds: [recipientId],
				achievementId: entry.achievementId,
				achievementType: entry.achievementType,
				section: entry.section,
				credential,
				updatedAt: at,
			});
			return false;
		}
		existing.pushes += 1;
		if (!existing.recipientIds.includes(recipientId)) existing.recipientIds.push(recipientId);
		if (existing.ownerRecipientId === recipientId) {
			Object.assign(existing, {
				version: existing.version + 1,
				achievementId: entry.achievementId,
				achievementType: entry.achievementType,
				section: entry.section,
				credential,
				updatedAt: at,
			});
		}
		return existing.claimedBy !== null && existing.claimedBy !== recipientId;
	}

	// ---- claims ----

	getUpload(token: string): Upload | undefined {
		return this.uploads.get(token);
	}

	/** The holder signs up or logs in through the claim link; undefined for an unknown token. */
	claim(token: string): Upload | undefined {
		const upload = this.uploads.get(token);
		if (!upload || upload.claimedAt) return upload;
		upload.claimedAt = this.stamp();
		for (const entry of upload.entries) {
			const a = this.assertions.get(entry.assertionId);
			if (!a) continue;
			if (a.claimedBy === null) {
				a.claimedBy = upload.recipientId;
				a.ownerRecipientId = upload.recipientId;
			} else if (a.claimedBy !== upload.recipientId) {
				entry.ownedByOther = true;
			}
			if (entry.ownedByOther) {
				this.alert(
					'assertion_owned_by_other',
					`Assertion '${a.id}' is owned by recipient '${a.claimedBy}'`,
					a.id,
					upload.recipientId,
					token,
				);
			}
		}
		return upload;
	}

	// ---- use case 3 ----

	createImportRequest(
		partnerUrl: string,
		userId: string | undefined,
		origin: string,
	): ImportRequest & { browserUrl: string } {
		const id = opaque(12);
		const request: ImportRequest = {
			id,
			recipientToken: opaque(),
			userId: userId ?? `sr-user-${opaque(6)}`,
			partnerUrl,
			redirectURL: `${origin}${IMPORT_COMPLETE_PATH}?state=${id}`,
			status: 'open',
			uploads: [],
			createdAt: this.stamp(),
			completedAt: null,
		};
		this.importRequests.set(id, request);
		const browser = new URL(partnerUrl);
		browser.searchParams.set('recipientToken', request.recipientToken);
		browser.searchParams.set('redirectURL', request.redirectURL);
		return { ...request, browserUrl: browser.toString() };
	}

	private openImportRequest(recipientToken: string): ImportRequest {
		for (const r of this.importRequests.values()) {
			if (r.recipientToken === recipientToken && r.status !== 'completed') return r;
		}
		throw imsxError(403, MESSAGES.unknownRecipientToken, 'recipienttoken');
	}

	/** The browser is back on SmartResume; undefined for an unknown state. */
	completeImport(state: string): ImportRequest | undefined {
		const r = this.importRequests.get(state);
		if (r && r.status !== 'completed')
			Object.assign(r, { status: 'completed', completedAt: this.stamp() });
		return r;
	}

	summary(): Record<string, unknown> {
		return {
			uploads: this.uploads.size,
			claimed: [...this.uploads.values()].filter((u) => u.claimedAt).length,
			assertions: this.assertions.size,
			skills: [...this.uploads.values()].reduce((n, u) => n + u.skills.length, 0),
			alerts: this.alerts.length,
			importRequests: this.importRequests.size,
		};
	}
}
