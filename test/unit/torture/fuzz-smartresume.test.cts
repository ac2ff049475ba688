// Issue 8, fuzz: SmartResume's builders (OB 3.0, CLR 2.0, SkillSync carriers, Certifier → OB 3.0,
// the push envelope), their schemas and the redirect guard under random and boundary values for
// every field. A built push is checked by the node's own schema before sending: it is either
// well-formed (each credential a valid OB 3.0 / CLR credential) or refused by a NodeOperationError
// naming item and field. The redirect guard never throws and only lets SmartResume's hosts through.
import fc from 'fast-check';
import { buildClr } from '../../../nodes/SmartResume/helpers/builders/clr';
import { buildPushBody } from '../../../nodes/SmartResume/helpers/builders/envelope';
import { certifierToOb3 } from '../../../nodes/SmartResume/helpers/builders/from-certifier';
import { buildOb3 } from '../../../nodes/SmartResume/helpers/builders/ob3';
import {
	buildSkillCarriers,
	type SkillInput,
} from '../../../nodes/SmartResume/helpers/builders/skill-sync';
import { SMART_RESUME_REDIRECT_HOSTS } from '../../../nodes/SmartResume/constants';
import {
	checkRedirectUrl,
	parseAllowList,
} from '../../../nodes/SmartResume/trigger/redirect-guard';
import {
	certifierCredentialSchema,
	credentialSchema,
	pushBodySchema,
	recipientSchema,
	skillSyncSchema,
} from '../../../nodes/SmartResume/schemas';
import { RECIPIENT_KEYS, type RecipientInput } from '../../../nodes/SmartResume/types';
import {
	fieldValue,
	itemIndex,
	NUM_RUNS,
	Outcomes,
	recordOf,
	validateOrNamedError,
} from './fuzz-kit.cjs';

/** Node fields arrive as text (params.text); hostile text, or a plausible value. */
// Plausible values dominate so that whole pushes (a dozen required fields) also pass sometimes.
const text = fc.oneof(
	{ weight: 1, arbitrary: fieldValue.filter((v): v is string => typeof v === 'string') },
	{
		weight: 6,
		arbitrary: fc.constantFrom(
			'Ada',
			'urn:uuid:0d6f5c5e-4b0e-4e0a-9f1e-000000000001',
			'Course',
			'Badge',
			'Spring 2023',
			'2024-05-01T00:00:00Z',
		),
	},
);
const issuer = fc.record({
	id: text,
	name: text,
	email: text,
	url: text,
	imageId: text,
	description: text,
});
const recipient: fc.Arbitrary<RecipientInput> = fc.record(
	Object.fromEntries(RECIPIENT_KEYS.map((k) => [k, text])) as Record<
		keyof RecipientInput,
		fc.Arbitrary<string>
	>,
);
const ob3 = fc.record({
	id: text,
	name: text,
	dates: fc.record({
		awardedDate: text,
		activityEndDate: text,
		issuedOn: text,
		issuanceDate: text,
		expirationDate: text,
	}),
	subjectId: text,
	achievement: fc.record({
		id: text,
		achievementType: text,
		name: text,
		description: text,
		imageId: text,
	}),
	issuer,
});

/** Known inputs run first (fast-check examples), so both outcomes are reached on every run. */
const GOOD_OB3 = {
	id: 'a-1',
	name: 'Course',
	dates: {
		awardedDate: 'Spring 2023',
		activityEndDate: '',
		issuedOn: '',
		issuanceDate: '',
		expirationDate: '',
	},
	subjectId: 's-1',
	achievement: {
		id: 'c-1',
		achievementType: 'Course',
		name: 'Course',
		description: '',
		imageId: '',
	},
	issuer: { id: 'org', name: 'Org', email: '', url: '', imageId: '', description: '' },
};
const BAD_OB3 = { ...GOOD_OB3, id: ' ' };
const GOOD_RECIPIENT: RecipientInput = {
	id: 'r-1',
	givenName: '',
	familyName: '',
	additionalName: '',
	email: '',
	phone: '',
	studentId: '',
	signupOrganization: '',
};

/** The push as the node would send it, checked as the node checks it; returns the accepted body. */
function pushOrNamedError(body: unknown, index: number, seen: Outcomes) {
	const ok = seen.note(validateOrNamedError(pushBodySchema, body, index));
	if (ok) for (const c of ok.credentials) expect(credentialSchema.safeParse(c).success).toBe(true);
	return ok;
}

test('OB 3.0 pushes from fields: well-formed or a named error', () => {
	const seen = new Outcomes();
	fc.assert(
		fc.property(
			fc.array(ob3, { minLength: 1, maxLength: 3 }),
			recipient,
			text,
			fc.boolean(),
			itemIndex,
			(inputs, r, token, alwaysSendToken, index) => {
				const body = buildPushBody({
					recipient: r,
					recipientToken: token,
					credentials: inputs.map(buildOb3),
					alwaysSendToken,
				});
				pushOrNamedError(body, index, seen);
			},
		),
		{
			numRuns: NUM_RUNS,
			examples: [
				[[GOOD_OB3], GOOD_RECIPIENT, '', true, 0],
				[[BAD_OB3], GOOD_RECIPIENT, '', true, 1],
			],
		},
	);
	seen.expectBoth();
});

test('CLR 2.0 records: well-formed or a named error', () => {
	const seen = new Outcomes();
	const clr = fc.record({
		id: text,
		name: text,
		issuer,
		validFrom: text,
		subjectId: text,
		names: fc.record({ givenName: text, familyName: text, additionalName: text }),
		inner: fc.array(ob3, { maxLength: 2 }),
	});
	fc.assert(
		fc.property(clr, recipient, itemIndex, ({ inner, ...input }, r, index) => {
			const body = buildPushBody({
				recipient: r,
				recipientToken: '',
				credentials: [buildClr({ ...input, verifiableCredential: inner.map(buildOb3) })],
				alwaysSendToken: true,
			});
			pushOrNamedError(body, index, seen);
		}),
		{
			numRuns: NUM_RUNS,
			examples: [
				[{ ...CLR, inner: [GOOD_OB3] }, GOOD_RECIPIENT, 0],
				[{ ...CLR, id: '', inner: [BAD_OB3] }, GOOD_RECIPIENT, 1],
			],
		},
	);
	seen.expectBoth();
});

const CLR = {
	id: 'clr-1',
	name: 'Record',
	issuer: GOOD_OB3.issuer,
	validFrom: '',
	subjectId: 's-1',
	names: { givenName: 'Ada', familyName: '', additionalName: '' },
};

test('Certifier credentials mapped to OB 3.0: a named error, or a well-formed push', () => {
	const seen = new Outcomes();
	const certifierItem = fc.oneof(
		recordOf(['id', 'groupId', 'status', 'recipient', 'issueDate', 'expiryDate', 'group']),
		fc.record({
			id: text,
			groupId: text,
			status: fc.constantFrom('issued', 'sent', 'draft', 'scheduled', undefined),
			recipient: fc.option(
				fc.record({ id: fc.option(text), name: fc.option(text), email: fc.option(text) }),
				{ nil: undefined },
			),
			issueDate: fc.option(text),
			expiryDate: fc.option(text),
			group: fc.option(fc.record({ id: text, name: fc.option(text) }), { nil: undefined }),
		}),
	);
	const mapping = fc.record({
		achievementType: text,
		issuer,
		achievementName: text,
		achievementDescription: text,
		achievementImageId: text,
		subjectId: text,
		recipientId: text,
	});
	fc.assert(
		fc.property(certifierItem, mapping, recipient, itemIndex, (value, m, r, index) => {
			const item = validateOrNamedError(certifierCredentialSchema, value, index, { sent: false });
			if (!item) return;
			const body = buildPushBody({
				recipient: r,
				recipientToken: '',
				credentials: [buildOb3(certifierToOb3(item as never, m))],
				alwaysSendToken: true,
			});
			pushOrNamedError(body, index, seen);
		}),
		{ numRuns: NUM_RUNS },
	);
});

test('SkillSync: skills are checked, carriers built from accepted skills are a well-formed push', () => {
	const seen = new Outcomes();
	const skill = fc.oneof(
		recordOf(['name', 'description', 'level', 'category', 'verified', 'evidenceUrl', 'framework']),
		fc.record({
			name: text,
			description: text,
			level: fc.constantFrom('', 'beginner', 'Expert', 'godlike'),
			category: fc.constantFrom('', 'technical', 'soft', 'nonsense'),
			verified: fc.boolean(),
			evidenceUrl: fc.oneof(fc.constant(''), text, fc.webUrl()),
			framework: text,
		}),
	);
	const proof = fc.option(fc.oneof(fc.constant({ type: 'DataIntegrityProof' }), fieldValue), {
		nil: undefined,
	});
	fc.assert(
		fc.property(
			fc.array(skill, { minLength: 0, maxLength: 3 }),
			proof,
			text,
			text,
			itemIndex,
			(skills, p, id, name, index) => {
				const input = validateOrNamedError(
					skillSyncSchema,
					p === undefined ? { skills } : { skills, proof: p },
					index,
					{ sent: false },
				);
				if (!input) return;
				const carriers = buildSkillCarriers(
					{
						verifiedId: `${id}-v`,
						selfAssertedId: `${id}-s`,
						achievementId: id,
						name,
						achievementName: name,
						awardedDate: '',
						narrative: '',
						subjectId: '',
						issuer: { id: 'org', name: 'Org' },
						framework: '',
						proof: input.proof as never,
					},
					input.skills as SkillInput[],
				);
				pushOrNamedError(
					buildPushBody({
						recipient: GOOD_RECIPIENT,
						recipientToken: '',
						credentials: carriers,
						alwaysSendToken: false,
					}),
					index,
					seen,
				);
			},
		),
		{ numRuns: NUM_RUNS },
	);
});

test('recipients given as JSON', () => {
	fc.assert(
		fc.property(recordOf([...RECIPIENT_KEYS]), itemIndex, (value, index) => {
			validateOrNamedError(recipientSchema, value, index);
		}),
		{ numRuns: NUM_RUNS },
	);
});

test('redirect guard: never throws; only https SmartResume hosts pass (open-redirect fuzz)', () => {
	const parsed = parseAllowList(SMART_RESUME_REDIRECT_HOSTS.join(','));
	if (!parsed.ok) throw new Error(parsed.reason);
	const allowed = new Set<string>(SMART_RESUME_REDIRECT_HOSTS);
	const host = fc.constantFrom(
		...SMART_RESUME_REDIRECT_HOSTS,
		'evil.example',
		'smartresume.com.evil.example',
		'127.0.0.1',
		'xn--smartresum-t4a.com',
	);
	const tricks = fc.constantFrom(
		'',
		'@',
		'\\',
		'\\@',
		'#@',
		'?@',
		'%2f',
		'%40',
		':443',
		'.',
		'\t',
		'\u0000',
		'//',
		'/\\',
		':pass@',
	);
	const url = fc.oneof(
		fc.string({ unit: 'binary', maxLength: 60 }),
		fc.webUrl({
			withFragments: true,
			withQueryParameters: true,
			authoritySettings: { withUserInfo: true },
		}),
		fc
			.tuple(
				fc.constantFrom('https://', 'http://', '//', 'https:', 'https:\\\\', ''),
				host,
				tricks,
				host,
				fc.constantFrom('', '/', '/x?y=1'),
			)
			.map((p) => p.join('')),
	);
	let passed = 0;
	fc.assert(
		fc.property(url, (raw) => {
			const result = checkRedirectUrl(raw, parsed.value);
			if (!result.ok) return;
			passed += 1;
			const target = new URL(result.value);
			expect(target.protocol).toBe('https:');
			expect(target.username + target.password).toBe('');
			expect(allowed.has(target.hostname)).toBe(true);
		}),
		{ numRuns: NUM_RUNS * 5 },
	);
	expect(passed).toBeGreaterThan(0);
});
