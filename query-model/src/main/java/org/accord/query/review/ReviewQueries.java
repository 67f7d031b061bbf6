package org.accord.query.review;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.accord.api.proposal.ProposalKind;
import org.accord.api.review.FindReviewsDueQuery;
import org.accord.api.review.FindReviewsFallenDueQuery;
import org.accord.api.review.StandardReviewFellDueEvent;
import org.accord.api.review.FindStandardReviewsQuery;
import org.accord.api.review.ReviewOutcome;
import org.accord.api.review.ReviewsDueView;
import org.accord.api.review.StandardReviewDue;
import org.accord.api.review.StandardReviewView;
import org.accord.api.review.StandardReviewsView;
import org.accord.api.variation.VariationView;
import org.accord.query.shared.ReadModelStore;
import org.accord.query.standard.StandardDocument;
import org.accord.query.trust.TrustDocument;
import org.accord.query.variation.VariationDocument;
import org.accord.query.variation.VariationDueDocument;
import org.accord.query.variation.VariationQueries;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

@Component
public class ReviewQueries {

    private final ReadModelStore store;
    private final VariationQueries variations;

    public ReviewQueries(ReadModelStore store, VariationQueries variations) {
        this.store = store;
        this.variations = variations;
    }

    @QueryHandler
    public StandardReviewsView handle(FindStandardReviewsQuery query) {
        StandardReviewDocument d = store.findById(StandardReviewDocument.class, query.standardId());
        StandardDocument standard = store.findById(StandardDocument.class, query.standardId());
        StandardReviewDue due = standard == null || standard.retiredOn() != null || standard.versions().isEmpty()
                ? null : due(standard, d, LocalDate.MIN);
        List<StandardReviewView> reviews = d == null ? List.of() : d.reviews().stream()
                .sorted(Comparator.comparing(StandardReviewDocument.Entry::at))
                .map(e -> view(query.standardId(), e))
                .toList();
        return new StandardReviewsView(query.standardId(), due == null ? null : due.reviewBy(), reviews);
    }

    /**
     * A standard's review date is its latest version's, unless a reaffirmation of that version set a later one; a
     * standard retired (even from a later date) is left out, as there is nothing to review. Variations come from
     * the dates the expiry check already keeps, narrowed to the trust.
     */
    @QueryHandler
    public ReviewsDueView handle(FindReviewsDueQuery query) {
        LocalDate until = query.asOf().plusDays(query.withinDays());
        TrustDocument trust = store.findById(TrustDocument.class, query.trustId());
        List<StandardDocument> standards = trust == null ? List.of()
                : store.findByIds(StandardDocument.class, trust.standardIds(), StandardDocument::id);
        Map<String, StandardReviewDocument> reviews = trust == null ? Map.of()
                : store.findByIds(StandardReviewDocument.class, trust.standardIds(), StandardReviewDocument::id)
                .stream().collect(Collectors.toMap(StandardReviewDocument::id, Function.identity()));
        List<StandardReviewDue> dueStandards = standards.stream()
                .filter(s -> s.retiredOn() == null && !s.versions().isEmpty())
                .map(s -> due(s, reviews.get(s.id()), query.asOf()))
                .filter(d -> d != null && !d.reviewBy().isAfter(until))
                .sorted(Comparator.comparing(StandardReviewDue::reviewBy).thenComparing(StandardReviewDue::title))
                .toList();
        List<VariationDueDocument> dated = store.findDue(VariationDueDocument.class, "until", until);
        List<VariationDocument> found = store.findByIds(VariationDocument.class,
                dated.stream().map(VariationDueDocument::variationId).toList(), VariationDocument::id);
        List<VariationView> dueVariations = variations.views(found.stream()
                        .filter(v -> query.trustId().equals(v.trustId()) && v.status() != null && v.status().isOpen()
                                && v.until() != null)
                        .toList()).stream()
                .sorted(Comparator.comparing(VariationView::until))
                .toList();
        return new ReviewsDueView(query.trustId(), query.asOf(), until, dueStandards, dueVariations);
    }

    /**
     * The standards of every trust (the trusts are few) whose review date is within the notice window, less those
     * already recorded as fallen due for that date. The same reckoning as the reviews list.
     */
    @QueryHandler
    public List<String> handle(FindReviewsFallenDueQuery query) {
        List<String> due = new java.util.ArrayList<>();
        for (TrustDocument trust : store.findAll(TrustDocument.class)) {
            if (trust.standardIds() == null || trust.standardIds().isEmpty()) {
                continue;
            }
            List<StandardReviewDue> window = handle(new FindReviewsDueQuery(trust.id(), query.today(),
                    StandardReviewFellDueEvent.NOTICE_DAYS)).standards();
            Map<String, LocalDate> noticed = store.findByIds(ReviewDueNoticeDocument.class,
                            window.stream().map(StandardReviewDue::standardId).toList(),
                            ReviewDueNoticeDocument::standardId).stream()
                    .filter(n -> n.reviewBy() != null)
                    .collect(Collectors.toMap(ReviewDueNoticeDocument::standardId, ReviewDueNoticeDocument::reviewBy));
            window.stream().filter(s -> !s.reviewBy().equals(noticed.get(s.standardId())))
                    .map(StandardReviewDue::standardId).forEach(due::add);
        }
        return due;
    }

    /** When the standard is next reviewed, and what its reviews since its latest version have raised. */
    static StandardReviewDue due(StandardDocument s, StandardReviewDocument reviews, LocalDate asOf) {
        StandardDocument.VersionEntry latest = s.versions().stream()
                .max(Comparator.comparingInt(StandardDocument.VersionEntry::number)).orElseThrow();
        List<StandardReviewDocument.Entry> ofLatest = reviews == null ? List.of() : reviews.reviews().stream()
                .filter(e -> e.version() == latest.number())
                .sorted(Comparator.comparing(StandardReviewDocument.Entry::at))
                .toList();
        LocalDate reviewBy = ofLatest.stream().filter(e -> e.kind() == null)
                .reduce((first, second) -> second)
                .map(StandardReviewDocument.Entry::nextReviewBy)
                .orElse(latest.reviewBy());
        if (reviewBy == null) {
            return null;
        }
        List<String> raised = ofLatest.stream().filter(e -> e.proposalId() != null)
                .map(StandardReviewDocument.Entry::proposalId).toList();
        return new StandardReviewDue(s.id(), latest.title(), latest.area(), latest.number(), reviewBy,
                reviewBy.isBefore(asOf), s.clusterId(), raised);
    }

    static StandardReviewView view(String standardId, StandardReviewDocument.Entry e) {
        ReviewOutcome outcome = e.kind() == null ? ReviewOutcome.REAFFIRMED
                : e.kind() == ProposalKind.RETIRE_STANDARD ? ReviewOutcome.RETIREMENT_PROPOSED
                : ReviewOutcome.AMENDMENT_PROPOSED;
        return new StandardReviewView(standardId, e.version(), outcome, e.rationale(), e.dueOn(), e.nextReviewBy(),
                e.proposalId(), e.teamId(), e.by(), e.at());
    }
}
