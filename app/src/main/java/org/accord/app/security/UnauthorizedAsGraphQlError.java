package org.accord.app.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * A request without valid credentials gets 401 and the Basic challenge, as before, and a body in the shape of every
 * other refusal: one GraphQL error classified UNAUTHORIZED, so a client reads every failure the same way.
 */
public class UnauthorizedAsGraphQlError implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader("WWW-Authenticate", "Basic realm=\"Accord\"");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write("{\"errors\":[{\"message\":\"sign in first\","
                + "\"extensions\":{\"classification\":\"UNAUTHORIZED\"}}]}");
    }
}
