package org.accord.app.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * A request without valid credentials gets 401 and the Basic challenge (not for a script's request), as before, and
 * a body in the shape of every other refusal: one GraphQL error classified UNAUTHORIZED, so a client reads every failure the same way.
 */
public class UnauthorizedAsGraphQlError implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        // a script's request (the board's pages) gets no challenge, or the browser would open its own password
        // dialog over the page's sign-in form; Spring's default entry point makes the same distinction
        if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Accord\"");
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write("{\"errors\":[{\"message\":\"" + message(request)
                + "\",\"extensions\":{\"classification\":\"UNAUTHORIZED\"}}]}");
    }

    /**
     * Wrong credentials are told apart from none (a first user could not tell a mistyped password from a page that
     * had not sent one), never which part was wrong.
     */
    static String message(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if ((authorization == null || authorization.isBlank()) && BrowserSession.sessionEnded(request)) {
            return "your session has ended (signed out, or idle too long): sign in again";
        }
        if (authorization == null || authorization.isBlank()) {
            return "sign in first: the request carried no credentials";
        }
        return "the user name or password is wrong";
    }
}
