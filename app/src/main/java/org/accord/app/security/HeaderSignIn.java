package org.accord.app.security;

import org.springframework.security.core.Authentication;

/**
 * Signs a caller in from the value of an {@code Authorization} header, where no HTTP filter sees it: in a graphql-ws
 * {@code connection_init} payload. HTTP Basic in the embedded mode, a bearer JWT in production.
 */
@FunctionalInterface
public interface HeaderSignIn {

    /** @throws org.springframework.security.core.AuthenticationException when the credentials are not accepted */
    Authentication authenticate(String authorizationHeader);
}
