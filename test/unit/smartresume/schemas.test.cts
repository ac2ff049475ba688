// What the push schema refuses before anything is sent, on bodies built by hand.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pushBodySchema, recipientTokenSchema } from '../../../nodes/SmartResume/schemas';

const fixture = (name: string): any =>
	JSON.parse(readFileSync(path.join(__dirname, '../../fixtures/smartresume', name), 'utf8'));

const problems = (body: unknown) => {
	const result = pushBodySchema.safeParse(body);
	return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

test("the vendor's three examples pass", () => {
	expect(problems(fixture('three-courses.json'))).toEqual([]);
	expect(problems(fixture('skillsync-carrier.json'))).toEqual([]);
	expect(
		problems({ recipient: { id: 'r' }, credentials: [fixture('clr-middle-name.json')] }),
	).toEqual([]);
});

test('an id inside a CLR clashing with another credential is a duplicate', () => {
	const course = fixture('three-courses.json').credentials[0];
	const clr = fixture('clr-middle-name.json');
	clr.credentialSubject.verifiableCredential = [course];
	expect(problems({ recipient: { id: 'r' }, credentials: [course, clr] })).toEqual([
		`credentials.1.credentialSubject.verifiableCredential.0.id: "${course.id}" is already the id of credentials[0]: assertion ids must be unique`,
	]);
});

test('names on a CLR subject need Profile in its type', () => {
	const clr = fixture('clr-middle-name.json');
	clr.credentialSubject.type = ['ClrSubject'];
	expect(problems({ recipient: { id: 'r' }, credentials: [clr] })).toEqual([
		'credentials.0.credentialSubject.givenName: needs "Profile" in credentialSubject.type',
		'credentials.0.credentialSubject.familyName: needs "Profile" in credentialSubject.type',
		'credentials.0.credentialSubject.additionalName: needs "Profile" in credentialSubject.type',
	]);
});

test('a SkillsAndAbilities carrier must carry skills of at most 40 characters', () => {
	const body = fixture('skillsync-carrier.json');
	body.credentials[0].credentialSubject.achievement.alignment[1].targetName = 'y'.repeat(41);
	expect(problems(body)).toEqual([
		'credentials.0.credentialSubject.achievement.alignment.1.targetName: must be at most 40 characters',
	]);
	body.credentials[0].credentialSubject.achievement.alignment = [];
	expect(problems(body)).toEqual([
		'credentials.0.credentialSubject.achievement.alignment: must list at least one skill in a SkillsAndAbilities carrier',
	]);
});

test('recipient: id required unless a token is given; a token alone is enough', () => {
	const credentials = fixture('three-courses.json').credentials;
	expect(problems({ credentials })).toEqual([
		'recipient.id: is required (unless a recipient token is given)',
	]);
	expect(problems({ recipienttoken: 'abc123', credentials })).toEqual([]);
	expect(problems({ recipient: { id: '  ' }, credentials })).toEqual([
		'recipient.id: is required (unless a recipient token is given)',
	]);
});

test.each([
	['abc123', true],
	['Zx-9_q.~+/=', true],
	['a'.repeat(512), true],
	['a'.repeat(513), false],
	['', false],
	['abc 123', false],
	['abc\n', false],
	['<script>', false],
	['tok"en', false],
	['tökén', false],
])('recipient token %j → %s', (token, ok) => {
	expect(recipientTokenSchema.safeParse(token).success).toBe(ok);
});
