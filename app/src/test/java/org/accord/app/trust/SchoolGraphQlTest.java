package org.accord.app.trust;

import static org.accord.app.support.GraphQlErrors.expectError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.accord.app.support.AccordHttpTest;
import org.junit.jupiter.api.Test;

class SchoolGraphQlTest extends AccordHttpTest {

    @Test
    void theExecutiveRegistersASchoolAndTheTrustListsIt() {
        String id = as("exec").documentName("registerSchool")
                .variable("input", Map.of("clientMutationId", "reg-1", "trustId", "demo-trust",
                        "name", "Brookside Primary", "phase", "PRIMARY"))
                .execute()
                .path("registerSchool.clientMutationId").entity(String.class).isEqualTo("reg-1")
                .path("registerSchool.school.name").entity(String.class).isEqualTo("Brookside Primary")
                .path("registerSchool.school.phase").entity(String.class).isEqualTo("PRIMARY")
                .path("registerSchool.school.trust.id").entity(String.class).isEqualTo("demo-trust")
                .path("registerSchool.school.id").entity(String.class).get();

        // read-your-writes: the query right after the mutation sees it
        List<String> schools = as("exec").documentName("trust").variable("id", "demo-trust").execute()
                .path("trust.schools[*].id").entityList(String.class).get();
        assertThat(schools).contains(id);
        as("board").documentName("school").variable("id", id).execute()
                .path("school.name").entity(String.class).isEqualTo("Brookside Primary");
    }

    @Test
    void theDemoTrustHasSixSchoolsAndThreeTeams() {
        as("board").documentName("trust").variable("id", "demo-trust").execute()
                .path("trust.name").entity(String.class).isEqualTo("Northfield Learning Trust")
                .path("trust.schools[*].phase").entityList(String.class).contains("PRIMARY", "SECONDARY")
                .path("trust.teams[*].name").entityList(String.class)
                .contains("Heads of English", "SENDCos", "Safeguarding leads");
        List<String> schools = as("board").documentName("trust").variable("id", "demo-trust").execute()
                .path("trust.schools[*].id").entityList(String.class).get();
        assertThat(schools).contains("demo-school-northfield", "demo-school-oakwood").hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void aBlankSchoolNameIsABadRequestAndRecordsNothing() {
        long before = storedEvents();
        expectError(as("exec").documentName("registerSchool")
                .variable("input", Map.of("trustId", "demo-trust", "name", "   ", "phase", "PRIMARY"))
                .execute(), "BAD_REQUEST", "name must not be blank");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void anUnknownPhaseIsABadRequestThatNamesIt() {
        long before = storedEvents();
        expectError(as("exec").documentName("registerSchool")
                .variable("input", Map.of("trustId", "demo-trust", "name", "Nursery", "phase", "NURSERY"))
                .execute(), "BAD_REQUEST", "NURSERY");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aSecondSchoolWithTheSameNameIsRefused() {
        long before = storedEvents();
        expectError(as("exec").documentName("registerSchool")
                .variable("input", Map.of("trustId", "demo-trust", "name", "oakwood primary school",
                        "phase", "PRIMARY"))
                .execute(), "BAD_REQUEST", "already has a school named");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void anUnknownTrustIsNotFound() {
        expectError(as("exec").documentName("registerSchool")
                .variable("input", Map.of("trustId", "no-such-trust", "name", "Somewhere", "phase", "PRIMARY"))
                .execute(), "NOT_FOUND", "unknown trust 'no-such-trust'");
    }

    @Test
    void onlyATrustExecutiveMayRegisterASchool() {
        long before = storedEvents();
        for (String account : List.of("board", "head", "chair", "member1")) {
            expectError(as(account).documentName("registerSchool")
                    .variable("input", Map.of("trustId", "demo-trust", "name", "Not Allowed", "phase", "PRIMARY"))
                    .execute(), "FORBIDDEN", "only a trust executive");
        }
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void anOutsiderCannotTellTheDemoTrustFromOneThatDoesNotExist() {
        expectError(as("outsider").documentName("registerSchool")
                .variable("input", Map.of("trustId", "demo-trust", "name", "Intruder", "phase", "PRIMARY"))
                .execute(), "NOT_FOUND", "unknown trust 'demo-trust'");
        as("outsider").documentName("trust").variable("id", "demo-trust").execute()
                .path("trust").valueIsNull();
        as("outsider").documentName("school").variable("id", "demo-school-oakwood").execute()
                .path("school").valueIsNull();
    }
}
