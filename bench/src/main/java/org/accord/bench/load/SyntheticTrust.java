package org.accord.bench.load;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.accord.api.attestation.AttestCommand;
import org.accord.api.attestation.QaOutcome;
import org.accord.api.attestation.RecordQaFindingCommand;
import org.accord.api.proposal.AdoptProposalCommand;
import org.accord.api.proposal.CastVoteCommand;
import org.accord.api.proposal.CloseVotingCommand;
import org.accord.api.proposal.DraftProposalCommand;
import org.accord.api.proposal.OpenVotingCommand;
import org.accord.api.proposal.ProposalChanges;
import org.accord.api.proposal.ProposalContent;
import org.accord.api.proposal.ProposalKind;
import org.accord.api.proposal.ReviseProposalCommand;
import org.accord.api.proposal.VoteChoice;
import org.accord.api.shared.Actor;
import org.accord.api.standard.AlignmentLevel;
import org.accord.api.standard.Area;
import org.accord.api.standard.AttestationCadence;
import org.accord.api.team.DecisionMode;
import org.accord.api.team.DecisionRule;
import org.accord.api.team.FormTeamCommand;
import org.accord.api.trust.PersonRole;
import org.accord.api.trust.RegisterPersonCommand;
import org.accord.api.trust.RegisterSchoolCommand;
import org.accord.api.trust.RegisterTrustCommand;
import org.accord.api.trust.SchoolPhase;
import org.accord.api.variation.ApproveExceptionCommand;
import org.accord.api.variation.ReaffirmVariationCommand;
import org.accord.api.variation.RecordImplementationCommand;
import org.accord.api.variation.RequestExceptionCommand;

/**
 * The synthetic trust, as the commands that build it: who sends what, in which order. Pure: the loader sends it.
 * <ul>
 *   <li>set-up: the trust, its schools (one headteacher each), an executive, and teams of {@link #TEAM_SIZE} staff
 *       from different schools;</li>
 *   <li>standards: each one proposed, voted on and adopted, then varied by some schools (implementations of
 *       ADAPTABLE ones, exceptions of REQUIRED ones, approved), then amended a few times through the same proposal
 *       path (which leaves the variations needing re-justification), after which half the variations are
 *       re-affirmed;</li>
 *   <li>deliberations: proposals drafted, revised, voted on (members change their votes as the debate goes) and
 *       closed, as many as it takes to reach the event total;</li>
 *   <li>live proposals: open for voting, for the castVote load of the benchmark;</li>
 *   <li>compliance (a phase of its own, also run on a store built before it existed): most standards amended once
 *       more to ask for attestation (TERMLY or YEARLY; GUIDANCE stays NONE), some from long enough ago that a period
 *       has been missed (OVERDUE), some from the start of the current period (DUE); then the headteachers attest for
 *       about 60% of what they owe and a trust executive's visits confirm or challenge some of those.</li>
 * </ul>
 * Every chain runs in order; chains are independent of each other once the set-up is done.
 */
public final class SyntheticTrust {

    public static final String TRUST = "bench-trust";
    public static final int TEAM_SIZE = 12;
    /** Teams whose members are the benchmark's HTTP clients, each with {@link #LIVE_PER_TEAM} proposals open. */
    public static final int LIVE_TEAMS = 3;
    public static final int LIVE_PER_TEAM = 100;
    public static final String EXEC = "bench-exec";

    private static final Area[] AREAS = Area.values();
    private static final SchoolPhase[] PHASES = {SchoolPhase.PRIMARY, SchoolPhase.PRIMARY, SchoolPhase.SECONDARY,
            SchoolPhase.ALL_THROUGH, SchoolPhase.SPECIAL};

    /** A command and the person it is sent as. */
    public record Step(Object command, String actorId) {
    }

    public record Size(int schools, int teams, int standards, int variations, long events,
                       int eventsPerDeliberation) {

        public static Size fromSystemProperties() {
            return new Size(Integer.getInteger("bench.schools", 50), Integer.getInteger("bench.teams", 20),
                    Integer.getInteger("bench.standards", 500), Integer.getInteger("bench.variations", 5000),
                    Long.getLong("bench.events", 1_000_000L),
                    Integer.getInteger("bench.events-per-deliberation", 100));
        }

        public Size {
            if (teams < LIVE_TEAMS || schools < TEAM_SIZE || standards < 1 || variations < 0
                    || eventsPerDeliberation < TEAM_SIZE + 4) {
                throw new IllegalArgumentException("too small a trust: " + this);
            }
        }
    }

    private final Size size;
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    public SyntheticTrust(Size size) {
        this.size = size;
    }

    public static String school(int s) {
        return "bench-school-" + s;
    }

    public static String head(int s) {
        return "bench-head-" + s;
    }

    public static String team(int t) {
        return "bench-team-" + t;
    }

    /** Member m of team t; member 0 chairs. Also the account name the benchmark signs in with. */
    public static String member(int t, int m) {
        return "bench-t" + t + "-m" + m;
    }

    public static String standard(int i) {
        return "bench-standard-" + i;
    }

    public static String liveProposalId(int t, int k) {
        return "bench-live-t" + t + "-" + k;
    }

    /** The school member m of team t works at. */
    private int schoolOf(int t, int m) {
        return (t * TEAM_SIZE + m) % size.schools();
    }

    public List<Step> setUp() {
        List<Step> steps = new ArrayList<>();
        steps.add(system(new RegisterTrustCommand(TRUST, "Synthetic Benchmark Trust")));
        for (int s = 0; s < size.schools(); s++) {
            steps.add(system(new RegisterSchoolCommand(TRUST, school(s), "School " + s, PHASES[s % PHASES.length])));
            steps.add(system(new RegisterPersonCommand(TRUST, head(s), "Head " + s, Set.of(PersonRole.HEADTEACHER),
                    school(s))));
        }
        steps.add(system(new RegisterPersonCommand(TRUST, EXEC, "Executive", Set.of(PersonRole.TRUST_EXECUTIVE),
                null)));
        for (int t = 0; t < size.teams(); t++) {
            List<String> members = new ArrayList<>();
            for (int m = 0; m < TEAM_SIZE; m++) {
                steps.add(system(new RegisterPersonCommand(TRUST, member(t, m), "Member " + t + "/" + m,
                        Set.of(PersonRole.STAFF), school(schoolOf(t, m)))));
                members.add(member(t, m));
            }
            steps.add(system(new FormTeamCommand(team(t), TRUST, "Team " + t,
                    List.of(AREAS[t % AREAS.length], AREAS[(t + 5) % AREAS.length]), member(t, 0), members,
                    new DecisionRule(DecisionMode.MAJORITY, 0.5, 0.5, 168))));
        }
        return steps;
    }

    /** The chain of standard i: adopted, varied, amended, re-affirmed. About 40 events. */
    public List<Step> standardChain(int i) {
        Random random = new Random(i);
        int t = i % size.teams();
        Area area = AREAS[t % AREAS.length];
        AlignmentLevel alignment = switch (i % 10) {
            case 0, 1, 2, 3 -> AlignmentLevel.ADAPTABLE;
            case 4, 5, 6 -> AlignmentLevel.REQUIRED;
            default -> AlignmentLevel.GUIDANCE;
        };
        List<Step> steps = new ArrayList<>();
        LocalDate effective = LocalDate.of(2025, 1, 1).plusDays(i % 300);
        String proposal = "bench-p-std-" + i + "-v1";
        steps.add(as(member(t, 1 + random.nextInt(TEAM_SIZE - 1)), new DraftProposalCommand(proposal, team(t),
                ProposalKind.NEW_STANDARD, null, null, content("Standard " + i, area, alignment, 1, effective))));
        decide(steps, proposal, t, random);
        steps.add(as(EXEC, new AdoptProposalCommand(proposal, null, null, standard(i))));

        List<Integer> variedSchools = variedSchools(i, alignment, random);
        List<String> variations = new ArrayList<>();
        for (int s : variedSchools) {
            String variation = "bench-variation-" + i + "-" + s;
            variations.add(variation);
            if (alignment == AlignmentLevel.ADAPTABLE) {
                steps.add(as(head(s), new RecordImplementationCommand(standard(i), variation, school(s), 1,
                        "How school " + s + " meets standard " + i, "Fits our timetable and our pupils",
                        today.plusDays(400 + random.nextInt(700)))));
            } else {
                steps.add(as(head(s), new RequestExceptionCommand(standard(i), variation, school(s), 1,
                        "School " + s + " departs from standard " + i, "A building project until next year",
                        today.plusDays(200 + random.nextInt(500)))));
                steps.add(as(EXEC, new ApproveExceptionCommand(standard(i), variation, "Approved for now")));
            }
        }
        int amendments = random.nextInt(5); // 0..4, two on average
        for (int v = 2; v <= amendments + 1; v++) {
            String amendment = "bench-p-std-" + i + "-v" + v;
            effective = effective.plusDays(60 + random.nextInt(120));
            steps.add(as(member(t, 1 + random.nextInt(TEAM_SIZE - 1)), new DraftProposalCommand(amendment, team(t),
                    ProposalKind.AMEND_STANDARD, standard(i), v - 1,
                    content("Standard " + i, area, alignment, v, effective))));
            decide(steps, amendment, t, random);
            steps.add(as(EXEC, new AdoptProposalCommand(amendment, null, null, null)));
        }
        if (amendments > 0) {
            for (int k = 0; k < variations.size(); k += 2) {
                int s = variedSchools.get(k);
                steps.add(as(head(s), new ReaffirmVariationCommand(standard(i), variations.get(k), amendments + 1,
                        "Still the right way for us after the amendment", null)));
                if (alignment == AlignmentLevel.REQUIRED) {
                    steps.add(as(EXEC, new ApproveExceptionCommand(standard(i), variations.get(k), "Renewed")));
                }
            }
        }
        return steps;
    }

    /** Spreads the variations over the ADAPTABLE and REQUIRED standards, a school at most once per standard. */
    private List<Integer> variedSchools(int i, AlignmentLevel alignment, Random random) {
        if (alignment == AlignmentLevel.GUIDANCE) {
            return List.of();
        }
        long variable = (long) size.standards() * 7 / 10;
        int perStandard = (int) Math.min(size.schools(), Math.round(size.variations() / (double) Math.max(1, variable)));
        List<Integer> schools = new ArrayList<>();
        int first = random.nextInt(size.schools());
        for (int k = 0; k < perStandard; k++) {
            schools.add((first + k * 7) % size.schools());
        }
        return schools.stream().distinct().toList();
    }

    /** A debate that ends in a vote: drafted, revised, everyone votes, some change their minds, closed. */
    public List<Step> deliberation(int d) {
        Random random = new Random(1_000_000L + d);
        int t = d % size.teams();
        String proposal = "bench-p-debate-" + d;
        List<Step> steps = new ArrayList<>();
        steps.add(as(member(t, 1 + random.nextInt(TEAM_SIZE - 1)), new DraftProposalCommand(proposal, team(t),
                ProposalKind.NEW_STANDARD, null, null, content("Debate " + d, AREAS[t % AREAS.length],
                        AlignmentLevel.GUIDANCE, 1, today.plusDays(30)))));
        steps.add(as(member(t, 0), new ReviseProposalCommand(proposal, new ProposalChanges(null, null, null,
                "Revised statement of debate " + d + ": what we agreed in the meeting.", null, null, null),
                "After the meeting", 1)));
        steps.add(as(member(t, 0), new OpenVotingCommand(proposal, null)));
        int votes = size.eventsPerDeliberation() - 4;
        for (int k = 0; k < votes; k++) {
            int m = k < TEAM_SIZE ? k : random.nextInt(TEAM_SIZE);
            steps.add(as(member(t, m), vote(random, proposal, "debate " + d + " vote " + k)));
        }
        steps.add(as(member(t, 0), new CloseVotingCommand(proposal)));
        return steps;
    }

    /** A proposal open for voting for most of a year: the benchmark's clients vote on these. */
    public List<Step> liveProposal(int t, int k) {
        String proposal = liveProposalId(t, k);
        return List.of(
                as(member(t, 1), new DraftProposalCommand(proposal, team(t), ProposalKind.NEW_STANDARD, null, null,
                        content("Live " + t + "/" + k, AREAS[t % AREAS.length], AlignmentLevel.GUIDANCE, 1,
                                today.plusDays(60)))),
                as(member(t, 0), new OpenVotingCommand(proposal, Instant.now().plus(300, ChronoUnit.DAYS))));
    }

    /** Events in the set-up and the standards, estimated from the plan (the store's count is what is reported). */
    public long fixedEvents() {
        long events = setUp().size() + (long) LIVE_TEAMS * LIVE_PER_TEAM * 2;
        for (int i = 0; i < size.standards(); i++) {
            List<Step> chain = standardChain(i);
            // an adoption records two events: the proposal's and the standard's
            events += chain.size() + chain.stream().filter(s -> s.command() instanceof AdoptProposalCommand).count();
        }
        return events;
    }

    public int deliberations() {
        long remaining = size.events() - fixedEvents();
        return (int) Math.max(0, remaining / size.eventsPerDeliberation());
    }

    private void decide(List<Step> steps, String proposal, int t, Random random) {
        steps.add(as(member(t, 0), new OpenVotingCommand(proposal, null)));
        for (int m = 0; m < TEAM_SIZE; m++) {
            VoteChoice choice = m % 5 == 4 ? VoteChoice.ABSTAIN : VoteChoice.APPROVE;
            steps.add(as(member(t, m), new CastVoteCommand(proposal, choice, random.nextInt(4) == 0
                    ? "Agreed in the team meeting" : null)));
        }
        steps.add(as(member(t, 0), new CloseVotingCommand(proposal)));
    }

    // ---------------------------------------------------------------- compliance

    /** What the plan of standard i left behind, read off its chain (the chain is deterministic). */
    record Planned(int versions, LocalDate lastEffective, AlignmentLevel alignment, List<Integer> variedSchools,
                   List<String> variations) {
    }

    Planned planned(int i) {
        int versions = 0;
        LocalDate last = null;
        AlignmentLevel alignment = null;
        List<Integer> schools = new ArrayList<>();
        List<String> variations = new ArrayList<>();
        for (Step step : standardChain(i)) {
            if (step.command() instanceof AdoptProposalCommand) {
                versions++;
            } else if (step.command() instanceof DraftProposalCommand d) {
                last = d.content().effectiveFrom();
                alignment = d.content().alignment();
            } else if (step.command() instanceof RecordImplementationCommand r) {
                schools.add(Integer.parseInt(r.schoolId().substring("bench-school-".length())));
                variations.add(r.variationId());
            } else if (step.command() instanceof RequestExceptionCommand r) {
                schools.add(Integer.parseInt(r.schoolId().substring("bench-school-".length())));
                variations.add(r.variationId());
            }
        }
        return new Planned(versions, last, alignment, schools, variations);
    }

    /** The cadence standard i asks for once the compliance phase has amended it: guidance asks for none. */
    public static AttestationCadence cadence(int i) {
        return switch (i % 10) {
            case 0, 1, 4, 5 -> AttestationCadence.TERMLY;
            case 2, 3, 6 -> AttestationCadence.YEARLY;
            default -> AttestationCadence.NONE;
        };
    }

    /** The start of the attestation period {@code day} falls in (AttestationPeriods' terms and years). */
    static LocalDate periodStart(AttestationCadence cadence, LocalDate day) {
        LocalDate autumn = LocalDate.of(day.getMonthValue() >= 9 ? day.getYear() : day.getYear() - 1, 9, 1);
        if (cadence == AttestationCadence.YEARLY) {
            return autumn;
        }
        LocalDate summer = LocalDate.of(day.getYear(), 4, 15);
        if (!day.isBefore(LocalDate.of(day.getYear(), 9, 1))) {
            return autumn;
        }
        return day.isBefore(summer) ? LocalDate.of(day.getYear(), 1, 1) : summer;
    }

    /**
     * The version of standard i that asks for attestation, adopted through the proposal path as an amendment of the
     * chain's last version, effective today at the latest (so headteachers can attest against it now); empty for
     * guidance and where the chain's last version takes effect after today. Three in four take effect over a year
     * ago (a period has been missed: OVERDUE where nobody attested), one in four at the start of the current period
     * (DUE). The variations the chain re-affirmed are re-affirmed again, the exceptions re-approved.
     */
    public List<Step> cadenceChain(int i) {
        AttestationCadence cadence = cadence(i);
        Planned plan = planned(i);
        if (cadence == AttestationCadence.NONE || plan.lastEffective().isAfter(today)) {
            return List.of();
        }
        Random random = new Random(2_000_000L + i);
        int t = i % size.teams();
        LocalDate wanted = i % 4 == 3 ? periodStart(cadence, today) : today.minusDays(400);
        LocalDate effective = wanted.isBefore(plan.lastEffective()) ? plan.lastEffective() : wanted;
        int version = plan.versions() + 1;
        String proposal = cadenceProposalId(i);
        List<Step> steps = new ArrayList<>();
        steps.add(as(member(t, 1 + random.nextInt(TEAM_SIZE - 1)), new DraftProposalCommand(proposal, team(t),
                ProposalKind.AMEND_STANDARD, standard(i), plan.versions(),
                new ProposalContent("Standard " + i + ", version " + version, AREAS[t % AREAS.length],
                        plan.alignment(), "Every school does what Standard " + i + " says, in the words of version "
                        + version + ", and its headteacher confirms it " + cadence.name().toLowerCase() + ".",
                        "The board asked how it would know the standard is met.", effective, null, null,
                        cadence))));
        decide(steps, proposal, t, random);
        steps.add(as(EXEC, new AdoptProposalCommand(proposal, null, null, null)));
        for (int k = 0; k < plan.variations().size(); k += 2) {
            int s = plan.variedSchools().get(k);
            steps.add(as(head(s), new ReaffirmVariationCommand(standard(i), plan.variations().get(k), version,
                    "Still the right way for us now that we attest", null)));
            if (plan.alignment() == AlignmentLevel.REQUIRED) {
                steps.add(as(EXEC, new ApproveExceptionCommand(standard(i), plan.variations().get(k), "Renewed")));
            }
        }
        return steps;
    }

    public static String cadenceProposalId(int i) {
        return "bench-p-std-" + i + "-cadence";
    }

    /**
     * The headteachers' attestations of standard i (against the version {@link #cadenceChain} adopted), and the trust's
     * visits: about 60% of the schools attest (not those holding an exception to a REQUIRED standard); of all schools
     * about 9% are then confirmed on a visit and 6% challenged, with actions and a follow-up date.
     */
    public List<Step> attestations(int i) {
        if (cadenceChain(i).isEmpty()) {
            return List.of();
        }
        Planned plan = planned(i);
        int version = plan.versions() + 1;
        List<Step> steps = new ArrayList<>();
        for (int s = 0; s < size.schools(); s++) {
            if (plan.alignment() == AlignmentLevel.REQUIRED && plan.variedSchools().contains(s)) {
                continue;
            }
            int r = new Random(3_000_000L + i * 1_000L + s).nextInt(100);
            if (r >= 60) {
                continue;
            }
            String attestation = "bench-att-" + i + "-" + s;
            steps.add(as(head(s), new AttestCommand(attestation, TRUST, school(s), standard(i), version,
                    "School " + s + " meets standard " + i + " as version " + version + " says.",
                    r % 2 == 0 ? List.of("Staff briefing minutes, " + today, "https://example.org/school-" + s
                            + "/standard-" + i) : List.of())));
            if (r < 6) {
                steps.add(as(EXEC, new RecordQaFindingCommand(attestation, QaOutcome.CHALLENGED,
                        "Seen in two lessons of five", List.of("Brief the staff again", "Show it in the next visit"),
                        today.plusDays(42), null)));
            } else if (r < 15) {
                steps.add(as(EXEC, new RecordQaFindingCommand(attestation, QaOutcome.CONFIRMED, "Seen in every lesson",
                        null, null, null)));
            }
        }
        return steps;
    }

    private static CastVoteCommand vote(Random random, String proposal, String why) {
        int r = random.nextInt(10);
        if (r < 6) {
            return new CastVoteCommand(proposal, VoteChoice.APPROVE, r == 0 ? "Convinced by " + why : null);
        }
        if (r < 9) {
            return new CastVoteCommand(proposal, VoteChoice.OBJECT, "Not yet: " + why);
        }
        return new CastVoteCommand(proposal, VoteChoice.ABSTAIN, null);
    }

    private static ProposalContent content(String title, Area area, AlignmentLevel alignment, int version,
                                           LocalDate effective) {
        return new ProposalContent(title + (version > 1 ? ", version " + version : ""), area, alignment,
                "Every school does what " + title + " says, in the words of version " + version
                        + ", and can say how it does it.",
                "Agreed by the team after trying it in three schools.", effective, null);
    }

    private static Step system(Object command) {
        return new Step(command, Actor.SYSTEM);
    }

    private static Step as(String person, Object command) {
        return new Step(command, person);
    }
}
