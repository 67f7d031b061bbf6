package org.accord.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.accord.api.request.RequestDeclinedEvent;
import org.accord.api.request.RequestRaisedEvent;
import org.accord.api.request.RequestSupportedEvent;
import org.accord.api.request.RequestTakenUpEvent;
import org.accord.api.standard.Area;
import org.junit.jupiter.api.Test;

/** The decision log's words for schools' requests: which school, which team, never who by name. */
class RequestNarrationTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    private static Narration narrate(Object event) {
        return DecisionNarrator.narrate(event, AT, id -> switch (id) {
            case "school-1" -> new DecisionNarrator.Subject("Oakwood Primary School", null);
            case "school-2" -> new DecisionNarrator.Subject("Riverside High School", null);
            case "team-1" -> new DecisionNarrator.Subject("SENDCos", null);
            case "p-1" -> new DecisionNarrator.Subject("Adaptive teaching for SEND", Area.SEND);
            default -> new DecisionNarrator.Subject("SEND adaptive teaching", Area.SEND);
        });
    }

    @Test
    void aRaisedRequestSaysWhichSchoolAskedAndWhereItWent() {
        Narration raised = narrate(new RequestRaisedEvent("r-1", "t", "school-1", Area.SEND, "SEND adaptive teaching",
                "We each do it differently", List.of("team-1"), false, "p-head", AT));
        assertThat(raised.summary()).isEqualTo("School 'Oakwood Primary School' asked for standardisation:"
                + " 'SEND adaptive teaching', sent to team 'SENDCos'");
        assertThat(raised.rationale()).isEqualTo("We each do it differently");
        assertThat(raised.subjectType()).isEqualTo("request");
        assertThat(raised.area()).isEqualTo(Area.SEND);
        assertThat(narrate(new RequestRaisedEvent("r-2", "t", "school-1", Area.ESTATES, "One rota", "why",
                List.of(), true, "p-head", AT)).summary()).isEqualTo("School 'Oakwood Primary School' asked for"
                + " standardisation: 'One rota', sent to the trust executive, as no team's remit covers ESTATES");
    }

    @Test
    void supportTakingUpAndDecliningAreToldOnTheRequest() {
        assertThat(narrate(new RequestSupportedEvent("r-1", "t", "school-2", "Us too", "p-2", AT)).summary())
                .isEqualTo("School 'Riverside High School' supported the request 'SEND adaptive teaching'");
        Narration taken = narrate(new RequestTakenUpEvent("r-1", "t", "team-1", "p-1", "p-sendco", AT));
        assertThat(taken.summary()).isEqualTo("Team 'SENDCos' took up the request 'SEND adaptive teaching' as"
                + " proposal 'Adaptive teaching for SEND'");
        assertThat(taken.subjectId()).isEqualTo("r-1");
        Narration declined = narrate(new RequestDeclinedEvent("r-1", "t", "Covered already", "p-sendco", AT));
        assertThat(declined.summary()).isEqualTo("The request 'SEND adaptive teaching' was declined");
        assertThat(declined.rationale()).isEqualTo("Covered already");
    }
}
