package org.accord.app.person;

import static org.accord.app.support.GraphQlErrors.expectError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.accord.api.shared.DomainException;
import org.accord.api.trust.PersonRole;
import org.accord.api.trust.RegisterPersonCommand;
import org.accord.app.shared.Commands;
import org.accord.app.support.AccordHttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

class PersonGraphQlTest extends AccordHttpTest {

    @Autowired
    Commands commands;

    /** The demo's people, as the directory knows them; none of these may ever be found inside an event. */
    private static final List<String> DEMO_NAMES = List.of("Morgan Hale", "Priya Raman", "Daniel Okafor",
            "Sophie Lindqvist", "James Whitfield", "Aisha Rahman", "Eleanor Marsh", "Tom Bradley", "Nadia Osei",
            "Ruth Kowalski", "Grace Adeyemi", "Owen Pryce", "Hannah Lowe", "Sam Carter");

    @Test
    void meAnswersWhoTheCallerIs() {
        as("chair").documentName("me").execute()
                .path("me.id").entity(String.class).isEqualTo("demo-person-chair")
                .path("me.displayName").entity(String.class).isEqualTo("Daniel Okafor")
                .path("me.trustId").entity(String.class).isEqualTo("demo-trust")
                .path("me.roles").entityList(String.class).containsExactly("STAFF")
                .path("me.school.id").entity(String.class).isEqualTo("demo-school-northfield")
                .path("me.teams[*].name").entityList(String.class).containsExactly("Heads of English");
        as("exec").documentName("me").execute()
                .path("me.roles").entityList(String.class).containsExactly("TRUST_EXECUTIVE")
                .path("me.school").valueIsNull();
        as("outsider").documentName("me").execute()
                .path("me.trustId").entity(String.class).isEqualTo("demo-other-trust");
    }

    @Test
    void theExecutiveRegistersAPersonWhoseNameStaysOutOfTheEvents() {
        String name = "Quentin Example-Person";
        as("exec").documentName("registerPerson")
                .variable("input", Map.of("trustId", "demo-trust", "displayName", name,
                        "roles", List.of("STAFF"), "schoolId", "demo-school-riverside"))
                .execute()
                .path("registerPerson.person.displayName").entity(String.class).isEqualTo(name)
                .path("registerPerson.person.roles").entityList(String.class).containsExactly("STAFF")
                .path("registerPerson.person.school.id").entity(String.class).isEqualTo("demo-school-riverside");
        assertThat(storedEventText()).doesNotContain(name);
    }

    @Test
    void noDemoPersonsNameIsInAnyStoredEvent() {
        String events = storedEventText();
        assertThat(events).contains("demo-person-exec"); // the check reads what it should
        DEMO_NAMES.forEach(name -> assertThat(events).doesNotContain(name));
    }

    @Test
    void erasingAPersonRemovesTheirNameButKeepsEveryRecordTheyMade() {
        String person = "demo-person-dsl-willowbrook";
        long recordsBefore = logCount();
        as("board").documentName("erasePerson").variable("input", Map.of("personId", person)).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("classification", "FORBIDDEN")));
        as("exec").documentName("erasePerson").variable("input", Map.of("personId", person)).execute()
                .path("erasePerson.person.id").entity(String.class).isEqualTo(person)
                .path("erasePerson.person.displayName").valueIsNull()
                .path("erasePerson.person.roles").entityList(String.class).containsExactly("STAFF");
        // the votes she cast are still in the log, under her id, with no name
        as("board").documentName("decisionLog").variable("trustId", "demo-trust")
                .variable("filter", Map.of("actorId", person)).execute()
                .path("decisionLog.edges[*].node.actor.id").entityList(String.class).contains(person)
                .path("decisionLog.edges[*].node.actor.displayName").entityList(Object.class)
                .satisfies(names -> assertThat(names).containsOnlyNulls());
        assertThat(logCount()).isEqualTo(recordsBefore + 1);
        // the name is gone; the id stays claimed by her trust (no other trust may ever register it)
        assertThat(jdbc.queryForList("SELECT trust_id, display_name FROM person_directory WHERE person_id = ?",
                person)).singleElement().satisfies(row -> {
                    assertThat(row.get("trust_id")).isEqualTo("demo-trust");
                    assertThat(row.get("display_name")).isNull();
                });
        expectError(as("exec").documentName("erasePerson").variable("input", Map.of("personId", person)).execute(),
                "CONFLICT", "already erased");
        expectError(as("outsider").documentName("erasePerson").variable("input", Map.of("personId", person))
                .execute(), "NOT_FOUND", "unknown");
    }

    /** Every event is a record of the log: erasing adds one and removes none. */
    private long logCount() {
        return storedEvents();
    }

    @Test
    void aHeadteacherNeedsASchool() {
        long before = storedEvents();
        expectError(as("exec").documentName("registerPerson")
                .variable("input", Map.of("trustId", "demo-trust", "displayName", "No School",
                        "roles", List.of("HEADTEACHER")))
                .execute(), "BAD_REQUEST", "schoolId is required");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aSchoolOfAnotherTrustIsRefused() {
        expectError(as("exec").documentName("registerPerson")
                .variable("input", Map.of("trustId", "demo-trust", "displayName", "Wrong School",
                        "roles", List.of("STAFF"), "schoolId", "demo-school-harbour"))
                .execute(), "BAD_REQUEST", "is not a school of this trust");
    }

    @Test
    void anOperatorCannotGiveANewTrustAPersonOfAnotherTrust() {
        long before = storedEvents();
        for (String taken : List.of("demo-person-exec", "DEMO-Person-Exec", "demo-person-dsl-willowbrook")) {
            operator().post().uri("/actuator/trusts").bodyValue(Map.of("trustId", "takeover-trust", "name",
                            "Takeover Trust", "executiveId", taken, "executiveName", "Ima Postor"))
                    .exchange().expectStatus().isEqualTo(409)
                    .expectBody().jsonPath("$.error").value(String.class,
                            error -> assertThat(error).contains("person '" + taken + "' is already registered"));
        }
        // nothing recorded: no trust, no person, the executive still the demo trust's, under their own name
        assertThat(storedEvents()).isEqualTo(before);
        as("exec").documentName("me").execute()
                .path("me.trustId").entity(String.class).isEqualTo("demo-trust")
                .path("me.displayName").entity(String.class).isEqualTo("Morgan Hale")
                .path("me.roles").entityList(String.class).containsExactly("TRUST_EXECUTIVE");
        assertThat(jdbc.queryForObject("SELECT trust_id FROM person_directory WHERE person_id = ?", String.class,
                "demo-person-exec")).isEqualTo("demo-trust");
        // and the refused trust can still be registered, with an executive of its own
        operator().post().uri("/actuator/trusts").bodyValue(Map.of("trustId", "takeover-trust", "name",
                        "Takeover Trust", "executiveId", "takeover-exec", "executiveName", "Ima Postor"))
                .exchange().expectStatus().isEqualTo(201);
    }

    @Test
    void registeringAPersonIdThatAnotherTrustHoldsIsAConflictThatChangesNothing() {
        // registerPerson makes fresh ids, so the command is sent as its mutation would send it, with a taken id
        long before = storedEvents();
        assertThatThrownBy(() -> commands.send(new RegisterPersonCommand("demo-other-trust", "demo-person-head",
                "Ima Postor", Set.of(PersonRole.TRUST_EXECUTIVE), null), "demo-person-outsider"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                    assertThat(e.getMessage()).isEqualTo("person 'demo-person-head' is already registered");
                });
        assertThat(storedEvents()).isEqualTo(before);
        as("head").documentName("me").execute()
                .path("me.trustId").entity(String.class).isEqualTo("demo-trust")
                .path("me.roles").entityList(String.class).containsExactly("HEADTEACHER");
        as("outsider").document("query($id: ID!) { person(id: $id) { id } }").variable("id", "demo-person-head")
                .execute().path("person").valueIsNull();
    }

    private WebTestClient operator() {
        return WebTestClient.bindToServer(new JdkClientHttpConnector()).baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth("operator", "demo")).build();
    }

    private String storedEventText() {
        StringBuilder all = new StringBuilder();
        jdbc.query("SELECT payload, metaData FROM DomainEventEntry", rs -> {
            all.append(new String(rs.getBytes(1), StandardCharsets.UTF_8));
            byte[] meta = rs.getBytes(2);
            if (meta != null) {
                all.append(new String(meta, StandardCharsets.UTF_8));
            }
        });
        return all.toString();
    }
}
