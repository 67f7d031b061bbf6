package org.accord.app.home;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.accord.api.attestation.ComplianceEntryView;
import org.accord.api.attestation.ComplianceState;
import org.accord.api.attestation.FindComplianceQuery;
import org.accord.api.proposal.FindProposalsQuery;
import org.accord.api.proposal.ProposalPage;
import org.accord.api.proposal.ProposalStatus;
import org.accord.api.proposal.ProposalView;
import org.accord.api.shared.DomainException;
import org.accord.api.standard.FindStandardsQuery;
import org.accord.api.standard.StandardView;
import org.accord.api.trust.FindPeopleQuery;
import org.accord.api.trust.FindTrustQuery;
import org.accord.api.trust.PersonRole;
import org.accord.api.trust.PersonView;
import org.accord.api.trust.TrustView;
import org.accord.api.variation.FindVariationsQuery;
import org.accord.api.variation.VariationKind;
import org.accord.api.variation.VariationPage;
import org.accord.api.variation.VariationStatus;
import org.accord.api.variation.VariationView;
import org.accord.app.attestation.ComplianceCell;
import org.accord.app.security.AccordUser;
import org.accord.app.shared.DomainClock;
import org.accord.app.shared.Queries;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/**
 * The home page's question, "what needs me now?", answered from the read models the other queries use. It takes no
 * person: it is always the caller's own work, so nobody can ask what another person has left undone. Who may do
 * each piece of work follows the aggregates' rules (eligible voters vote; the trust executive decides exceptions;
 * the school's headteacher re-affirms), which still decide when the work is done.
 */
@Controller
public class MyWorkController {

    static final int MAX_DAYS_AHEAD = 366;
    private static final int PAGE = 100;

    private static final java.util.Set<ComplianceState> ATTESTATION_WORK =
            java.util.EnumSet.of(ComplianceState.DUE, ComplianceState.OVERDUE, ComplianceState.CHALLENGED);

    private final Queries queries;

    public MyWorkController(Queries queries) {
        this.queries = queries;
    }

    @QueryMapping
    public MyWork myWork(@Argument Integer dueWithinDays, @AuthenticationPrincipal AccordUser caller) {
        int days = dueWithinDays == null ? 30 : dueWithinDays;
        if (days < 0 || days > MAX_DAYS_AHEAD) {
            throw DomainException.badRequest("dueWithinDays must be from 0 to " + MAX_DAYS_AHEAD + ", not " + days);
        }
        LocalDate today = DomainClock.today();
        LocalDate horizon = today.plusDays(days);
        PersonView me = queries.first(new FindPeopleQuery(List.of(caller.personId())), PersonView.class);
        if (me == null || !caller.mayRead(me.trustId())) {
            // a caller no trust has registered (a service account) has no work of its own
            return new MyWork(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), today);
        }
        boolean executive = me.roles().contains(PersonRole.TRUST_EXECUTIVE);
        boolean head = me.roles().contains(PersonRole.HEADTEACHER) && me.schoolId() != null;

        List<ProposalView> votes = proposals(me.trustId(), ProposalStatus.VOTING).stream()
                .filter(p -> p.eligibleVoters().contains(me.id()) && !hadTheirSay(p, me.id()))
                .sorted(Comparator.comparing(ProposalView::closesAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();

        // in an area the decision-rights map leaves to clusters a cluster's lead adopts; the executive still sees
        // every ratified proposal of the trust, which is theirs to follow up
        List<ProposalView> adopt = executive ? proposals(me.trustId(), ProposalStatus.RATIFIED) : List.of();

        List<VariationView> requested = executive
                ? variations(me.trustId(), null, VariationStatus.REQUESTED).stream()
                        .filter(v -> v.kind() == VariationKind.EXCEPTION).toList()
                : List.of();

        List<VariationView> school = head ? variations(me.trustId(), me.schoolId(), null) : List.of();
        List<VariationView> reaffirm = school.stream()
                .filter(v -> v.status().isOpen() && v.needsRejustification()).toList();
        List<VariationView> due = school.stream()
                .filter(v -> v.status().isOpen() && v.until() != null && !v.until().isAfter(horizon))
                .sorted(Comparator.comparing(VariationView::until)).toList();

        List<StandardView> review = executive ? standardsDue(me.trustId(), horizon) : List.of();
        // the head attests for the school: what the compliance view says is owed now or stands challenged by a visit
        List<ComplianceEntryView> attest = head ? queries.list(new FindComplianceQuery(me.trustId(), me.schoolId(),
                        today, null), ComplianceEntryView.class).stream()
                .filter(e -> ATTESTATION_WORK.contains(e.state()))
                .sorted(Comparator.comparing((ComplianceEntryView e) -> e.state() != ComplianceState.OVERDUE)
                        .thenComparing(e -> e.dueBy(), Comparator.nullsLast(Comparator.naturalOrder())))
                .toList() : List.of();
        return new MyWork(votes, adopt, requested, reaffirm, due, review, ComplianceCell.of(attest, queries), today);
    }

    /** A vote, a recusal or a delegate's vote for them: the voter has had their say. */
    private static boolean hadTheirSay(ProposalView p, String personId) {
        return p.votes().stream().anyMatch(v -> v.voterId().equals(personId)
                || (v.castFor() != null && v.castFor().contains(personId)))
                || p.recusals().stream().anyMatch(r -> r.voterId().equals(personId));
    }

    private List<StandardView> standardsDue(String trustId, LocalDate horizon) {
        TrustView trust = queries.one(new FindTrustQuery(trustId), TrustView.class);
        if (trust == null) {
            return List.of();
        }
        return queries.list(new FindStandardsQuery(trust.standardIds()), StandardView.class).stream()
                .filter(s -> s.retiredOn() == null && s.current().reviewBy() != null
                        && !s.current().reviewBy().isAfter(horizon))
                .sorted(Comparator.comparing(s -> s.current().reviewBy()))
                .toList();
    }

    private List<ProposalView> proposals(String trustId, ProposalStatus status) {
        return all(after -> {
            ProposalPage page = queries.one(new FindProposalsQuery(trustId, status, null, PAGE, after),
                    ProposalPage.class);
            return new Page<>(page.proposals(), page.cursors(), page.hasNextPage());
        });
    }

    private List<VariationView> variations(String trustId, String schoolId, VariationStatus status) {
        return all(after -> {
            VariationPage page = queries.one(new FindVariationsQuery(trustId, schoolId, null, status, PAGE, after),
                    VariationPage.class);
            return new Page<>(page.variations(), page.cursors(), page.hasNextPage());
        });
    }

    private record Page<T>(List<T> items, List<String> cursors, boolean hasNextPage) {
    }

    /** Every page of a read, in order. */
    private static <T> List<T> all(Function<String, Page<T>> read) {
        List<T> out = new ArrayList<>();
        String after = null;
        while (true) {
            Page<T> page = read.apply(after);
            out.addAll(page.items());
            if (!page.hasNextPage() || page.cursors().isEmpty()) {
                return out;
            }
            after = page.cursors().get(page.cursors().size() - 1);
        }
    }
}
