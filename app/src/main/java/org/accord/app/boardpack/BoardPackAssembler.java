package org.accord.app.boardpack;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.accord.api.audit.DecisionLogFilter;
import org.accord.api.audit.DecisionLogPage;
import org.accord.api.audit.DecisionRecordView;
import org.accord.api.audit.FindDecisionLogQuery;
import org.accord.api.attestation.ComplianceEntryView;
import org.accord.api.attestation.ComplianceState;
import org.accord.api.attestation.FindComplianceQuery;
import org.accord.api.proposal.FindProposalQuery;
import org.accord.api.proposal.ProposalView;
import org.accord.api.peerreview.FindPeerReviewsQuery;
import org.accord.api.peerreview.PeerReviewPage;
import org.accord.api.peerreview.PeerReviewView;
import org.accord.api.review.FindReviewsDueQuery;
import org.accord.api.review.ReviewsDueView;
import org.accord.api.review.StandardReviewDue;
import org.accord.api.shared.Actor;
import org.accord.api.shared.DomainException;
import org.accord.api.trust.FindSchoolsQuery;
import org.accord.api.trust.FindTrustQuery;
import org.accord.api.trust.SchoolView;
import org.accord.api.trust.TrustView;
import org.accord.api.standard.FindStandardsQuery;
import org.accord.api.standard.StandardView;
import org.accord.api.variation.FindVariationQuery;
import org.accord.api.variation.FindVariationsQuery;
import org.accord.api.variation.VariationKind;
import org.accord.api.variation.VariationPage;
import org.accord.api.variation.VariationStatus;
import org.accord.api.variation.VariationView;
import org.accord.app.ledger.Checkpoint;
import org.accord.app.ledger.CheckpointText;
import org.accord.app.ledger.DecisionLogVerifier;
import org.accord.app.ledger.Verification;
import org.accord.app.person.PersonDirectory;
import org.accord.app.security.AccordUser;
import org.accord.app.shared.Queries;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Gathers a board pack from the read side, with the decision log's own query and its own rule for who may read it:
 * a caller of another trust is told the trust does not exist, as the API tells them. Where Accord keeps a verifiable
 * chain (the embedded mode), the whole record is checked first, from the store itself, and the pack says what that
 * found, with the newest signed checkpoint.
 */
@Component
public class BoardPackAssembler {

    private static final int PAGE = 100;

    private final Queries queries;
    private final PersonDirectory directory;
    private final ObjectProvider<DecisionLogVerifier> verifier;

    public BoardPackAssembler(Queries queries, PersonDirectory directory,
                              ObjectProvider<DecisionLogVerifier> verifier) {
        this.queries = queries;
        this.directory = directory;
        this.verifier = verifier;
    }

    public BoardPack assemble(AccordUser caller, String trustId, LocalDate from, LocalDate to) {
        if (trustId == null || trustId.isBlank()) {
            throw DomainException.badRequest("trustId is required");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw DomainException.badRequest("from (" + from + ") is after to (" + to + ")");
        }
        TrustView trust = caller != null && caller.mayRead(trustId)
                ? queries.one(new FindTrustQuery(trustId), TrustView.class) : null;
        if (trust == null) {
            throw DomainException.notFound("unknown trust '" + trustId + "'");
        }
        BoardPack.Integrity integrity = integrity(trustId);
        DecisionLogFilter filter = new DecisionLogFilter(null, null, null, null,
                from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1));

        List<DecisionRecordView> records = new ArrayList<>();
        String after = null;
        DecisionLogPage page;
        do {
            page = queries.one(new FindDecisionLogQuery(trustId, filter, PAGE, after), DecisionLogPage.class);
            page.records().stream().filter(r -> !BoardPack.NOT_DECISIONS.contains(r.type())).forEach(records::add);
            after = page.cursors().isEmpty() ? null : page.cursors().get(page.cursors().size() - 1);
        } while (page.hasNextPage() && after != null);

        Map<String, ProposalView> closedVotes = new HashMap<>();
        Set<String> people = new HashSet<>();
        for (DecisionRecordView r : records) {
            people.add(r.actorId());
            if ("VotingClosed".equals(r.type()) && r.subjectId() != null) {
                ProposalView proposal = closedVotes.computeIfAbsent(r.subjectId(),
                        id -> queries.one(new FindProposalQuery(id), ProposalView.class));
                if (proposal != null) {
                    proposal.votes().forEach(v -> people.add(v.voterId()));
                    proposal.votes().forEach(v -> people.addAll(v.castFor()));
                    proposal.recusals().forEach(v -> people.add(v.voterId()));
                }
            }
        }
        people.remove(Actor.SYSTEM);
        Map<String, String> names = directory.displayNames(people);

        Map<String, String> schools = schoolsOfVariations(records);
        List<BoardPack.Entry> entries = records.stream().map(r -> new BoardPack.Entry(r,
                Actor.SYSTEM.equals(r.actorId()) ? "Accord" : names.get(r.actorId()),
                "VotingClosed".equals(r.type()) ? votes(closedVotes.get(r.subjectId()), names) : List.of(),
                "variation".equals(r.subjectType()) ? schools.get(r.subjectId()) : null))
                .toList();
        return new BoardPack(trustId, trust.name(), from, to, Instant.now(), entries, integrity,
                standing(trustId, LocalDate.now(ZoneOffset.UTC)));
    }

    /** The exceptions in force and what is overdue today, each naming the school and the standard. */
    private BoardPack.Standing standing(String trustId, LocalDate today) {
        List<VariationView> open = new ArrayList<>();
        for (VariationStatus status : List.of(VariationStatus.APPROVED, VariationStatus.RECORDED)) {
            String after = null;
            VariationPage page;
            do {
                page = queries.one(new FindVariationsQuery(trustId, null, null, status, PAGE, after),
                        VariationPage.class);
                open.addAll(page.variations());
                after = page.cursors().isEmpty() ? null : page.cursors().get(page.cursors().size() - 1);
            } while (page.hasNextPage() && after != null);
        }
        Map<String, String> schools = new HashMap<>();
        List<String> schoolIds = open.stream().map(VariationView::schoolId).distinct().toList();
        if (!schoolIds.isEmpty()) {
            queries.list(new FindSchoolsQuery(schoolIds), SchoolView.class).forEach(s -> schools.put(s.id(), s.name()));
        }
        Map<String, StandardView> standards = new HashMap<>();
        List<String> standardIds = open.stream().map(VariationView::standardId).distinct().toList();
        if (!standardIds.isEmpty()) {
            queries.list(new FindStandardsQuery(standardIds), StandardView.class)
                    .forEach(s -> standards.put(s.id(), s));
        }
        java.util.function.Function<VariationView, String> what = v -> schools.getOrDefault(v.schoolId(), v.schoolId())
                + ": '" + (standards.containsKey(v.standardId()) ? standards.get(v.standardId()).title()
                : v.standardId()) + "' (version " + v.version() + ")";
        List<String> exceptions = open.stream()
                .filter(v -> v.kind() == VariationKind.EXCEPTION && v.status() == VariationStatus.APPROVED)
                .filter(v -> v.until() == null || !v.until().isBefore(today))
                .map(v -> what.apply(v) + (v.until() == null ? "" : ", expires " + v.until())).sorted().toList();
        List<String> overdue = new ArrayList<>();
        for (VariationView v : open) {
            if (v.until() != null && v.until().isBefore(today)) {
                overdue.add(what.apply(v) + ": " + (v.kind() == VariationKind.EXCEPTION ? "exception expired on "
                        : "implementation due for review on ") + v.until());
            }
            StandardView standard = standards.get(v.standardId());
            if (standard != null && standard.retiredOn() == null && standard.currentVersion() > v.version()) {
                overdue.add(what.apply(v) + ": " + (v.kind() == VariationKind.EXCEPTION ? "exception" : "implementation")
                        + " not yet re-justified against version " + standard.currentVersion());
            }
        }
        // standards whose review date has passed with no review recorded (reaffirmed, amended or retired)
        ReviewsDueView reviews = queries.one(new FindReviewsDueQuery(trustId, today, 0), ReviewsDueView.class);
        reviews.standards().stream().filter(StandardReviewDue::overdue)
                .forEach(d -> overdue.add("Standard '" + d.title() + "' (version " + d.version()
                        + "): review overdue since " + d.reviewBy()
                        + (d.openProposalIds().isEmpty() ? "" : ", a proposal raised from its review is in hand")));
        overdue.addAll(overduePeerReviewActions(trustId, today));
        java.util.Collections.sort(overdue);
        List<ComplianceEntryView> compliance = queries.list(new FindComplianceQuery(trustId, null, today, null),
                ComplianceEntryView.class);
        return new BoardPack.Standing(today, exceptions, overdue,
                attestations(compliance, ComplianceState.OVERDUE), attestations(compliance, ComplianceState.CHALLENGED));
    }

    /** The compliance view's cells in one state, in words naming the school and the standard. */
    private List<String> attestations(List<ComplianceEntryView> compliance, ComplianceState state) {
        List<ComplianceEntryView> cells = compliance.stream().filter(e -> e.state() == state).toList();
        if (cells.isEmpty()) {
            return List.of();
        }
        Map<String, String> schools = new HashMap<>();
        queries.list(new FindSchoolsQuery(cells.stream().map(ComplianceEntryView::schoolId).distinct().toList()),
                SchoolView.class).forEach(s -> schools.put(s.id(), s.name()));
        Map<String, String> standards = new HashMap<>();
        queries.list(new FindStandardsQuery(cells.stream().map(ComplianceEntryView::standardId).distinct().toList()),
                StandardView.class).forEach(s -> standards.put(s.id(), s.title()));
        return cells.stream().map(e -> {
            String what = schools.getOrDefault(e.schoolId(), e.schoolId()) + ": '"
                    + standards.getOrDefault(e.standardId(), e.standardId()) + "' (version " + e.version() + "): ";
            if (state == ComplianceState.OVERDUE) {
                return what + "attestation overdue (" + e.cadence().name().toLowerCase(java.util.Locale.ROOT)
                        + "; the last period passed without one)";
            }
            var finding = e.attestation() == null ? null : e.attestation().latestFinding();
            return what + "attestation challenged" + (finding == null ? "" : " on " + finding.visitedOn()
                    + ": " + String.join("; ", finding.actions()) + "; follow-up by " + finding.followUpBy());
        }).sorted().toList();
    }

    /**
     * Actions agreed in peer reviews, past their date and not completed: which review and which date, never the
     * action's words, as anyone of the trust reads the pack and a review is the two schools' (see PeerReviewController).
     */
    private List<String> overduePeerReviewActions(String trustId, LocalDate today) {
        List<String> lines = new ArrayList<>();
        String after = null;
        PeerReviewPage page;
        do {
            page = queries.one(new FindPeerReviewsQuery(trustId, null, PAGE, after), PeerReviewPage.class);
            for (PeerReviewView review : page.peerReviews()) {
                String reviewed = queries.list(new FindSchoolsQuery(List.of(review.reviewedSchoolId())),
                        SchoolView.class).stream().map(SchoolView::name).findFirst().orElse(review.reviewedSchoolId());
                review.actions().stream()
                        .filter(a -> !a.progress().isDone() && a.dueBy().isBefore(today))
                        .forEach(a -> lines.add("Peer review of " + reviewed + " on " + review.reviewedOn()
                                + ": an agreed action due " + a.dueBy() + " is " + a.progress()));
            }
            after = page.cursors().isEmpty() ? null : page.cursors().get(page.cursors().size() - 1);
        } while (page.hasNextPage() && after != null);
        return lines;
    }

    /** The whole record checked now; null where no chain is kept. */
    private BoardPack.Integrity integrity(String trustId) {
        DecisionLogVerifier chain = verifier.getIfAvailable();
        if (chain == null) {
            return null;
        }
        Instant checkedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Verification verification = chain.verify(trustId);
        Optional<Checkpoint> newest = chain.newestCheckpoint(trustId);
        Verification.Problem problem = verification.firstProblem();
        return new BoardPack.Integrity(checkedAt, verification.intact(), verification.checkedEvents(),
                problem == null ? null : problem.kind() + " at position " + problem.position() + ": "
                        + problem.detail(), chain.quarantined(trustId),
                newest.map(CheckpointText::forBoardPack).orElse(null), newest.map(Checkpoint::position).orElse(0L));
    }

    /** The name of the school of each variation the records are about, by variation id. */
    private Map<String, String> schoolsOfVariations(List<DecisionRecordView> records) {
        Map<String, String> schoolOfVariation = new HashMap<>();
        for (DecisionRecordView r : records) {
            if ("variation".equals(r.subjectType()) && r.subjectId() != null
                    && !schoolOfVariation.containsKey(r.subjectId())) {
                VariationView variation = queries.one(new FindVariationQuery(r.subjectId()), VariationView.class);
                schoolOfVariation.put(r.subjectId(), variation == null ? null : variation.schoolId());
            }
        }
        List<String> schoolIds = schoolOfVariation.values().stream().filter(java.util.Objects::nonNull).distinct()
                .toList();
        Map<String, String> names = new HashMap<>();
        if (!schoolIds.isEmpty()) {
            queries.list(new FindSchoolsQuery(schoolIds), SchoolView.class).forEach(s -> names.put(s.id(), s.name()));
        }
        Map<String, String> schools = new HashMap<>();
        schoolOfVariation.forEach((variation, school) -> {
            if (school != null) {
                schools.put(variation, names.getOrDefault(school, school));
            }
        });
        return schools;
    }

    private static List<BoardPack.VoteLine> votes(ProposalView proposal, Map<String, String> names) {
        if (proposal == null) {
            return List.of();
        }
        List<BoardPack.VoteLine> lines = new ArrayList<>();
        proposal.votes().forEach(v -> lines.add(new BoardPack.VoteLine(v.voterId(), names.get(v.voterId()),
                v.choice().name(), v.rationale())));
        // a delegated vote counted as the delegator's: a line of its own, saying who cast it
        proposal.votes().forEach(v -> v.castFor().forEach(delegator -> lines.add(new BoardPack.VoteLine(delegator,
                names.get(delegator), v.choice().name(), "cast for them by their delegate "
                + (names.get(v.voterId()) != null ? names.get(v.voterId()) : v.voterId())))));
        proposal.recusals().forEach(r -> lines.add(new BoardPack.VoteLine(r.voterId(), names.get(r.voterId()),
                "RECUSED", r.interest())));
        return lines;
    }
}
