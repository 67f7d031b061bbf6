package org.accord.query.runtime.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.accord.api.proposal.ProposalContent;
import org.accord.api.proposal.ProposalStatus;
import org.accord.api.standard.AlignmentLevel;
import org.accord.api.standard.Area;
import org.accord.api.team.DecisionMode;
import org.accord.api.team.DecisionRule;
import org.accord.query.ReadModelMongo;
import org.accord.query.audit.DecisionLogHeadDocument;
import org.accord.query.audit.DecisionRecordDocument;
import org.accord.query.proposal.ProposalDocument;
import org.accord.query.team.TeamDocument;
import org.accord.query.variation.VariationDueDocument;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.UpdateMapper;
import org.springframework.data.mongodb.core.query.Update;

/** Every shape of update the projections write maps to the very document Spring Data's own mapper makes of it. */
class UpdateMappingTest {

    private static final MappingMongoConverter CONVERTER = ReadModelMongo.converter();
    private static final JsonWriterSettings TYPED = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    private static final Instant AT = Instant.parse("2026-01-05T09:00:00Z");
    private static final ProposalContent CONTENT = new ProposalContent("Title", Area.CURRICULUM,
            AlignmentLevel.ADAPTABLE, "Statement", "Rationale", LocalDate.of(2026, 9, 1), null);
    private static final ProposalDocument.RecusalEntry RECUSAL = new ProposalDocument.RecusalEntry("person-1",
            "a governor of the supplier", AT);

    record Case(String name, Class<?> type, Update update) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> updates() {
        return List.of(
                new Case("strings, an enum, an instant and a list of strings", ProposalDocument.class, new Update()
                        .set("trustId", "trust-1").set("status", ProposalStatus.VOTING).set("openedAt", AT)
                        .set("eligibleVoters", List.of("person-1", "person-2")).set("closedAt", null)),
                new Case("records, with nulls left out", ProposalDocument.class, new Update().set("content", CONTENT)
                        .set("rule", new DecisionRule(DecisionMode.MAJORITY, 0.5, 0.5, 72))
                        .addToSet("revisions", new ProposalDocument.RevisionEntry(1, CONTENT, null, "person-1", AT))),
                new Case("a map's entry: a record naming its class, an instant, an unset", ProposalDocument.class,
                        new Update().set("recusals.person-1", RECUSAL).set("recusals.person-2", RECUSAL)
                                .unset("delegations.delegation-1")),
                new Case("$each of records, an enum", ProposalDocument.class, new Update()
                        .addToSet("revisions").each(new ProposalDocument.RevisionEntry(1, CONTENT, null, "person-1", AT),
                                new ProposalDocument.RevisionEntry(2, CONTENT, "clearer", "person-2", AT))
                        .set("status", ProposalStatus.DRAFT)),
                new Case("a list of enums and $addToSet and $pull of strings", TeamDocument.class, new Update()
                        .set("remit", List.of(Area.CURRICULUM, Area.SEND)).addToSet("memberIds", "person-2")
                        .pull("chairId", "person-3")),
                new Case("a decision record: strings, a number, instants, an enum, a null", DecisionRecordDocument.class,
                        new Update().set("trustId", "trust-1").set("position", 7L).set("eventId", "event-1")
                                .set("occurredAt", AT).set("recordedAt", AT).set("area", Area.SEND)
                                .set("rationale", null)),
                new Case("numbers", DecisionLogHeadDocument.class,
                        new Update().set("count", 12L).set("lastGlobalIndex", 40L)),
                new Case("a date of the domain (a custom conversion) goes to Spring's mapper",
                        VariationDueDocument.class,
                        new Update().set("standardId", "standard-1").set("until", LocalDate.of(2027, 1, 1))),
                new Case("the id goes to Spring's mapper", TeamDocument.class, new Update().set("id", "team-1")),
                new Case("a deeper path goes to Spring's mapper", ProposalDocument.class,
                        new Update().set("content.title", "Other")));
    }

    @Test
    void theUpdatesTheProjectionsWriteMostOftenAreMappedHereNotBySpringsMapper() {
        UpdateMapping mapping = new UpdateMapping(CONVERTER);
        // a decision record (one per event) and a vote's entry: strings, numbers, an enum, instants, a record
        mapping.map(new Update().set("trustId", "trust-1").set("position", 7L).set("occurredAt", AT)
                .set("area", Area.SEND).set("rationale", null), entity(DecisionRecordDocument.class));
        mapping.map(new Update().set("recusals.person-1", RECUSAL).set("status", ProposalStatus.VOTING)
                .set("openedAt", AT), entity(ProposalDocument.class));
        assertThat(mapping.delegated()).isZero();

        mapping.map(new Update().set("until", LocalDate.of(2027, 1, 1)), entity(VariationDueDocument.class));
        assertThat(mapping.delegated()).as("a date of the domain still goes to the mapper").isEqualTo(1);
    }

    private static org.springframework.data.mongodb.core.mapping.MongoPersistentEntity<?> entity(Class<?> type) {
        return CONVERTER.getMappingContext().getRequiredPersistentEntity(type);
    }

    @ParameterizedTest
    @MethodSource("updates")
    void mapsAsSpringDataDoes(Case c) {
        var entity = CONVERTER.getMappingContext().getRequiredPersistentEntity(c.type());
        Document spring = new UpdateMapper(CONVERTER).getMappedObject(c.update().getUpdateObject(), entity);

        Document ours = new UpdateMapping(CONVERTER).map(c.update(), entity);

        assertThat(ours.toJson(TYPED)).isEqualTo(spring.toJson(TYPED));
        assertThat(ours).isEqualTo(spring);
    }
}
