package org.accord.app.variation;

import java.util.List;

import org.accord.api.shared.DomainException;
import org.accord.api.standard.FindStandardsQuery;
import org.accord.api.standard.StandardView;
import org.accord.api.trust.FindPeopleQuery;
import org.accord.api.trust.FindSchoolsQuery;
import org.accord.api.trust.PersonView;
import org.accord.api.trust.SchoolView;
import org.accord.api.variation.ApproveExceptionCommand;
import org.accord.api.variation.DeclineExceptionCommand;
import org.accord.api.variation.FindVariationQuery;
import org.accord.api.variation.FindVariationsQuery;
import org.accord.api.variation.ReaffirmVariationCommand;
import org.accord.api.variation.RecordImplementationCommand;
import org.accord.api.variation.RequestExceptionCommand;
import org.accord.api.variation.RevokeVariationCommand;
import org.accord.api.variation.VariationPage;
import org.accord.api.variation.VariationStatus;
import org.accord.api.variation.VariationView;
import org.accord.api.variation.WithdrawVariationCommand;
import org.accord.app.security.AccordUser;
import org.accord.app.shared.Check;
import org.accord.app.shared.Commands;
import org.accord.app.shared.Connection;
import org.accord.app.shared.Ids;
import org.accord.app.shared.Queries;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/**
 * Schools' local variations. A variation's commands go to its standard's aggregate, which keeps the rules; the
 * standard is found from the variation's read model (ids never change, and reads follow writes).
 */
@Controller
public class VariationController {

    private final Commands commands;
    private final Queries queries;

    public VariationController(Commands commands, Queries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @QueryMapping
    public VariationView variation(@Argument String id, @AuthenticationPrincipal AccordUser caller) {
        VariationView variation = find(id);
        return variation != null && caller.mayRead(variation.trustId()) ? variation : null;
    }

    @QueryMapping
    public Connection<VariationView> variations(@Argument String trustId, @Argument String schoolId,
                                               @Argument String standardId, @Argument VariationStatus status,
                                               @Argument Integer first, @Argument String after,
                                               @AuthenticationPrincipal AccordUser caller) {
        int size = Check.pageSize(first);
        if (!caller.mayRead(trustId)) {
            return Connection.empty();
        }
        VariationPage page = queries.one(new FindVariationsQuery(trustId, schoolId, standardId, status, size, after),
                VariationPage.class);
        return Connection.of(page.variations(), page.cursors(), page.hasNextPage());
    }

    @SchemaMapping(typeName = "School", field = "variations")
    public List<VariationView> schoolVariations(SchoolView school) {
        return all(new FindVariationsQuery(school.trustId(), school.id(), null, null, Integer.MAX_VALUE, null));
    }

    @SchemaMapping(typeName = "Standard", field = "variations")
    public List<VariationView> standardVariations(StandardView standard) {
        return all(new FindVariationsQuery(standard.trustId(), null, standard.id(), null, Integer.MAX_VALUE, null));
    }

    @MutationMapping
    public RecordImplementationPayload recordImplementation(@Argument RecordImplementationInput input,
                                                            @AuthenticationPrincipal AccordUser caller) {
        requireStandard(input.standardId(), caller);
        String id = commands.send(new RecordImplementationCommand(input.standardId(), Ids.next(), input.schoolId(),
                input.version(), input.description(), input.justification(), input.reviewBy()), caller.personId(),
                input.clientMutationId(), input);
        return new RecordImplementationPayload(input.clientMutationId(), find(id));
    }

    @MutationMapping
    public RequestExceptionPayload requestException(@Argument RequestExceptionInput input,
                                                    @AuthenticationPrincipal AccordUser caller) {
        requireStandard(input.standardId(), caller);
        String id = commands.send(new RequestExceptionCommand(input.standardId(), Ids.next(), input.schoolId(),
                input.version(), input.description(), input.justification(), input.expiresOn()), caller.personId(),
                input.clientMutationId(), input);
        return new RequestExceptionPayload(input.clientMutationId(), find(id));
    }

    @MutationMapping
    public ApproveExceptionPayload approveException(@Argument ApproveExceptionInput input,
                                                    @AuthenticationPrincipal AccordUser caller) {
        String standardId = standardOf(input.variationId(), caller);
        commands.send(new ApproveExceptionCommand(standardId, input.variationId(), input.note()), caller.personId(),
                input.clientMutationId(), input);
        return new ApproveExceptionPayload(input.clientMutationId(), find(input.variationId()));
    }

    @MutationMapping
    public DeclineExceptionPayload declineException(@Argument DeclineExceptionInput input,
                                                    @AuthenticationPrincipal AccordUser caller) {
        String standardId = standardOf(input.variationId(), caller);
        commands.send(new DeclineExceptionCommand(standardId, input.variationId(), input.reason()), caller.personId(),
                input.clientMutationId(), input);
        return new DeclineExceptionPayload(input.clientMutationId(), find(input.variationId()));
    }

    @MutationMapping
    public ReaffirmVariationPayload reaffirmVariation(@Argument ReaffirmVariationInput input,
                                                      @AuthenticationPrincipal AccordUser caller) {
        String standardId = standardOf(input.variationId(), caller);
        commands.send(new ReaffirmVariationCommand(standardId, input.variationId(), input.version(),
                input.justification(), input.until()), caller.personId(), input.clientMutationId(), input);
        return new ReaffirmVariationPayload(input.clientMutationId(), find(input.variationId()));
    }

    @MutationMapping
    public WithdrawVariationPayload withdrawVariation(@Argument WithdrawVariationInput input,
                                                      @AuthenticationPrincipal AccordUser caller) {
        String standardId = standardOf(input.variationId(), caller);
        commands.send(new WithdrawVariationCommand(standardId, input.variationId(), input.reason()),
                caller.personId(), input.clientMutationId(), input);
        return new WithdrawVariationPayload(input.clientMutationId(), find(input.variationId()));
    }

    @MutationMapping
    public RevokeVariationPayload revokeVariation(@Argument RevokeVariationInput input,
                                                  @AuthenticationPrincipal AccordUser caller) {
        String standardId = standardOf(input.variationId(), caller);
        commands.send(new RevokeVariationCommand(standardId, input.variationId(), input.reason()), caller.personId(),
                input.clientMutationId(), input);
        return new RevokeVariationPayload(input.clientMutationId(), find(input.variationId()));
    }

    @SchemaMapping(typeName = "LocalVariation", field = "school")
    public SchoolView school(VariationView variation) {
        return queries.first(new FindSchoolsQuery(List.of(variation.schoolId())), SchoolView.class);
    }

    @SchemaMapping(typeName = "LocalVariation", field = "standard")
    public StandardView standard(VariationView variation) {
        return queries.first(new FindStandardsQuery(List.of(variation.standardId())), StandardView.class);
    }

    @SchemaMapping(typeName = "LocalVariation", field = "decidedBy")
    public PersonView decidedBy(VariationView variation) {
        return person(variation.decidedBy());
    }

    @SchemaMapping(typeName = "VariationChange", field = "by")
    public PersonView changedBy(VariationView.Change change) {
        return person(change.by());
    }

    private PersonView person(String id) {
        return id == null ? null : queries.first(new FindPeopleQuery(List.of(id)), PersonView.class);
    }

    /** The same refusal for a standard of another trust as for one that does not exist. */
    private void requireStandard(String standardId, AccordUser caller) {
        StandardView standard = standardId == null ? null
                : queries.first(new FindStandardsQuery(List.of(standardId)), StandardView.class);
        if (standard == null || !caller.mayRead(standard.trustId())) {
            throw DomainException.notFound("unknown standard '" + standardId + "'");
        }
    }

    private String standardOf(String variationId, AccordUser caller) {
        VariationView variation = find(variationId);
        if (variation == null || !caller.mayRead(variation.trustId())) {
            throw DomainException.notFound("unknown variation '" + variationId + "'");
        }
        return variation.standardId();
    }

    private List<VariationView> all(FindVariationsQuery query) {
        return queries.one(query, VariationPage.class).variations();
    }

    private VariationView find(String id) {
        return id == null ? null : queries.one(new FindVariationQuery(id), VariationView.class);
    }
}
