package org.accord.app.demo;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.accord.api.attestation.AttestCommand;
import org.accord.api.attestation.QaOutcome;
import org.accord.api.attestation.RecordQaFindingCommand;
import org.accord.api.proposal.AdoptProposalCommand;
import org.accord.api.proposal.CastVoteCommand;
import org.accord.api.proposal.DelegateVoteCommand;
import org.accord.api.proposal.CloseVotingCommand;
import org.accord.api.proposal.DraftProposalCommand;
import org.accord.api.proposal.OpenVotingCommand;
import org.accord.api.proposal.ProposalChanges;
import org.accord.api.proposal.ProposalContent;
import org.accord.api.proposal.ProposalKind;
import org.accord.api.proposal.ReviseProposalCommand;
import org.accord.api.proposal.VoteChoice;
import org.accord.api.request.DeclineRequestCommand;
import org.accord.api.request.RaiseRequestCommand;
import org.accord.api.request.SupportRequestCommand;
import org.accord.api.request.TakeUpRequestCommand;
import org.accord.api.rights.ChangeDecisionRightsCommand;
import org.accord.api.rights.DecisionLevel;
import org.accord.api.rights.DecisionRight;
import org.accord.api.shared.Actor;
import org.accord.api.peerreview.ActionProgress;
import org.accord.api.peerreview.AddPeerReviewFindingCommand;
import org.accord.api.peerreview.AgreePeerReviewActionCommand;
import org.accord.api.peerreview.FindingKind;
import org.accord.api.peerreview.FollowUpPeerReviewActionCommand;
import org.accord.api.peerreview.NoteFindingAgainstStandardCommand;
import org.accord.api.peerreview.RecordPeerReviewCommand;
import org.accord.api.review.ReaffirmStandardCommand;
import org.accord.api.standard.AlignmentLevel;
import org.accord.api.standard.Applicability;
import org.accord.api.standard.Area;
import org.accord.api.standard.AttestationCadence;
import org.accord.api.team.DecisionMode;
import org.accord.api.team.DecisionRule;
import org.accord.api.team.DelegateVotesForPeriodCommand;
import org.accord.api.team.FormTeamCommand;
import org.accord.api.trust.AddSchoolToClusterCommand;
import org.accord.api.trust.FormClusterCommand;
import org.accord.api.trust.MoveSchoolToClusterCommand;
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
 * The demo: a fictional multi-academy trust of six schools with three cross-cutting teams, and a second trust with
 * the {@code outsider} in it. Every name here is invented. The ids are fixed so that the demo accounts in
 * {@code application.yml} can name the people they sign in as.
 */
final class DemoTrust {

    static final String TRUST = "demo-trust";
    static final String OTHER_TRUST = "demo-other-trust";

    private DemoTrust() {
    }

    /** A command of the demo and the person it is sent as. */
    record Step(Object command, String actorId) {
    }

    /**
     * The demo, in order: the trust set up by Accord itself, then decisions taken by the people who would take them,
     * so the log reads as it would in a real trust.
     */
    static List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        commands().forEach(c -> steps.add(new Step(c, Actor.SYSTEM)));
        steps.addAll(clusters());
        steps.addAll(decisions());
        steps.addAll(decisionRights());
        steps.addAll(peerReviews());
        return steps;
    }

    /**
     * A peer review: Oakwood's head and SENDCo-minded staff visited Willowbrook three weeks ago for SEND and
     * curriculum; one strength, one area for development noted against the pupil-passport guidance, and an action
     * Willowbrook's head agreed and has started on. Read by the two schools and the trust's leadership only.
     */
    private static List<Step> peerReviews() {
        List<Step> steps = new ArrayList<>();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String review = "demo-peer-review-willowbrook";
        steps.add(as("head", new RecordPeerReviewCommand(review, TRUST, schoolId("willowbrook"), schoolId("oakwood"),
                null, List.of(Area.SEND, Area.CURRICULUM), today.minusDays(21))));
        steps.add(as("head", new AddPeerReviewFindingCommand(review, "demo-finding-willowbrook-reading",
                Area.CURRICULUM, FindingKind.STRENGTH, "Daily reading aloud in every class; pupils talk readily"
                + " about the books.")));
        String passports = "demo-finding-willowbrook-passports";
        steps.add(as("head", new AddPeerReviewFindingCommand(review, passports, Area.SEND,
                FindingKind.AREA_FOR_DEVELOPMENT, "Pupil passports are written but not shared with cover staff, so"
                + " adaptations lapse when the class teacher is away.")));
        steps.add(as("head", new NoteFindingAgainstStandardCommand(review, passports, PASSPORT_STANDARD)));
        steps.add(as("head-willowbrook", new AgreePeerReviewActionCommand(review, "demo-action-willowbrook-cover",
                passports, "Every cover supervisor reads the class's pupil passports at the start of the day.",
                today.plusMonths(2))));
        steps.add(as("head-willowbrook", new FollowUpPeerReviewActionCommand(review, "demo-action-willowbrook-cover",
                ActionProgress.IN_PROGRESS, "Passports are in each class's cover folder; the briefing starts next"
                + " half term.")));
        return steps;
    }

    /**
     * Three clusters the executive formed a year ago, by locality: the town's primaries, the valley's schools and the
     * secondary partnership; Castle Hill (all-through) moved from the valley to the secondaries this term.
     */
    private static List<Step> clusters() {
        LocalDate formed = LocalDate.now(ZoneOffset.UTC).minusYears(1).withDayOfMonth(1);
        LocalDate moved = LocalDate.now(ZoneOffset.UTC).minusMonths(2).withDayOfMonth(1);
        List<Step> steps = new ArrayList<>();
        steps.add(as("exec", new FormClusterCommand(TRUST, clusterId("town"), "Town primaries", personId("head"),
                formed)));
        steps.add(as("exec", new FormClusterCommand(TRUST, clusterId("valley"), "Valley schools",
                personId("head-willowbrook"), formed)));
        steps.add(as("exec", new FormClusterCommand(TRUST, clusterId("secondary"), "Secondary partnership",
                personId("chair"), formed)));
        for (String[] member : new String[][] {{"town", "oakwood"}, {"town", "meadowbank"},
                {"valley", "willowbrook"}, {"valley", "castle-hill"}, {"secondary", "northfield"},
                {"secondary", "riverside"}}) {
            steps.add(as("exec", new AddSchoolToClusterCommand(TRUST, clusterId(member[0]), schoolId(member[1]),
                    formed)));
        }
        steps.add(as("exec", new MoveSchoolToClusterCommand(TRUST, schoolId("castle-hill"), clusterId("secondary"),
                moved)));
        return steps;
    }

    /** The trust, its schools, people and teams, each registered by Accord itself. */
    static List<Object> commands() {
        List<Object> commands = new ArrayList<>();
        commands.add(new RegisterTrustCommand(TRUST, "Northfield Learning Trust"));
        school(commands, "northfield", "Northfield Academy", SchoolPhase.SECONDARY);
        school(commands, "riverside", "Riverside High School", SchoolPhase.SECONDARY);
        school(commands, "castle-hill", "Castle Hill School", SchoolPhase.ALL_THROUGH);
        school(commands, "oakwood", "Oakwood Primary School", SchoolPhase.PRIMARY);
        school(commands, "meadowbank", "Meadowbank Primary Academy", SchoolPhase.PRIMARY);
        school(commands, "willowbrook", "Willowbrook Primary School", SchoolPhase.PRIMARY);

        person(commands, "exec", "Morgan Hale", null, PersonRole.TRUST_EXECUTIVE);
        person(commands, "board", "Priya Raman", null, PersonRole.BOARD_MEMBER);
        person(commands, "chair", "Daniel Okafor", "northfield", PersonRole.STAFF);
        person(commands, "member1", "Sophie Lindqvist", "riverside", PersonRole.STAFF);
        person(commands, "member2", "James Whitfield", "castle-hill", PersonRole.STAFF);
        person(commands, "member3", "Aisha Rahman", "oakwood", PersonRole.STAFF);
        person(commands, "head", "Eleanor Marsh", "oakwood", PersonRole.HEADTEACHER);
        person(commands, "head-meadowbank", "Joseph Adair", "meadowbank", PersonRole.HEADTEACHER);
        person(commands, "head-willowbrook", "Ingrid Holm", "willowbrook", PersonRole.HEADTEACHER);
        person(commands, "sendco-meadowbank", "Tom Bradley", "meadowbank", PersonRole.STAFF);
        person(commands, "sendco-willowbrook", "Nadia Osei", "willowbrook", PersonRole.STAFF);
        person(commands, "sendco-riverside", "Ruth Kowalski", "riverside", PersonRole.STAFF);
        person(commands, "dsl-riverside", "Grace Adeyemi", "riverside", PersonRole.STAFF);
        person(commands, "dsl-northfield", "Owen Pryce", "northfield", PersonRole.STAFF);
        person(commands, "dsl-willowbrook", "Hannah Lowe", "willowbrook", PersonRole.STAFF);

        commands.add(new FormTeamCommand("demo-team-english", TRUST, "Heads of English",
                List.of(Area.CURRICULUM, Area.ASSESSMENT), personId("chair"),
                List.of(personId("chair"), personId("member1"), personId("member2"), personId("member3")),
                new DecisionRule(DecisionMode.MAJORITY, 0.5, 0.5, 168)));
        commands.add(new FormTeamCommand("demo-team-send", TRUST, "SENDCos",
                List.of(Area.SEND), personId("sendco-meadowbank"),
                List.of(personId("sendco-meadowbank"), personId("sendco-willowbrook"), personId("sendco-riverside")),
                new DecisionRule(DecisionMode.CONSENT, 0.6, 0.5, 120)));
        commands.add(new FormTeamCommand("demo-team-safeguarding", TRUST, "Safeguarding leads",
                List.of(Area.SAFEGUARDING), personId("dsl-riverside"),
                List.of(personId("dsl-riverside"), personId("dsl-northfield"), personId("dsl-willowbrook")),
                new DecisionRule(DecisionMode.MAJORITY, 0.75, 0.66, 72)));

        commands.add(new RegisterTrustCommand(OTHER_TRUST, "Harbour Schools Trust"));
        commands.add(new RegisterSchoolCommand(OTHER_TRUST, "demo-school-harbour", "Harbour Primary School",
                SchoolPhase.PRIMARY));
        commands.add(new RegisterPersonCommand(OTHER_TRUST, personId("outsider"), "Sam Carter",
                Set.of(PersonRole.TRUST_EXECUTIVE), null));
        return commands;
    }

    /**
     * Decisions already in the log: one proposal ratified, one rejected with dissent, one lapsed for want of a
     * quorum, and one open for the heads of English to vote on, where member3 has delegated their vote to the chair;
     * and a SENDCo's period delegation for a fortnight ahead.
     */
    private static List<Step> decisions() {
        List<Step> steps = new ArrayList<>();
        String reading = "demo-proposal-ks3-reading";
        steps.add(as("member1", new DraftProposalCommand(reading, "demo-team-english", ProposalKind.NEW_STANDARD, null,
                null, new ProposalContent("Whole-class reading in Key Stage 3", Area.CURRICULUM,
                AlignmentLevel.ADAPTABLE, "Every Key Stage 3 class reads at least one whole novel together each term.",
                "Shared texts build vocabulary and stamina; schools choose the texts.", LocalDate.of(2026, 9, 1),
                LocalDate.of(2028, 7, 31), KEY_STAGE_3))));
        steps.add(as("chair", new ReviseProposalCommand(reading, new ProposalChanges(null, null, null,
                "Every Key Stage 3 class reads at least one whole novel together each term, chosen from a list"
                        + " the school keeps and reviews.", null, null, null),
                "Schools keep their own text lists", 1)));
        steps.add(as("chair", new OpenVotingCommand(reading, null)));
        steps.add(as("chair", new CastVoteCommand(reading, VoteChoice.APPROVE, "Builds on what we already do")));
        steps.add(as("member1", new CastVoteCommand(reading, VoteChoice.APPROVE, null)));
        steps.add(as("member2", new CastVoteCommand(reading, VoteChoice.APPROVE, null)));
        steps.add(as("member3", new CastVoteCommand(reading, VoteChoice.ABSTAIN,
                "A primary school; Key Stage 3 is not ours to judge")));
        steps.add(as("chair", new CloseVotingCommand(reading)));

        String calendar = "demo-proposal-y9-calendar";
        steps.add(as("member2", new DraftProposalCommand(calendar, "demo-team-english", ProposalKind.NEW_STANDARD,
                null, null, new ProposalContent("A common Year 9 assessment calendar", Area.ASSESSMENT,
                AlignmentLevel.REQUIRED, "All schools assess Year 9 English in the same two weeks of each term.",
                "Comparable data across the trust", LocalDate.of(2026, 9, 1), null, KEY_STAGE_3))));
        steps.add(as("chair", new OpenVotingCommand(calendar, null)));
        steps.add(as("member2", new CastVoteCommand(calendar, VoteChoice.APPROVE, null)));
        steps.add(as("member1", new CastVoteCommand(calendar, VoteChoice.OBJECT,
                "Our mock examinations fall in those weeks; a fixed window would double the load on Year 9")));
        steps.add(as("member3", new CastVoteCommand(calendar, VoteChoice.OBJECT,
                "Comparable data does not need identical dates: a shared task would do")));
        steps.add(as("chair", new CastVoteCommand(calendar, VoteChoice.ABSTAIN, null)));
        steps.add(as("chair", new CloseVotingCommand(calendar)));

        String profile = "demo-proposal-send-profile";
        steps.add(as("sendco-meadowbank", new DraftProposalCommand(profile, "demo-team-send",
                ProposalKind.NEW_STANDARD, null, null, new ProposalContent("A one-page profile for every pupil on"
                + " the SEND register", Area.SEND, AlignmentLevel.GUIDANCE, "Each pupil on the SEND register has a"
                + " one-page profile written with the pupil and family.", null, null, null))));
        steps.add(as("sendco-meadowbank", new OpenVotingCommand(profile, null)));
        steps.add(as("sendco-meadowbank", new CastVoteCommand(profile, VoteChoice.APPROVE, null)));
        steps.add(as("sendco-meadowbank", new CloseVotingCommand(profile)));

        String library = "demo-proposal-library-lesson";
        steps.add(as("chair", new DraftProposalCommand(library, "demo-team-english", ProposalKind.NEW_STANDARD, null,
                null, new ProposalContent("Reading for pleasure: a library lesson each fortnight", Area.CURRICULUM,
                AlignmentLevel.ADAPTABLE, "Every class in Years 7 and 8 has a library lesson at least once a"
                + " fortnight.", "Reading for pleasure predicts attainment more than any other habit.",
                LocalDate.of(2027, 1, 4), LocalDate.of(2029, 1, 4), KEY_STAGE_3))));
        steps.add(as("chair", new OpenVotingCommand(library, null)));
        steps.add(as("chair", new CastVoteCommand(library, VoteChoice.APPROVE, null)));
        // member3 is away on a residential trip: the chair's vote counts for them too, until they vote or revoke
        steps.add(as("member3", new DelegateVoteCommand(library, "demo-delegation-library-member3",
                personId("chair"))));
        // and a SENDCo's votes go to a colleague for a fortnight ahead: any SEND proposal opened then carries it in
        steps.add(as("sendco-riverside", new DelegateVotesForPeriodCommand("demo-team-send",
                "demo-delegation-send-riverside", personId("sendco-meadowbank"),
                LocalDate.now(ZoneOffset.UTC).plusDays(14), LocalDate.now(ZoneOffset.UTC).plusDays(27))));
        steps.addAll(backbone());
        return steps;
    }

    /**
     * Key Stage 2 is taught in primary and all-through schools, Key Stage 3 in secondary and all-through ones: a
     * standard about one key stage applies to those phases only (the variation map once asked every secondary school
     * for an implementation of the Key Stage 2 history sequence). Safeguarding and SEND apply to every school.
     */
    static final Applicability KEY_STAGE_2 = Applicability.phases(SchoolPhase.PRIMARY, SchoolPhase.ALL_THROUGH);
    static final Applicability KEY_STAGE_3 = Applicability.phases(SchoolPhase.SECONDARY, SchoolPhase.ALL_THROUGH);

    static final String SAFEGUARDING_STANDARD = "demo-standard-safeguarding-log";
    static final String HISTORY_STANDARD = "demo-standard-ks2-history";
    static final String PASSPORT_STANDARD = "demo-standard-send-passport";
    static final String SURGERY_STANDARD = "demo-standard-town-send-surgery";
    static final String READING_STANDARD = "demo-standard-ks3-reading";
    static final String RECORD_STANDARD = "demo-standard-single-central-record";

    /**
     * The backbone: a REQUIRED safeguarding standard (with one approved exception), an ADAPTABLE history sequence
     * that two primaries implement differently and that was later amended (one school re-affirmed, one still needs
     * to), a GUIDANCE standard, and the ratified reading proposal adopted to take effect a year from now. The
     * safeguarding standard was reviewed and reaffirmed; the GUIDANCE standard is overdue for review.
     */
    private static List<Step> backbone() {
        List<Step> steps = new ArrayList<>();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        String safeguarding = "demo-proposal-safeguarding-log";
        steps.add(as("dsl-riverside", new DraftProposalCommand(safeguarding, "demo-team-safeguarding",
                ProposalKind.NEW_STANDARD, null, null, new ProposalContent("Safeguarding concerns are logged the same"
                + " day", Area.SAFEGUARDING, AlignmentLevel.REQUIRED, "Every safeguarding concern is logged in the"
                + " trust's safeguarding system on the day it is raised.", "One standard, because children move"
                + " between our schools and so must their records.", LocalDate.of(2026, 9, 1), null, null,
                AttestationCadence.TERMLY))));
        decide(steps, safeguarding, "dsl-riverside", List.of("dsl-riverside", "dsl-northfield", "dsl-willowbrook"));
        steps.add(as("exec", new AdoptProposalCommand(safeguarding, null, LocalDate.of(2027, 8, 31),
                SAFEGUARDING_STANDARD)));
        steps.add(as("head-willowbrook", new RequestExceptionCommand(SAFEGUARDING_STANDARD,
                "demo-variation-willowbrook-log", schoolId("willowbrook"), 1, "Concerns are logged within 24 hours",
                "Our move from paper records to the trust's system finishes this term; until then the designated"
                        + " lead transcribes each evening.", today.plusMonths(4))));
        steps.add(as("exec", new ApproveExceptionCommand(SAFEGUARDING_STANDARD, "demo-variation-willowbrook-log",
                "Approved until the migration is done")));
        // reviewed early, after the trust's safeguarding audit, and kept as it is for another year
        steps.add(as("exec", new ReaffirmStandardCommand(SAFEGUARDING_STANDARD, "The autumn safeguarding audit"
                + " found concerns logged the same day in every school but Willowbrook, whose exception covers its"
                + " move to the trust's system: the standard works as written.", today.plusYears(1))));

        String history = "demo-proposal-ks2-history";
        steps.add(as("member3", new DraftProposalCommand(history, "demo-team-english", ProposalKind.NEW_STANDARD,
                null, null, new ProposalContent("A chronological Key Stage 2 history sequence", Area.CURRICULUM,
                AlignmentLevel.ADAPTABLE, "Key Stage 2 history is taught in chronological order: Stone Age,"
                + " Romans, Anglo-Saxons, Vikings; each school chooses the year groups and says why.",
                "A shared order helps pupils who move schools; year groups fit each school's mixed-age classes.",
                LocalDate.of(2026, 9, 1), null, KEY_STAGE_2))));
        decide(steps, history, "chair", List.of("chair", "member1", "member2", "member3"));
        steps.add(as("exec", new AdoptProposalCommand(history, null, null, HISTORY_STANDARD)));
        steps.add(as("head", new RecordImplementationCommand(HISTORY_STANDARD, "demo-variation-oakwood-history",
                schoolId("oakwood"), 1, "Romans in Year 3, Anglo-Saxons and Vikings in Year 4",
                "Year 3 visits the Roman fort nearby; starting there gives the sequence a local anchor.",
                today.plusYears(2))));
        steps.add(as("head-meadowbank", new RecordImplementationCommand(HISTORY_STANDARD,
                "demo-variation-meadowbank-history", schoolId("meadowbank"), 1, "Romans in Year 5",
                "Mixed Year 4/5 classes: the Romans come in the cycle's second year, with the museum loan box.",
                today.plusYears(2))));

        String amendment = "demo-proposal-ks2-history-local";
        steps.add(as("member3", new DraftProposalCommand(amendment, "demo-team-english",
                ProposalKind.AMEND_STANDARD, HISTORY_STANDARD, 1, new ProposalContent("A chronological Key Stage 2"
                + " history sequence, with a local study", Area.CURRICULUM, AlignmentLevel.ADAPTABLE, "Key Stage 2"
                + " history is taught in chronological order, and each school adds one local history study;"
                + " each school chooses the year groups and says why.", null, LocalDate.of(2026, 11, 2), null))));
        decide(steps, amendment, "chair", List.of("chair", "member1", "member2", "member3"));
        steps.add(as("exec", new AdoptProposalCommand(amendment, null, null, null)));
        steps.add(as("head", new ReaffirmVariationCommand(HISTORY_STANDARD, "demo-variation-oakwood-history", 2,
                "The local study is the Roman fort itself, in Year 3.", null)));

        String passport = "demo-proposal-send-passport";
        steps.add(as("sendco-willowbrook", new DraftProposalCommand(passport, "demo-team-send",
                ProposalKind.NEW_STANDARD, null, null, new ProposalContent("Pupil passports for pupils with SEND",
                Area.SEND, AlignmentLevel.GUIDANCE, "Schools are encouraged to keep a pupil passport, written with"
                + " the pupil, for each pupil on the SEND register.", "Good practice in three of our schools",
                LocalDate.of(2026, 10, 1), null))));
        decide(steps, passport, "sendco-meadowbank", List.of("sendco-meadowbank", "sendco-willowbrook",
                "sendco-riverside"));
        // in force for more than a year, and its review date has passed with nobody acting on it: overdue
        steps.add(as("exec", new AdoptProposalCommand(passport, today.minusMonths(13), today.minusDays(21),
                PASSPORT_STANDARD)));

        steps.add(as("exec", new AdoptProposalCommand("demo-proposal-ks3-reading",
                today.plusYears(1).withDayOfMonth(1), null, READING_STANDARD)));
        steps.addAll(attestations(today));
        return steps;
    }

    /**
     * Attestations and quality assurance: the safeguarding log is attested each term (Oakwood's attestation confirmed
     * by a QA visit, Meadowbank's challenged with actions; Willowbrook has its exception); the single central record,
     * in force since a year before the demo was loaded, is attested by Oakwood only, so the other schools' are
     * OVERDUE whatever the day the demo is loaded.
     */
    private static List<Step> attestations(LocalDate today) {
        List<Step> steps = new ArrayList<>();
        String record = "demo-proposal-single-central-record";
        steps.add(as("dsl-riverside", new DraftProposalCommand(record, "demo-team-safeguarding",
                ProposalKind.NEW_STANDARD, null, null, new ProposalContent("The single central record is checked"
                + " each term", Area.SAFEGUARDING, AlignmentLevel.REQUIRED, "The headteacher and a governor check the"
                + " school's single central record of staff checks each term and sign it off.", "Ofsted looks at it"
                + " first; a trust of several schools must know each one is complete.", today.minusYears(1), null,
                null, AttestationCadence.TERMLY))));
        decide(steps, record, "dsl-riverside", List.of("dsl-riverside", "dsl-northfield", "dsl-willowbrook"));
        steps.add(as("exec", new AdoptProposalCommand(record, null, null, RECORD_STANDARD)));

        steps.add(as("head", new AttestCommand("demo-attestation-oakwood-log", TRUST, schoolId("oakwood"),
                SAFEGUARDING_STANDARD, 1, "Every concern this term was logged in the trust's system on the day;"
                + " the designated lead checks the log each Friday.", List.of("Safeguarding log audit, autumn term",
                "https://oakwood.example/policies/safeguarding.pdf"))));
        steps.add(as("exec", new RecordQaFindingCommand("demo-attestation-oakwood-log", QaOutcome.CONFIRMED,
                "Sampled ten concerns: each logged the same day.", null, null, today)));
        steps.add(as("head-meadowbank", new AttestCommand("demo-attestation-meadowbank-log", TRUST,
                schoolId("meadowbank"), SAFEGUARDING_STANDARD, 1, "Concerns are logged on the day they are raised.",
                List.of("Designated lead's termly report"))));
        steps.add(as("exec", new RecordQaFindingCommand("demo-attestation-meadowbank-log", QaOutcome.CHALLENGED,
                "Three concerns were found on paper, logged days later.", List.of("Log the three paper concerns in"
                + " the trust's system", "Train the two new members of staff in same-day logging"),
                today.plusWeeks(6), today)));
        steps.add(as("head", new AttestCommand("demo-attestation-oakwood-record", TRUST, schoolId("oakwood"),
                RECORD_STANDARD, 1, "Checked and signed off with the safeguarding governor this term.",
                List.of("Single central record sign-off sheet"))));
        return steps;
    }

    /**
     * The trust's decision-rights map, drawn from what the trust already does: safeguarding and finance at trust
     * level, curriculum sequencing at school level within the trust's curriculum standards, SEND practice at cluster
     * level; then the town's primaries adopt their first cluster standard, by their lead, from the SENDCos.
     */
    private static List<Step> decisionRights() {
        List<Step> steps = new ArrayList<>();
        steps.add(as("exec", new ChangeDecisionRightsCommand(TRUST, List.of(
                new DecisionRight(Area.SAFEGUARDING, null, DecisionLevel.TRUST, "demo-team-safeguarding",
                        "Non-negotiable: every school logs and acts on concerns the same way."),
                new DecisionRight(Area.FINANCE, null, DecisionLevel.TRUST, null,
                        "One finance system and one set of controls, run by the trust."),
                new DecisionRight(Area.CURRICULUM, null, DecisionLevel.TRUST, "demo-team-english",
                        "The curriculum spine: what is taught in each key stage."),
                new DecisionRight(Area.CURRICULUM, "sequencing", DecisionLevel.SCHOOL, null,
                        "Each school sequences its curriculum within the trust's curriculum standards."),
                new DecisionRight(Area.ASSESSMENT, null, DecisionLevel.TRUST, "demo-team-english",
                        "One assessment calendar and one way of reporting to families."),
                new DecisionRight(Area.SEND, null, DecisionLevel.CLUSTER, "demo-team-send",
                        "SEND practice is agreed in each cluster, led by its lead with the SENDCos."),
                new DecisionRight(Area.CPD, null, DecisionLevel.CLUSTER, null, "Shared training days per cluster."),
                new DecisionRight(Area.BEHAVIOUR, null, DecisionLevel.SCHOOL, null,
                        "Each school's own behaviour policy, within the trust's safeguarding standards."),
                new DecisionRight(Area.PERSONAL_DEVELOPMENT, null, DecisionLevel.SCHOOL, null, null),
                new DecisionRight(Area.DATA_PROTECTION, null, DecisionLevel.TRUST, null, null),
                new DecisionRight(Area.HR, null, DecisionLevel.TRUST, null, null),
                new DecisionRight(Area.GOVERNANCE, null, DecisionLevel.TRUST, null, null)),
                null, "Heads asked who decides what; this writes down what the trust already does, so that"
                + " SEND practice can differ between the town and the valley.")));

        String surgery = "demo-proposal-town-send-surgery";
        steps.add(as("sendco-meadowbank", new DraftProposalCommand(surgery, "demo-team-send",
                ProposalKind.NEW_STANDARD, null, null, new ProposalContent("A SEND surgery each half term in the"
                + " town's primaries", Area.SEND, AlignmentLevel.GUIDANCE, "The town's primaries hold a joint SEND"
                + " surgery for families each half term, hosted in turn.", "Families move between our two"
                + " primaries; one surgery serves them both", null, null))));
        decide(steps, surgery, "sendco-meadowbank", List.of("sendco-meadowbank", "sendco-willowbrook",
                "sendco-riverside"));
        steps.add(as("head", new AdoptProposalCommand(surgery, null, null, SURGERY_STANDARD, clusterId("town"))));
        return steps;
    }

    /**
     * Requests from schools, sent once the read models hold the teams (a request is routed by the teams' remits): one
     * that became a standard (Oakwood's head asked for a common approach to adaptive teaching for pupils with SEND,
     * two schools supported it, the SENDCos took it up, and the town's primaries adopted it as SEND practice is
     * decided by cluster) and one the executive declined (no team's remit covers estates).
     */
    static List<Step> requests() {
        List<Step> steps = new ArrayList<>();
        String adaptive = "demo-request-send-adaptive-teaching";
        steps.add(as("head", new RaiseRequestCommand(adaptive, TRUST, Area.SEND,
                "A common approach to adaptive teaching for pupils with SEND", "Each of our teachers adapts lessons"
                + " differently, and pupils who move between our schools lose what worked for them.", false)));
        steps.add(as("head-willowbrook", new SupportRequestCommand(adaptive, "We would use one framework in our"
                + " staff training from September.")));
        steps.add(as("head-meadowbank", new SupportRequestCommand(adaptive, "Families move between Meadowbank and"
                + " Oakwood; one approach would follow the pupil.")));
        String proposal = "demo-proposal-send-adaptive-teaching";
        steps.add(as("sendco-meadowbank", new TakeUpRequestCommand(adaptive, proposal, "demo-team-send",
                new ProposalContent(null, null, AlignmentLevel.ADAPTABLE, "Every class teacher plans adaptive"
                + " teaching for pupils with SEND from the trust's framework (scaffolds, pre-teaching, adapted"
                + " resources); each school says how it trains its staff in it.", "Asked for by Oakwood, Willowbrook"
                + " and Meadowbank: one approach follows the pupil between schools.", null, null))));
        decide(steps, proposal, "sendco-meadowbank", List.of("sendco-meadowbank", "sendco-willowbrook",
                "sendco-riverside"));
        steps.add(as("head", new AdoptProposalCommand(proposal, null, null, "demo-standard-send-adaptive-teaching",
                clusterId("town"))));

        String uniform = "demo-request-uniform-supplier";
        steps.add(as("member2", new RaiseRequestCommand(uniform, TRUST, Area.ESTATES, "One uniform supplier for"
                + " every school", "Families with children in two of our schools buy two uniforms from two"
                + " suppliers.", true)));
        steps.add(as("exec", new DeclineRequestCommand(uniform, "Uniform stays each school's choice; the trust's"
                + " procurement framework already lists suppliers that offer second-hand schemes.")));
        return steps;
    }

    /** Opens voting, has every voter approve, and closes it: a ratified proposal. */
    private static void decide(List<Step> steps, String proposalId, String chair, List<String> voters) {
        steps.add(as(chair, new OpenVotingCommand(proposalId, null)));
        voters.forEach(voter -> steps.add(as(voter, new CastVoteCommand(proposalId, VoteChoice.APPROVE, null))));
        steps.add(as(chair, new CloseVotingCommand(proposalId)));
    }

    private static Step as(String account, Object command) {
        return new Step(command, personId(account));
    }

    static String personId(String key) {
        return "demo-person-" + key;
    }

    static String clusterId(String key) {
        return "demo-cluster-" + key;
    }

    static String schoolId(String key) {
        return "demo-school-" + key;
    }

    private static void school(List<Object> commands, String key, String name, SchoolPhase phase) {
        commands.add(new RegisterSchoolCommand(TRUST, schoolId(key), name, phase));
    }

    private static void person(List<Object> commands, String key, String name, String schoolKey, PersonRole role) {
        commands.add(new RegisterPersonCommand(TRUST, personId(key), name, Set.of(role),
                schoolKey == null ? null : schoolId(schoolKey)));
    }
}
