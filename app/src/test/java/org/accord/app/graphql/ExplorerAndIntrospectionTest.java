package org.accord.app.graphql;

import org.accord.app.support.AccordHttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The embedded mode is for trying Accord: its explorer is served and introspection answers (production: neither). */
class ExplorerAndIntrospectionTest extends AccordHttpTest {

    @Test
    void theExplorerIsServed() {
        WebTestClient.bindToServer(new JdkClientHttpConnector()).baseUrl("http://localhost:" + port).build()
                .get().uri("/explorer.html").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }

    @Test
    void introspectionAnswers() {
        as("board").document("{ __schema { queryType { name } } }").execute()
                .path("__schema.queryType.name").entity(String.class).isEqualTo("Query");
    }
}
