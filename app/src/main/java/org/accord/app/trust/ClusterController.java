package org.accord.app.trust;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.accord.api.shared.DomainException;
import org.accord.api.trust.AddSchoolToClusterCommand;
import org.accord.api.trust.ClusterMembershipView;
import org.accord.api.trust.ClusterView;
import org.accord.api.trust.FindClusterMembershipsQuery;
import org.accord.api.trust.FindClusterSchoolsQuery;
import org.accord.api.trust.FindClustersQuery;
import org.accord.api.trust.FindPeopleQuery;
import org.accord.api.trust.FindSchoolClusterQuery;
import org.accord.api.trust.FindSchoolsQuery;
import org.accord.api.trust.FindTrustClustersQuery;
import org.accord.api.trust.FindTrustQuery;
import org.accord.api.trust.FormClusterCommand;
import org.accord.api.trust.MoveSchoolToClusterCommand;
import org.accord.api.trust.NameClusterLeadCommand;
import org.accord.api.trust.PersonView;
import org.accord.api.trust.RemoveSchoolFromClusterCommand;
import org.accord.api.trust.SchoolView;
import org.accord.api.trust.TrustView;
import org.accord.app.security.AccordUser;
import org.accord.app.shared.Commands;
import org.accord.app.shared.DomainClock;
import org.accord.app.shared.Ids;
import org.accord.app.shared.Queries;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/**
 * Clusters of a trust's schools. A mutation addressed to a cluster or a school goes to the trust they belong to; one
 * the caller may not read is unknown to them, exactly as one that does not exist.
 */
@Controller
public class ClusterController {

    private final Commands commands;
    private final Queries queries;

    public ClusterController(Commands commands, Queries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /** A change of a school's cluster as the API shows it. */
    public record ClusterChange(String schoolId, String clusterId, LocalDate effectiveFrom, Instant recordedAt) {
    }

    /** A lead as the API shows it. */
    public record ClusterLead(String leadId, LocalDate effectiveFrom, Instant recordedAt) {
    }

    @QueryMapping
    public ClusterView cluster(@Argument String id, @AuthenticationPrincipal AccordUser caller) {
        ClusterView cluster = find(id);
        return cluster != null && caller.mayRead(cluster.trustId()) ? cluster : null;
    }

    @MutationMapping
    public FormClusterPayload formCluster(@Argument FormClusterInput input,
                                          @AuthenticationPrincipal AccordUser caller) {
        String clusterId = commands.send(new FormClusterCommand(input.trustId(), Ids.next(), input.name(),
                input.leadId(), input.effectiveFrom()), caller.personId(), input.clientMutationId(), input);
        return new FormClusterPayload(input.clientMutationId(), find(clusterId));
    }

    @MutationMapping
    public NameClusterLeadPayload nameClusterLead(@Argument NameClusterLeadInput input,
                                                  @AuthenticationPrincipal AccordUser caller) {
        ClusterView cluster = readable(input.clusterId(), caller);
        commands.send(new NameClusterLeadCommand(cluster.trustId(), cluster.id(), input.leadId(),
                input.effectiveFrom()), caller.personId(), input.clientMutationId(), input);
        return new NameClusterLeadPayload(input.clientMutationId(), find(cluster.id()));
    }

    @MutationMapping
    public AddSchoolToClusterPayload addSchoolToCluster(@Argument AddSchoolToClusterInput input,
                                                        @AuthenticationPrincipal AccordUser caller) {
        ClusterView cluster = readable(input.clusterId(), caller);
        commands.send(new AddSchoolToClusterCommand(cluster.trustId(), cluster.id(), input.schoolId(),
                input.effectiveFrom()), caller.personId(), input.clientMutationId(), input);
        return new AddSchoolToClusterPayload(input.clientMutationId(), find(cluster.id()), school(input.schoolId()));
    }

    @MutationMapping
    public MoveSchoolToClusterPayload moveSchoolToCluster(@Argument MoveSchoolToClusterInput input,
                                                          @AuthenticationPrincipal AccordUser caller) {
        SchoolView school = readableSchool(input.schoolId(), caller);
        commands.send(new MoveSchoolToClusterCommand(school.trustId(), school.id(), input.clusterId(),
                input.effectiveFrom()), caller.personId(), input.clientMutationId(), input);
        return new MoveSchoolToClusterPayload(input.clientMutationId(), find(input.clusterId()), school);
    }

    @MutationMapping
    public RemoveSchoolFromClusterPayload removeSchoolFromCluster(@Argument RemoveSchoolFromClusterInput input,
                                                                  @AuthenticationPrincipal AccordUser caller) {
        SchoolView school = readableSchool(input.schoolId(), caller);
        // the cluster it leaves: the one its last recorded change put it in
        String leaving = queries.list(new FindClusterMembershipsQuery(school.trustId()), ClusterMembershipView.class)
                .stream().filter(c -> c.schoolId().equals(school.id()))
                .reduce((earlier, later) -> later).map(ClusterMembershipView::clusterId).orElse(null);
        commands.send(new RemoveSchoolFromClusterCommand(school.trustId(), school.id(), input.effectiveFrom()),
                caller.personId(), input.clientMutationId(), input);
        return new RemoveSchoolFromClusterPayload(input.clientMutationId(), leaving == null ? null : find(leaving),
                school);
    }

    @SchemaMapping(typeName = "Trust")
    public List<ClusterView> clusters(TrustView trust) {
        return queries.list(new FindTrustClustersQuery(trust.id()), ClusterView.class);
    }

    @SchemaMapping(typeName = "Trust")
    public List<ClusterChange> clusterChanges(TrustView trust) {
        return queries.list(new FindClusterMembershipsQuery(trust.id()), ClusterMembershipView.class).stream()
                .map(c -> new ClusterChange(c.schoolId(), c.clusterId(), c.effectiveFrom(), c.recordedAt()))
                .toList();
    }

    @SchemaMapping(typeName = "School", field = "cluster")
    public ClusterView schoolCluster(SchoolView school, @Argument LocalDate asOf, @Argument Instant knownAt) {
        return queries.one(new FindSchoolClusterQuery(school.id(), asOf, knownAt), ClusterView.class);
    }

    @SchemaMapping(typeName = "Cluster")
    public TrustView trust(ClusterView cluster) {
        return queries.one(new FindTrustQuery(cluster.trustId()), TrustView.class);
    }

    @SchemaMapping(typeName = "Cluster")
    public PersonView lead(ClusterView cluster, @Argument LocalDate asOf, @Argument Instant knownAt) {
        String leadId = cluster.leadOn(asOf != null ? asOf : DomainClock.today(), knownAt);
        return leadId == null ? null : person(leadId);
    }

    @SchemaMapping(typeName = "Cluster")
    public List<ClusterLead> leads(ClusterView cluster) {
        return cluster.leads().stream()
                .map(l -> new ClusterLead(l.leadId(), l.effectiveFrom(), l.recordedAt()))
                .toList();
    }

    @SchemaMapping(typeName = "Cluster")
    public List<SchoolView> schools(ClusterView cluster, @Argument LocalDate asOf, @Argument Instant knownAt) {
        List<String> ids = queries.list(new FindClusterSchoolsQuery(cluster.id(), asOf, knownAt), String.class);
        return ids.isEmpty() ? List.of() : queries.list(new FindSchoolsQuery(ids), SchoolView.class);
    }

    @SchemaMapping(typeName = "ClusterLead")
    public PersonView lead(ClusterLead lead) {
        return person(lead.leadId());
    }

    @SchemaMapping(typeName = "ClusterChange")
    public SchoolView school(ClusterChange change) {
        return school(change.schoolId());
    }

    @SchemaMapping(typeName = "ClusterChange")
    public ClusterView cluster(ClusterChange change) {
        return change.clusterId() == null ? null : find(change.clusterId());
    }

    private ClusterView readable(String clusterId, AccordUser caller) {
        ClusterView cluster = clusterId == null ? null : find(clusterId);
        if (cluster == null || !caller.mayRead(cluster.trustId())) {
            throw DomainException.notFound("unknown cluster '" + clusterId + "'");
        }
        return cluster;
    }

    private SchoolView readableSchool(String schoolId, AccordUser caller) {
        SchoolView school = schoolId == null ? null : school(schoolId);
        if (school == null || !caller.mayRead(school.trustId())) {
            throw DomainException.notFound("unknown school '" + schoolId + "'");
        }
        return school;
    }

    private ClusterView find(String clusterId) {
        return queries.first(new FindClustersQuery(List.of(clusterId)), ClusterView.class);
    }

    private SchoolView school(String schoolId) {
        return queries.first(new FindSchoolsQuery(List.of(schoolId)), SchoolView.class);
    }

    private PersonView person(String personId) {
        return queries.first(new FindPeopleQuery(List.of(personId)), PersonView.class);
    }
}
