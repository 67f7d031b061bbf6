package org.accord.app.security;

import java.io.IOException;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.StringUtils;

/**
 * The board's pages sign in with a form and then carry a session cookie (HttpOnly, SameSite=Strict), never a
 * password. The sign-in, sign-out and refusals answer a script in JSON, in the shape of every other refusal.
 */
final class BrowserSession {

    static final String SIGN_IN = "/signin";
    static final String SIGN_OUT = "/signout";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private BrowserSession() {
    }

    /**
     * Which requests must carry the CSRF token: those that change something and could be signed in by the session
     * cookie a browser sends on its own. A request with an Authorization header (curl, an API client) signs in with
     * it, and no other site can make a browser send one; a request with no session cookie is signed in by nothing,
     * and is refused as such (401). Signing in always needs the token, so that no other site can sign a browser in to
     * an account of its choosing.
     */
    static RequestMatcher needsCsrfToken() {
        return request -> !SAFE_METHODS.contains(request.getMethod())
                && (SIGN_IN.equals(request.getServletPath())
                || !signedInByHeader(request) && request.getRequestedSessionId() != null);
    }

    /** An API client's request: signed in by its Authorization header, which no other site can make a browser add. */
    private static boolean signedInByHeader(HttpServletRequest request) {
        return request.getHeader("Authorization") != null;
    }

    static AuthenticationSuccessHandler signedIn() {
        return (request, response, authentication) -> {
            response.setStatus(HttpStatus.OK.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write("{\"signedIn\":true}");
        };
    }

    /** The same words whichever part was wrong. */
    static AuthenticationFailureHandler refused() {
        return (request, response, e) -> error(response, HttpStatus.UNAUTHORIZED, "the user name or password is wrong",
                "UNAUTHORIZED");
    }

    /** A state-changing request on the session cookie without this session's CSRF token: 403, nothing done. */
    static AccessDeniedHandler forbidden() {
        AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();
        return (request, response, e) -> {
            if (e instanceof CsrfException) {
                error(response, HttpStatus.FORBIDDEN, "the request lacks this session's CSRF token (X-XSRF-TOKEN): "
                        + "reload the page, or sign in again", "FORBIDDEN");
            } else {
                otherwise.handle(request, response, e);
            }
        };
    }

    private static void error(HttpServletResponse response, HttpStatus status, String message, String classification)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write("{\"errors\":[{\"message\":\"" + message
                + "\",\"extensions\":{\"classification\":\"" + classification + "\"}}]}");
    }

    /**
     * CSRF tokens as Spring's support for single-page apps ({@code csrf.spa()}) gives them: the cookie's raw value
     * back in the X-XSRF-TOKEN header (the pages), a masked one in a form field; and the cookie written on every
     * answer to a browser, so that a page has it before its first POST. Not to an API client (an Authorization
     * header): it needs no token ({@link #needsCsrfToken()}) and never sends the cookie back, so {@code spa()} made
     * each of its answers a new token from secure random bytes and a cookie to carry it.
     */
    static CsrfTokenRequestHandler tokens() {
        CsrfTokenRequestHandler plain = new CsrfTokenRequestAttributeHandler();
        CsrfTokenRequestHandler masked = new XorCsrfTokenRequestAttributeHandler();
        return new CsrfTokenRequestHandler() {
            @Override
            public void handle(HttpServletRequest request, HttpServletResponse response,
                               Supplier<CsrfToken> token) {
                masked.handle(request, response, token);
                if (!signedInByHeader(request)) {
                    token.get(); // loads the deferred token, which writes its cookie when the browser has none yet
                }
            }

            @Override
            public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
                boolean inHeader = StringUtils.hasText(request.getHeader(token.getHeaderName()));
                return (inHeader ? plain : masked).resolveCsrfTokenValue(request, token);
            }
        };
    }

    static boolean sessionEnded(HttpServletRequest request) {
        return request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
    }
}
