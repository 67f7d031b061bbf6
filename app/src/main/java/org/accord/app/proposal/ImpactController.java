package org.accord.app.proposal;

import java.util.List;

import org.accord.api.proposal.FindProposalImpactQuery;
import org.accord.api.proposal.ProposalImpactView;
import org.accord.api.proposal.ProposalView;
import org.accord.api.trust.FindSchoolsQuery;
import org.accord.api.trust.SchoolView;
import org.accord.api.variation.FindVariationQuery;
import org.accord.api.variation.VariationView;
import org.accord.app.shared.Queries;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** A proposal's impact before the vote: reckoned on the query side (ProposalImpact), shown with its schools. */
@Controller
public class ImpactController {

    private final Queries queries;

    public ImpactController(Queries queries) {
        this.queries = queries;
    }

    @SchemaMapping(typeName = "Proposal", field = "impact")
    public ProposalImpactView impact(ProposalView proposal) {
        return queries.one(new FindProposalImpactQuery(proposal.id()), ProposalImpactView.class);
    }

    @SchemaMapping(typeName = "ProposalImpact", field = "schoolsGained")
    public List<SchoolView> schoolsGained(ProposalImpactView impact) {
        return schools(impact.schoolsGained());
    }

    @SchemaMapping(typeName = "ProposalImpact", field = "schoolsLost")
    public List<SchoolView> schoolsLost(ProposalImpactView impact) {
        return schools(impact.schoolsLost());
    }

    @SchemaMapping(typeName = "SchoolImpact", field = "school")
    public SchoolView school(ProposalImpactView.SchoolImpact impact) {
        return queries.first(new FindSchoolsQuery(List.of(impact.schoolId())), SchoolView.class);
    }

    @SchemaMapping(typeName = "VariationImpact", field = "school")
    public SchoolView variationSchool(ProposalImpactView.VariationImpact impact) {
        return queries.first(new FindSchoolsQuery(List.of(impact.schoolId())), SchoolView.class);
    }

    @SchemaMapping(typeName = "VariationImpact", field = "variation")
    public VariationView variation(ProposalImpactView.VariationImpact impact) {
        return queries.one(new FindVariationQuery(impact.variationId()), VariationView.class);
    }

    private List<SchoolView> schools(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<SchoolView> found = queries.list(new FindSchoolsQuery(ids), SchoolView.class);
        // in the order reckoned (by name)
        return ids.stream().flatMap(id -> found.stream().filter(s -> s.id().equals(id)).limit(1)).toList();
    }
}
