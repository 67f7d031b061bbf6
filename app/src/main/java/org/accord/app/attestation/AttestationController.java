package org.accord.app.attestation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.accord.api.attestation.AttestCommand;
import org.accord.api.attestation.AttestationView;
import org.accord.api.attestation.ComplianceEntryView;
import org.accord.api.attestation.CompliancePage;
import org.accord.api.attestation.ComplianceState;
import org.accord.api.attestation.FindAttestationQuery;
import org.accord.api.attestation.FindCompliancePageQuery;
import org.accord.api.attestation.FindComplianceQuery;
import org.accord.api.attestation.QaFindingView;
import org.accord.api.attestation.RecordQaFindingCommand;
import org.accord.api.proposal.ProposalView;
import org.accord.api.review.ReviewsDueView;
import org.accord.api.shared.DomainException;
import org.accord.api.standard.AttestationCadence;
import org.accord.api.standard.FindStandardsQuery;
import org.accord.api.standard.StandardVersionView;
import org.accord.api.standard.StandardView;
import org.accord.api.trust.FindPeopleQuery;
import org.accord.api.trust.FindSchoolsQuery;
import org.accord.api.trust.PersonView;
import org.accord.api.trust.SchoolView;
import org.accord.app.security.AccordUser;
import org.accord.app.shared.Check;
import org.accord.app.shared.Commands;
import org.accord.app.shared.Connection;
import org.accord.app.shared.Ids;
import org.accord.app.shared.Queries;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/** Attestations, quality-assurance findings and the compliance view. */
@Controller
public class AttestationController {

    private static final Set<ComplianceState> OWED = Set.of(ComplianceState.DUE, ComplianceState.OVERDUE,
            ComplianceState.CHALLENGED);

    static final int MAX_COMPLIANCE_PAGE = 500;

    private final Commands commands;
    private final Queries queries;

    public AttestationController(Commands commands, Queries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @QueryMapping
    public AttestationView attestation(@Argument String id, @AuthenticationPrincipal AccordUser caller) {
        AttestationView attestation = find(id);
        return attestation != null && caller.mayRead(attestation.trustId()) ? attestation : null;
    }

    /** Readable by whoever may read the trust (its people and its board); anyone else sees an empty view. */
    @QueryMapping
    public List<ComplianceCell> compliance(@Argument String trustId, @Argument String schoolId,
                                           @Argument String standardId, @Argument List<ComplianceState> states,
                                           @Argument LocalDate asOf, @Argument Instant knownAt,
                                           @AuthenticationPrincipal AccordUser caller) {
        if (!caller.mayRead(trustId)) {
            return List.of();
        }
        List<ComplianceEntryView> entries = entries(trustId, schoolId, asOf, knownAt).stream()
                .filter(e -> standardId == null || e.standardId().equals(standardId))
                .filter(e -> states == null || states.isEmpty() || states.contains(e.state()))
                .toList();
        return ComplianceCell.of(entries, queries);
    }

    /**
     * The compliance view a page at a time (API.md: lists that grow without bound are connections): a trust of 50
     * schools and 500 standards is 25,000 cells, too many for one answer. Pages are larger than other lists' (up to
     * {@value #MAX_COMPLIANCE_PAGE}) so a school's whole row fits in one.
     */
    @QueryMapping
    public Connection<ComplianceCell> complianceEntries(@Argument String trustId, @Argument String schoolId,
                                                             @Argument List<ComplianceState> states,
                                                             @Argument LocalDate asOf, @Argument Instant knownAt,
                                                             @Argument Integer first, @Argument String after,
                                                             @AuthenticationPrincipal AccordUser caller) {
        int size = first == null ? Check.DEFAULT_PAGE_SIZE : first;
        if (size < 1 || size > MAX_COMPLIANCE_PAGE) {
            throw DomainException.badRequest("first must be from 1 to " + MAX_COMPLIANCE_PAGE + ", was " + size);
        }
        if (!caller.mayRead(trustId)) {
            return Connection.empty();
        }
        CompliancePage page = queries.one(new FindCompliancePageQuery(trustId, schoolId,
                states == null ? Set.of() : Set.copyOf(states), asOf, knownAt, size, after), CompliancePage.class);
        return Connection.of(ComplianceCell.of(page.entries(), queries), page.cursors(), page.hasNextPage());
    }

    /** The board's page: the whole view compactly, and its counts from the same computation. */
    @QueryMapping
    public ComplianceGrid complianceGrid(@Argument String trustId, @Argument LocalDate asOf, @Argument Instant knownAt,
                                         @AuthenticationPrincipal AccordUser caller) {
        if (!caller.mayRead(trustId)) {
            return ComplianceGrid.empty();
        }
        List<ComplianceEntryView> entries = entries(trustId, null, asOf, knownAt);
        Map<String, SchoolView> schools = new HashMap<>();
        queries.list(new FindSchoolsQuery(entries.stream().map(ComplianceEntryView::schoolId).distinct().toList()),
                SchoolView.class).forEach(school -> schools.put(school.id(), school));
        Map<String, StandardView> standards = new HashMap<>();
        queries.list(new FindStandardsQuery(entries.stream().map(ComplianceEntryView::standardId).distinct().toList()),
                StandardView.class).forEach(standard -> standards.put(standard.id(), standard));
        return ComplianceGrid.of(entries, schools, standards);
    }

    @QueryMapping
    public ComplianceSummary complianceSummary(@Argument String trustId, @Argument LocalDate asOf,
                                               @Argument Instant knownAt,
                                               @AuthenticationPrincipal AccordUser caller) {
        return ComplianceSummary.of(caller.mayRead(trustId) ? entries(trustId, null, asOf, knownAt) : List.of());
    }

    @MutationMapping
    public AttestPayload attest(@Argument AttestInput input, @AuthenticationPrincipal AccordUser caller) {
        SchoolView school = input.schoolId() == null ? null
                : queries.first(new FindSchoolsQuery(List.of(input.schoolId())), SchoolView.class);
        if (school == null || !caller.mayRead(school.trustId())) {
            throw DomainException.notFound("unknown school '" + input.schoolId() + "'");
        }
        String id = commands.send(new AttestCommand(Ids.next(), school.trustId(), input.schoolId(),
                        input.standardId(), input.version(), input.statement(), input.evidence()),
                caller.personId(), input.clientMutationId(), input);
        return new AttestPayload(input.clientMutationId(), find(id));
    }

    @MutationMapping
    public RecordQaFindingPayload recordQaFinding(@Argument RecordQaFindingInput input,
                                                  @AuthenticationPrincipal AccordUser caller) {
        AttestationView attestation = find(input.attestationId());
        if (attestation == null || !caller.mayRead(attestation.trustId())) {
            throw DomainException.notFound("unknown attestation '" + input.attestationId() + "'");
        }
        commands.send(new RecordQaFindingCommand(input.attestationId(), input.outcome(), input.notes(),
                        input.actions(), input.followUpBy(), input.visitedOn()),
                caller.personId(), input.clientMutationId(), input);
        return new RecordQaFindingPayload(input.clientMutationId(), find(input.attestationId()));
    }

    /** The attestations a trust is owed, beside its reviews due: one list of what needs acting on (issue 20, item 4). */
    @SchemaMapping(typeName = "ReviewsDue", field = "attestations")
    public List<ComplianceCell> attestationsDue(ReviewsDueView due) {
        return ComplianceCell.of(entries(due.trustId(), null, due.asOf(), null).stream()
                .filter(e -> OWED.contains(e.state()))
                .sorted(Comparator.comparing(ComplianceEntryView::dueBy, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList(), queries);
    }

    @SchemaMapping(typeName = "StandardVersion", field = "attestationCadence")
    public AttestationCadence versionCadence(StandardVersionView version) {
        return version.attestationCadence();
    }

    @SchemaMapping(typeName = "Proposal", field = "attestationCadence")
    public AttestationCadence proposalCadence(ProposalView proposal) {
        return proposal.content() == null ? null : proposal.content().attestationCadence();
    }

    @SchemaMapping(typeName = "ProposalRevision", field = "attestationCadence")
    public AttestationCadence revisionCadence(ProposalView.Revision revision) {
        return revision.content() == null ? null : revision.content().attestationCadence();
    }

    @SchemaMapping(typeName = "Attestation")
    public SchoolView school(AttestationView attestation) {
        return school(attestation.schoolId());
    }

    @SchemaMapping(typeName = "Attestation")
    public StandardView standard(AttestationView attestation) {
        return standard(attestation.standardId());
    }

    /** The attesting heads of an answer's attestations in one query (a school's view holds hundreds). */
    @BatchMapping(typeName = "Attestation", field = "attestedBy")
    public Map<AttestationView, PersonView> attestedBy(List<AttestationView> attestations) {
        List<String> ids = attestations.stream().map(AttestationView::attestedBy).filter(Objects::nonNull)
                .distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, PersonView> people = new HashMap<>();
        queries.list(new FindPeopleQuery(ids), PersonView.class).forEach(p -> people.put(p.id(), p));
        Map<AttestationView, PersonView> by = new HashMap<>();
        for (AttestationView a : attestations) {
            PersonView person = a.attestedBy() == null ? null : people.get(a.attestedBy());
            if (person != null) {
                by.put(a, person);
            }
        }
        return by;
    }

    @SchemaMapping(typeName = "QaFinding")
    public PersonView recordedBy(QaFindingView finding) {
        return person(finding.recordedBy());
    }

    private List<ComplianceEntryView> entries(String trustId, String schoolId, LocalDate asOf, Instant knownAt) {
        return queries.list(new FindComplianceQuery(trustId, schoolId, asOf, knownAt), ComplianceEntryView.class);
    }

    private SchoolView school(String id) {
        return queries.first(new FindSchoolsQuery(List.of(id)), SchoolView.class);
    }

    private StandardView standard(String id) {
        return queries.first(new FindStandardsQuery(List.of(id)), StandardView.class);
    }

    private PersonView person(String id) {
        return id == null ? null : queries.first(new FindPeopleQuery(List.of(id)), PersonView.class);
    }

    private AttestationView find(String id) {
        return id == null ? null : queries.one(new FindAttestationQuery(id), AttestationView.class);
    }
}
