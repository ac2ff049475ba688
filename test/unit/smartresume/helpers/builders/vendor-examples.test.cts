// The builders on their own: the vendor's three examples rebuilt from plain inputs, JSON-equal
// to the vendor's text (test/fixtures/smartresume), and the envelope's rules.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildClr } from '../../../../../nodes/SmartResume/helpers/builders/clr';
import { derivedUrnUuid } from '../../../../../nodes/SmartResume/helpers/builders/derived-id';
import { buildPushBody } from '../../../../../nodes/SmartResume/helpers/builders/envelope';
import { buildOb3 } from '../../../../../nodes/SmartResume/helpers/builders/ob3';
import {
	buildSkillCarriers,
	type SkillInput,
} from '../../../../../nodes/SmartResume/helpers/builders/skill-sync';
import type { RecipientInput } from '../../../../../nodes/SmartResume/types';

const fixture = (name: string): any =>
	JSON.parse(readFileSync(path.join(__dirname, '../../../../fixtures/smartresume', name), 'utf8'));

const recipient = (over: Partial<RecipientInput>): RecipientInput => ({
	id: '',
	givenName: '',
	familyName: '',
	additionalName: '',
	email: '',
	phone: '',
	studentId: '',
	signupOrganization: '',
	...over,
});

const institutionX = {
	id: '123456789',
	name: 'Institution X',
	email: 'admissions@institutionx.edu',
	url: 'https://institutionx.edu',
	imageId: '',
	description:
		'Institution X, founded in 1925, is known for its beautiful campus and arts programs.',
};

test('three courses: buildOb3 + buildPushBody give the vendor push JSON-equal', () => {
	const expected = fixture('three-courses.json');
	const credentials = expected.credentials.map((c: any) =>
		buildOb3({
			id: c.id,
			name: c.name,
			dates: {
				awardedDate: 'Spring 2023',
				activityEndDate: '',
				issuedOn: '',
				issuanceDate: '',
				expirationDate: '',
			},
			subjectId: '1235143208848',
			achievement: {
				id: c.credentialSubject.achievement.id,
				achievementType: 'Course',
				name: c.credentialSubject.achievement.name,
				description: c.credentialSubject.achievement.description,
				imageId: '',
			},
			issuer: institutionX,
		}),
	);
	const body = buildPushBody({
		recipient: recipient({ id: '474989023199323', email: 'jsmith@institutionx.edu' }),
		recipientToken: '',
		credentials,
		alwaysSendToken: true,
	});
	expect(body).toEqual(expected);
	expect(Object.keys(body)).toEqual(['@context', 'recipienttoken', 'recipient', 'credentials']);
});

test('CLR with a middle name: buildClr gives the FAQ credential JSON-equal', () => {
	const clr = buildClr({
		id: 'http://example.edu/credentials/3732',
		name: 'Sample Transcript',
		issuer: {
			id: 'https://example.edu/issuers/565049',
			name: 'Example University',
			email: '',
			url: '',
			imageId: '',
			description: '',
		},
		validFrom: '2010-01-01T00:00:00Z',
		subjectId: 'did:example:ebfeb1f712ebc6f1c276e12ec21',
		names: { givenName: 'Steve', familyName: 'McSteve', additionalName: 'Stevey' },
		verifiableCredential: [],
	});
	expect(clr).toEqual(fixture('clr-middle-name.json'));
});

test('CLR without names leaves Profile out of the subject type, and empty optional keys out', () => {
	const clr = buildClr({
		id: 'c',
		name: 'n',
		issuer: {
			id: 'i',
			name: 'I',
			email: '',
			url: 'https://i.example',
			imageId: 'https://i.example/logo.png',
			description: '',
		},
		validFrom: '',
		subjectId: '',
		names: { givenName: '', familyName: '', additionalName: '' },
		verifiableCredential: [],
	});
	expect(clr.credentialSubject).toEqual({ type: ['ClrSubject'], verifiableCredential: [] });
	expect(clr.issuer).toEqual({
		id: 'i',
		type: ['Profile'],
		name: 'I',
		url: 'https://i.example',
		image: { id: 'https://i.example/logo.png', type: 'Image' },
	});
	expect(clr).not.toHaveProperty('validFrom');
});

test('SkillSync: buildSkillCarriers gives the vendor carrier JSON-equal', () => {
	const expected = fixture('skillsync-carrier.json');
	const carrier = expected.credentials[0];
	const skills: SkillInput[] = carrier.credentialSubject.achievement.alignment.map((a: any) => ({
		name: a.targetName,
		description: a.targetDescription,
		level: '',
		category: '',
		verified: true,
		evidenceUrl: '',
		framework: '',
	}));
	const carriers = buildSkillCarriers(
		{
			verifiedId: carrier.id,
			selfAssertedId: 'unused',
			achievementId: carrier.credentialSubject.achievement.id,
			name: 'Skills',
			achievementName: 'Carrier Credential ',
			awardedDate: '2025-02-14T17:07:16Z',
			narrative: '',
			subjectId: '',
			issuer: carrier.issuer,
			framework: 'INSTX',
			proof: carrier.proof,
		},
		skills,
	);
	const body = buildPushBody({
		recipient: recipient({
			id: '12345',
			givenName: 'John',
			familyName: 'Sample',
			additionalName: 'Q',
			email: 'john.q.sample@somedomain.com',
		}),
		recipientToken: '',
		credentials: carriers,
		alwaysSendToken: false,
	});
	expect(body).toEqual(expected);
});

test('envelope: a recipient token without a recipient ID leaves the recipient out', () => {
	const body = buildPushBody({
		recipient: recipient({ email: 'x@example.org' }),
		recipientToken: 'tok',
		credentials: [],
		alwaysSendToken: false,
	});
	expect(body).toEqual({ '@context': expect.any(Array), recipienttoken: 'tok', credentials: [] });
	const withId = buildPushBody({
		recipient: recipient({ id: 'r' }),
		recipientToken: 'tok',
		credentials: [],
		alwaysSendToken: false,
	});
	expect(withId.recipient).toMatchObject({ id: 'r' });
});

test('derived ids: stable, distinct per input, RFC 4122 layout', () => {
	expect(derivedUrnUuid('a', 'b')).toBe(derivedUrnUuid('a', 'b'));
	expect(derivedUrnUuid('a', 'b')).not.toBe(derivedUrnUuid('ab', ''));
	expect(derivedUrnUuid('x')).toMatch(
		/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
	);
});
