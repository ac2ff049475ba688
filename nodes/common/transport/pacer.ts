import { sleep } from 'n8n-workflow';
import { readRateLimit } from './rate-limit-headers';

/** A pace kept below what was measured, so jitter in arrival times does not meet the limit. */
const MARGIN = 0.99;
/** Each further 429 event slows the pace by this factor (the measurement was too high). */
const CUT = 0.9;
/**
 * After each second without a 429 the pace grows by a tenth up to the ceiling, or up to half the
 * most the API took in a second if that is higher (a second holds at most a bucket's burst plus a
 * second of refill, twice its rate for the sandbox's: below half of it the limit must have
 * tightened), then by PROBE: a limit that tightened for a while (other clients on the same
 * account) does not slow the rest of a long run.
 */
const CREEP_AFTER_MS = 1_000;
const CREEP = 1.1;
/**
 * Above the ceiling the pace grows by a percent per quiet second, up to the most the API took in a
 * second: slow enough that past a token bucket's rate its burst lasts a while (20 tokens at 20/s,
 * the excess growing by 0.2/s each second, last 14 s), fast enough to regain a rate a span
 * under-measured or a limit that loosened again.
 */
const PROBE = 1.01;
/**
 * How far the first span between two 429s may lower the pace: the first 429's second holds up to a
 * bucket's burst plus a second of refill, twice the rate for a burst of a second's worth.
 */
const FIRST_SPAN_FLOOR = 0.5;
/** Sends are counted over the second before the first 429 (a rate is per second). */
const WINDOW_MS = 1_000;
/** The span between two 429s is counted over this much at most. */
const SPAN_MS = 60_000;

/** A send as the pacer counts it. */
interface Send {
	startedAt: number;
	/** Whether the API took it: undefined while unanswered; false for a 429, a 5xx or no answer. */
	taken?: boolean;
}

/**
 * The sends of the second before the first 429, or of the span since the previous 429, counted
 * again once every one of them is answered.
 */
interface Measure {
	sends: Send[];
	/** The first 429 of the run: the pace is what this measure says, not a cut of it. */
	first: boolean;
	epoch: number;
	/** How long the measure is, in seconds. */
	seconds: number;
}

/** What a send was: when it started, so a 429 can be matched to the pace it went out under. */
export interface Ticket {
	startedAt: number;
	/** Time spent waiting for a Retry-After (not for a pacing slot). */
	waitedMs: number;
	/** Which pace it went out under: a 429 of a send paced before the last change is old news. */
	epoch: number;
	/** The pacer's record of this send. */
	readonly send: Send;
}

/**
 * One per client (so per node execution and credential), in front of every send. Instead of
 * probing a rate limit with 429s, it learns the rate and spaces sends out:
 * - from rate-limit headers when the API sends them (limit per window; nothing left → wait for
 *   the reset);
 * - otherwise from 429s: the sends of the second before the first one that the API took are what
 *   it takes per second; each later 429 cuts the pace and, once answered, the sends the API took
 *   since the previous 429 say what it sustains (see sustained()); quiet seconds let the pace grow
 *   back, never above the most it took in a second.
 * Without a limit it never holds anything back. A 429's Retry-After still holds every send of
 * the execution back until then.
 */
export class Pacer {
	private notBefore = 0;
	private nextSlot = 0;
	/** Sends per second; undefined until a limit shows. */
	private pace: number | undefined;
	/** What the pace grows back to quickly: what the API is known to sustain. */
	private ceiling = Number.POSITIVE_INFINITY;
	/** The most the API took in one second (the first 429's measure): the pace never goes above. */
	private highest = Number.POSITIVE_INFINITY;
	/** Whether the ceiling is still the first 429's measure (no span measured yet). */
	private fromFirst = true;
	/** When the send of the last 429 event started: the API had nothing left for it then. */
	private lastRefusedAt: number | undefined;
	/** Time every send was held for a Retry-After or a reset, in all; and as of the last 429. */
	private heldMs = 0;
	private heldAtLastRefusal = 0;
	/** The rate the headers last announced: a change re-sets the pace, a repeat does not. */
	private announced: number | undefined;
	private epoch = 0;
	private lastEventAt = Number.NEGATIVE_INFINITY;
	private lastCreepAt = 0;
	/** Sends of about the last two seconds, oldest first. */
	private readonly sends: Send[] = [];
	/** Measures still waiting for answers. */
	private measures: Measure[] = [];

	constructor(
		private readonly now: () => number = Date.now,
		private readonly wait: (ms: number) => Promise<void> = sleep,
	) {}

	/** Sends per second the pacer keeps to, or undefined while it has seen no limit. */
	get rate(): number | undefined {
		return this.pace;
	}

	closeFor(ms: number): void {
		const now = this.now();
		const until = now + ms;
		if (until > this.notBefore) this.heldMs += until - Math.max(now, this.notBefore);
		this.notBefore = Math.max(this.notBefore, until);
	}

	/** Waits for the gate and for this send's slot. Every enter() is followed by one leave(). */
	async enter(): Promise<Ticket> {
		let waitedMs = 0;
		for (;;) {
			const closed = this.notBefore - this.now();
			if (closed > 0) {
				await this.wait(closed);
				waitedMs += closed;
				continue;
			}
			if (this.pace === undefined) return this.ticket(waitedMs);
			this.creep();
			const slot = Math.max(this.now(), this.nextSlot);
			this.nextSlot = slot + 1000 / this.pace;
			if (slot > this.now()) await this.wait(slot - this.now());
			// A Retry-After that arrived meanwhile applies to this send too.
			if (this.notBefore <= this.now()) return this.ticket(waitedMs);
		}
	}

	/** A send ended with this answer (no status: no answer at all). */
	leave(ticket: Ticket, answer: { status?: number; headers?: Record<string, unknown> } = {}): void {
		const info = readRateLimit(answer.headers ?? {}, this.now());
		if (info) this.learnFromHeaders(info);
		// Only what the API took counts towards what it takes per second.
		ticket.send.taken = answer.status !== undefined && answer.status !== 429 && answer.status < 500;
		if (this.measures.length > 0) this.settle();
		if (answer.status !== 429) return;
		// 429s of sends that went out before the last change of pace belong to that same event.
		// Under an announced limit the headers say when to go on (remaining 0 → reset).
		if (ticket.epoch < this.epoch || this.announced !== undefined) return;
		this.epoch++;
		this.lastEventAt = this.now();
		this.lastCreepAt = this.now();
		const first = this.pace === undefined;
		// The first 429 counts the second before it; a later one the span since the previous 429.
		const from = first
			? ticket.startedAt - WINDOW_MS
			: Math.max(this.lastRefusedAt ?? 0, ticket.startedAt - SPAN_MS);
		// Of the time every send was held (a Retry-After), only the first second counts: a token
		// bucket refills its burst meanwhile (a second's worth, as the sandbox's) and the API
		// then has nothing to take.
		const idleMs = Math.max(0, this.heldMs - this.heldAtLastRefusal - WINDOW_MS);
		this.lastRefusedAt = ticket.startedAt;
		this.heldAtLastRefusal = this.heldMs;
		const measure: Measure = {
			sends: this.sends.filter(
				(send) =>
					(first ? send.startedAt >= from : send.startedAt > from) &&
					send.startedAt <= ticket.startedAt,
			),
			first,
			epoch: this.epoch,
			seconds: (first ? WINDOW_MS : ticket.startedAt - from - idleMs) / 1000,
		};
		const answered = measure.sends.every((send) => send.taken !== undefined);
		if (first) {
			// For now, what is known to have been taken; the rest as their answers come (settle).
			if (!answered) this.measures.push(measure);
			this.ceiling = Math.max(1, takenOf(measure)) * MARGIN;
			this.highest = this.ceiling;
			this.pace = this.ceiling;
			return;
		}
		this.pace = Math.max(0.1, (this.pace ?? 0) * CUT);
		// A span under a second (a 429 right after the Retry-After) says little: only the cut.
		if (measure.seconds < WINDOW_MS / 1000) return;
		if (answered) this.sustained(measure);
		else this.measures.push(measure);
	}

	/**
	 * A later 429 says the pace was too high for what the API sustains. The first 429's second can
	 * be well above that: a token bucket (the sandbox's, many vendors') takes its burst plus a
	 * second of refill in any one second, so what the second before the first 429 took was up to
	 * twice its rate, and a ceiling that could only rise let the pace creep back there after each
	 * cut and meet 429 after 429. The span since the previous 429 does not have that burst: the API
	 * had nothing left for the previous 429's send and nothing for this one, so what it took in
	 * between, per second, is what it sustains (a little under: while every send waited for the
	 * Retry-After a bucket filled and then had no room). It replaces the first second's measure as
	 * the ceiling; after that the ceiling is the most any span showed, so a limit that tightened
	 * for a while (spans of a few per second) does not keep the pace low once it loosens again.
	 */
	private sustained(measure: Measure): void {
		if (this.announced !== undefined) return;
		const rate = Math.max(0.1, takenOf(measure) / measure.seconds);
		// The first span corrects the first second's burst-inflated measure at once (at 300 ms it
		// was 1.6× the bucket's rate, and one cut per 429 took four 429 events to come down).
		const floor = this.fromFirst ? FIRST_SPAN_FLOOR : CUT;
		this.ceiling = this.fromFirst ? rate : Math.max(this.ceiling, rate);
		this.fromFirst = false;
		// Never below the floor: a span that took next to nothing (a squeeze) must not stall the run.
		if (this.pace !== undefined) this.pace = Math.max(Math.min(this.pace, rate), this.pace * floor);
	}

	private learnFromHeaders(info: ReturnType<typeof readRateLimit> & object): void {
		if (info.limit !== undefined && info.windowSeconds !== undefined && info.windowSeconds > 0) {
			const rate = info.limit / info.windowSeconds;
			if (rate > 0 && rate !== this.announced) {
				this.announced = rate;
				this.ceiling = rate;
				this.highest = rate;
				this.pace = rate;
				this.epoch++;
			}
		}
		if (info.remaining === 0 && info.resetSeconds !== undefined) {
			this.closeFor(Math.ceil(info.resetSeconds * 1000));
		}
	}

	/**
	 * The second before a 429 is counted by when sends STARTED, and a send counts once its answer
	 * says the API took it. Answers come a round trip after their sends and, with n8n reading them
	 * late under load, not in send order: counting only the answers in by the time the 429 is read
	 * misses sends the API had already counted when it refused this one, and the learned rate comes
	 * out too low (a slow run) — or, cut and crept back, wrong either way. So a measure is kept
	 * until every send of its second is answered, then raises the ceiling (and, for the first 429,
	 * the pace) to what the API really took. Refused sends (429) do not count: the API did not take
	 * them, and counting them would take a burst of retries for capacity; 5xx and lost sends may
	 * never have reached the limit. Sends of the same instant as the refused one count when taken:
	 * the API took them first.
	 */
	private settle(): void {
		this.measures = this.measures.filter((measure) => {
			if (measure.sends.some((send) => send.taken === undefined)) return true;
			if (!measure.first) {
				this.sustained(measure);
				return false;
			}
			const rate = takenOf(measure) * MARGIN;
			if (rate > this.highest && this.announced === undefined) {
				this.highest = rate;
				if (this.fromFirst) this.ceiling = rate;
				// No 429 since the first one: the pace is still the measured one.
				if (measure.epoch === this.epoch) this.pace = rate;
			}
			return false;
		});
	}

	private ticket(waitedMs: number): Ticket {
		const send: Send = { startedAt: this.now() };
		this.sends.push(send);
		// The second before a 429, or the span since the previous one.
		const keep = Math.max(
			send.startedAt - SPAN_MS,
			Math.min(this.lastRefusedAt ?? send.startedAt, send.startedAt - 2 * WINDOW_MS),
		);
		while (this.sends[0].startedAt < keep) this.sends.shift();
		return { startedAt: send.startedAt, waitedMs, epoch: this.epoch, send };
	}

	private creep(): void {
		if (this.pace === undefined || this.pace >= this.highest) return;
		const now = this.now();
		if (now - this.lastEventAt < CREEP_AFTER_MS || now - this.lastCreepAt < CREEP_AFTER_MS) return;
		this.lastCreepAt = now;
		const quick = Math.max(this.ceiling, this.highest / 2);
		this.pace =
			this.pace < quick
				? Math.min(quick, this.pace * CREEP)
				: Math.min(this.highest, this.pace * PROBE);
	}
}

function takenOf(measure: Measure): number {
	return measure.sends.filter((send) => send.taken === true).length;
}
