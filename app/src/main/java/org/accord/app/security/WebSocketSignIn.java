package org.accord.app.security;

import java.util.Map;

import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Signing in over graphql-ws: with the handshake's session cookie (the board's pages) or {@code Authorization} header
 * (both checked by the HTTP security chain), or with an {@code Authorization} entry in the {@code connection_init} payload, which browsers need because
 * they cannot set headers on a WebSocket (HTTP Basic in the embedded mode, a bearer JWT in production). A
 * connection with neither is closed before any operation runs.
 */
@Component
public class WebSocketSignIn implements WebSocketGraphQlInterceptor {

    private static final String AUTHENTICATION = WebSocketSignIn.class.getName() + ".authentication";

    private final HeaderSignIn signIn;

    public WebSocketSignIn(HeaderSignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
        Object header = payload.getOrDefault("Authorization", payload.get("authorization"));
        if (header != null) {
            session.getAttributes().put(AUTHENTICATION, signIn.authenticate(header.toString()));
            return Mono.empty();
        }
        return session.getPrincipal()
                .filter(principal -> principal instanceof Authentication a && a.isAuthenticated())
                .switchIfEmpty(Mono.error(new BadCredentialsException(
                        "sign in first: with the session cookie or an Authorization header on the handshake, or in connection_init")))
                .then(Mono.empty());
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (request instanceof WebSocketGraphQlRequest socket
                && socket.getSessionInfo().getAttributes().get(AUTHENTICATION) instanceof Authentication signedIn) {
            // read by @AuthenticationPrincipal when no authentication came with the handshake
            return chain.next(request).contextWrite(ReactiveSecurityContextHolder.withAuthentication(signedIn));
        }
        return chain.next(request);
    }
}
