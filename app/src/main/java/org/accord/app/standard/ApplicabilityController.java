package org.accord.app.standard;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.accord.api.proposal.ProposalKind;
import org.accord.api.proposal.ProposalView;
import org.accord.api.standard.Applicability;
import org.accord.api.standard.FindStandardsQuery;
import org.accord.api.standard.StandardVersionView;
import org.accord.api.standard.StandardView;
import org.accord.api.trust.ChangeSchoolPhaseCommand;
import org.accord.api.trust.ClusterView;
import org.accord.api.trust.FindClusterSchoolsQuery;
import org.accord.api.trust.FindClustersQuery;
import org.accord.api.trust.FindSchoolsQuery;
import org.accord.api.trust.FindTrustQuery;
import org.accord.api.trust.SchoolView;
import org.accord.api.trust.TrustView;
import org.accord.api.shared.DomainException;
import org.accord.app.security.AccordUser;
import org.accord.app.shared.Commands;
import org.accord.app.shared.Queries;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/** Applicability: what a standard version or a proposal applies to, and a school's phase over time. */
@Controller
public class ApplicabilityController {

    private final Commands commands;
    private final Queries queries;

    public ApplicabilityController(Commands commands, Queries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @SchemaMapping(typeName = "StandardVersion", field = "appliesTo")
    public Applicability versionAppliesTo(StandardVersionView version) {
        return version.applicability();
    }

    @SchemaMapping(typeName = "Proposal", field = "appliesTo")
    public Applicability proposalAppliesTo(ProposalView proposal) {
        return effective(proposal);
    }

    @SchemaMapping(typeName = "Proposal", field = "applicabilityWarnings")
    public List<String> applicabilityWarnings(ProposalView proposal) {
        if (proposal.kind() == ProposalKind.RETIRE_STANDARD) {
            return List.of();
        }
        Applicability applies = effective(proposal);
        List<ApplicabilityWarnings.NamedCluster> clusters = applies.clusterIds().isEmpty() ? List.of()
                : queries.list(new FindClustersQuery(applies.clusterIds()), ClusterView.class).stream()
                        .map(c -> new ApplicabilityWarnings.NamedCluster(c.id(), c.name(), queries.list(
                                new FindClusterSchoolsQuery(c.id(), LocalDate.now(ZoneOffset.UTC), null),
                                String.class)))
                        .toList();
        return ApplicabilityWarnings.of(applies, schoolsOf(proposal.trustId()), clusters);
    }

    @SchemaMapping(typeName = "ProposalRevision", field = "appliesTo")
    public Applicability revisionAppliesTo(ProposalView.Revision revision) {
        return revision.content().applicability();
    }

    @SchemaMapping(typeName = "AppliesTo", field = "schools")
    public List<SchoolView> schools(Applicability applicability) {
        return applicability.schoolIds().isEmpty() ? List.of()
                : queries.list(new FindSchoolsQuery(applicability.schoolIds()), SchoolView.class);
    }

    @SchemaMapping(typeName = "AppliesTo", field = "clusters")
    public List<ClusterView> clusters(Applicability applicability) {
        return applicability.clusterIds().isEmpty() ? List.of()
                : queries.list(new FindClustersQuery(applicability.clusterIds()), ClusterView.class);
    }

    @SchemaMapping(typeName = "AppliesTo", field = "everySchool")
    public boolean everySchool(Applicability applicability) {
        return applicability.coversEverySchool();
    }

    @SchemaMapping(typeName = "AppliesTo", field = "description")
    public String description(Applicability applicability) {
        return applicability.describe();
    }

    @MutationMapping
    public ChangeSchoolPhasePayload changeSchoolPhase(@Argument ChangeSchoolPhaseInput input,
                                                      @AuthenticationPrincipal AccordUser caller) {
        SchoolView school = input.schoolId() == null ? null
                : queries.first(new FindSchoolsQuery(List.of(input.schoolId())), SchoolView.class);
        if (school == null || !caller.mayRead(school.trustId())) {
            throw DomainException.notFound("unknown school '" + input.schoolId() + "'");
        }
        commands.send(new ChangeSchoolPhaseCommand(school.trustId(), input.schoolId(), input.phase(),
                input.effectiveFrom(), input.reason()), caller.personId(), input.clientMutationId(), input);
        return new ChangeSchoolPhasePayload(input.clientMutationId(),
                queries.first(new FindSchoolsQuery(List.of(input.schoolId())), SchoolView.class));
    }

    /** As drafted; an amendment that names none keeps the applicability of the standard's current version. */
    static Applicability effectiveFor(ProposalView proposal, StandardView amended) {
        Applicability named = proposal.content().applicability();
        if (named != null) {
            return named;
        }
        if (proposal.kind() != ProposalKind.NEW_STANDARD && amended != null) {
            return amended.current().applicability();
        }
        return Applicability.EVERY_SCHOOL;
    }

    private Applicability effective(ProposalView proposal) {
        StandardView amended = proposal.standardId() == null ? null
                : queries.first(new FindStandardsQuery(List.of(proposal.standardId())), StandardView.class);
        return effectiveFor(proposal, amended);
    }

    private List<SchoolView> schoolsOf(String trustId) {
        TrustView trust = queries.one(new FindTrustQuery(trustId), TrustView.class);
        return trust == null || trust.schoolIds() == null || trust.schoolIds().isEmpty() ? List.of()
                : queries.list(new FindSchoolsQuery(trust.schoolIds()), SchoolView.class);
    }
}
