import type { EnvironmentHosts } from '../common/environment';

/**
 * Every SmartResume value we rely on. SmartResume publishes no web reference: its CredentialConnect
 * guide (v1.3, 18 Mar 2025) is handed to partners, so [published: guide] names that document (the
 * section follows where it helps); [assumed] = our reading where it is silent.
 */

export const SMART_RESUME_HOSTS: EnvironmentHosts = {
	staging: 'https://mystage.smartresume.com', // [published: guide] "our development server used for testing"
	// [assumed] The claim links' host. The guide: "A different URL will be provided for our
	// Production environment", so the credential points users to Custom Base URL for it.
	production: 'https://my.smartresume.com',
};

export const SMART_RESUME_PATHS = {
	oauth: '/api/v1/token', // [published: guide]
	credentials: '/api/v1/credentials', // [published: guide]
} as const;

/** [published: guide] The scope string the guide sends with every token request. */
export const SMART_RESUME_SCOPE = 'delete readonly replace';

/** [assumed] An expired (60 min idle) token is answered with 401; the guide only says "detect it". */
export const SMART_RESUME_TOKEN_EXPIRED_STATUS = [401];

// ---- Push body ----

/** [published: guide] The @context of the push body and of every OB 3.0 credential in the vendor's examples. */
export const OB3_CONTEXT = [
	'https://www.w3.org/ns/credentials/v2',
	'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
	'https://w3id.org/security/suites/ed25519-2020/v1',
] as const;

/** [published: guide] The @context of the FAQ's CLR 2.0 example (middle name). */
export const CLR_CONTEXT = [
	'https://www.w3.org/ns/credentials/v2',
	'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json',
	'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
	'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
] as const;

/** [published: guide] The credentialSchema of the FAQ's CLR 2.0 example. */
export const CLR_SCHEMA = [
	{
		id: 'https://purl.imsglobal.org/spec/clr/v2p0/schema/json/clr_v2p0_clrcredential_schema.json',
		type: '1EdTechJsonSchemaValidator2019',
	},
] as const;

/** [published: guide] Credential and subject types. AchievementCredential is OB 3.0's other name for the same class. */
export const VC_TYPE = 'VerifiableCredential';
export const OB3_TYPE = 'OpenBadgeCredential';
export const OB3_TYPES = [OB3_TYPE, 'AchievementCredential'] as const;
export const ACHIEVEMENT_SUBJECT_TYPE = 'AchievementSubject';
export const CLR_TYPE = 'ClrCredential';
export const CLR_SUBJECT_TYPE = 'ClrSubject';
/** [published: guide] "Profile" in a CLR subject's type makes givenName / familyName / additionalName available. */
export const PROFILE_TYPE = 'Profile';

/** [assumed key name] The push answer: {"redirect_url": "https://my.smartresume.com/createmyresume/{identifier_token}"}. */
export const SMART_RESUME_REDIRECT_KEY = 'redirect_url';
/** [published: guide] The path segment before the identifier token in the claim link. */
export const SMART_RESUME_CLAIM_SEGMENT = 'createmyresume';

// ---- Use case 3 (recipient token + redirectURL) ----

/**
 * [assumed] What a recipient token may look like. The vendor shows "abc123" and says only "a
 * unique string"; this admits URL-safe and base64 tokens and nothing that could break out of a
 * JSON string, a header or an HTML page.
 */
export const RECIPIENT_TOKEN_PATTERN = /^[A-Za-z0-9._~+/=-]+$/;
export const RECIPIENT_TOKEN_MAX_LENGTH = 512;

/**
 * [assumed] Hosts SmartResume may send the browser back to: the vendor's example uses
 * https://smartresume.com/callback, and its apps live on my. and mystage. (www. is the site).
 */
export const SMART_RESUME_REDIRECT_HOSTS = [
	'smartresume.com',
	'www.smartresume.com',
	'my.smartresume.com',
	'mystage.smartresume.com',
] as const;
/** Longest redirectURL we accept: far above any real callback, far below header limits. */
export const REDIRECT_URL_MAX_LENGTH = 2048;
/** [assumed] The status of the final redirect: "see the result over there", always a GET. */
export const REDIRECT_STATUS = 303;

// ---- SkillSync ----

/** [published: guide] A credential with this achievementType only carries skills and is not imported itself. */
export const SKILL_CARRIER_TYPE = 'SkillsAndAbilities';
/** [published: guide] "Skill name character count should not exceed 40 characters". */
export const SKILL_NAME_MAX = 40;
export const SKILL_LEVELS = ['beginner', 'intermediate', 'advanced', 'expert'] as const; // [published: guide]
export const SKILL_CATEGORIES = ['specialized', 'technical', 'durable', 'other'] as const; // [published: guide]
/** [published: guide] Every skill entry of the vendor's example. */
export const SKILL_ALIGNMENT_TYPE = 'Alignment';
export const SKILL_TARGET_TYPE = 'Competency';
export const SKILL_ACHIEVEMENT_CLASS = 'Achievement';
/**
 * [assumed] Where level, category and evidence link travel. The vendor names the facts but shows
 * no JSON for them: they are extension properties on each skill's Alignment entry, next to
 * targetName, so a skill stays one object. The evidence link is sent for verified skills only
 * ("For verified skills only"). Change these here and nowhere else.
 */
export const SKILL_FIELDS = {
	level: 'skillLevel',
	category: 'skillCategory',
	evidenceUrl: 'evidenceUrl',
} as const;
/** [published: guide] The vendor's carrier names; ours are defaults the user can change. */
export const SKILL_CARRIER_DEFAULTS = {
	name: 'Skills',
	achievementName: 'Carrier Credential',
} as const;
