package org.accord.app.security;

import org.accord.app.support.AccordHttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

class AuthenticationTest extends AccordHttpTest {

    @Test
    void anAnonymousRequestGets401() {
        client().build().post().contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\":\"{ me { id } }\"}")
                .exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void aWrongPasswordGets401() {
        client().defaultHeaders(h -> h.setBasicAuth("exec", "not-the-password")).build()
                .post().contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\":\"{ me { id } }\"}")
                .exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void healthNeedsNoSignInAndSaysUp() {
        WebTestClient.bindToServer(new JdkClientHttpConnector()).baseUrl("http://localhost:" + port).build()
                .get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }
}
