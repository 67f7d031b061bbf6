package org.accord.app.security;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The board's pages in production sign in through the trust's identity provider: OpenID Connect's authorisation-code
 * flow, always with PKCE (S256), whether Accord's client is public or has a secret. The ID token's claims are read
 * and checked exactly as a bearer token's ({@link JwtSignIn}): the same person, trust and roles claims, the same
 * refusal of a person registered in another trust. The pages then carry a session cookie, as in the embedded mode.
 */
final class OidcSignIn {

    static final String REGISTRATION_ID = "trust";
    static final String AUTHORIZATION_BASE = "/oauth2/authorization";
    static final String START = AUTHORIZATION_BASE + "/" + REGISTRATION_ID;
    /** The page a refused sign-in comes back to, with the reason in {@code signin-refused}. */
    static final String REFUSED_PAGE = "/board/index.html?signin-refused=";

    private OidcSignIn() {
    }

    /**
     * Accord's client at the provider, read from the provider's discovery document the first time someone signs in
     * (and again after a failed read), so that Accord starts, and serves API clients, while the provider is away.
     */
    static ClientRegistrationRepository registrations(OidcProperties properties) {
        return new ClientRegistrationRepository() {
            private volatile ClientRegistration registration;

            @Override
            public ClientRegistration findByRegistrationId(String registrationId) {
                if (!REGISTRATION_ID.equals(registrationId)) {
                    return null;
                }
                ClientRegistration known = registration;
                if (known == null) {
                    synchronized (this) {
                        if (registration == null) {
                            registration = discover(properties);
                        }
                        known = registration;
                    }
                }
                return known;
            }
        };
    }

    private static ClientRegistration discover(OidcProperties properties) {
        if (properties.issuerUri() == null || properties.issuerUri().isBlank()) {
            throw new IllegalStateException("accord.security.oidc.client-id is set but not"
                    + " accord.security.oidc.issuer-uri (ACCORD_OIDC_ISSUER_URI): the identity provider's issuer");
        }
        Set<String> scopes = new LinkedHashSet<>(List.of("openid"));
        scopes.addAll(properties.scopes());
        boolean publicClient = properties.clientSecret() == null || properties.clientSecret().isBlank();
        return ClientRegistrations.fromOidcIssuerLocation(properties.issuerUri())
                .registrationId(REGISTRATION_ID)
                .clientId(properties.clientId())
                .clientSecret(publicClient ? null : properties.clientSecret())
                .clientAuthenticationMethod(publicClient ? ClientAuthenticationMethod.NONE
                        : ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .scope(scopes)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .clientName(properties.providerName())
                .build();
    }

    /** PKCE for every client: a code intercepted on its way back is useless without the verifier. */
    static OAuth2AuthorizationRequestResolver withPkce(ClientRegistrationRepository registrations) {
        DefaultOAuth2AuthorizationRequestResolver resolver =
                new DefaultOAuth2AuthorizationRequestResolver(registrations, AUTHORIZATION_BASE);
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return resolver;
    }

    /**
     * The signed-in person: the provider's user (ID token checked by Spring Security: signature, issuer, audience,
     * expiry, nonce), then Accord's own checks of its claims, refused with the same words as a bearer token's.
     */
    static OAuth2UserService<OidcUserRequest, OidcUser> users(JwtProperties properties, RegisteredTrusts registered) {
        OidcUserService provider = new OidcUserService();
        JwtSignIn signIn = new JwtSignIn(properties);
        List<OAuth2TokenValidator<Jwt>> checks = List.of(signIn.requiredClaims(), signIn.registeredTrust(registered));
        return request -> {
            OidcUser user = provider.loadUser(request);
            Jwt claims = Jwt.withTokenValue(user.getIdToken().getTokenValue())
                    .header("alg", "checked by Spring Security")
                    .claims(c -> c.putAll(user.getClaims()))
                    .build();
            List<String> problems = new ArrayList<>();
            for (OAuth2TokenValidator<Jwt> check : checks) {
                OAuth2TokenValidatorResult result = check.validate(claims);
                result.getErrors().forEach(error -> problems.add(error.getDescription()));
            }
            if (!problems.isEmpty()) {
                String description = "Accord refused the identity provider's sign-in: "
                        + String.join("; ", problems);
                throw new OAuth2AuthenticationException(new OAuth2Error("invalid_token", description, null),
                        description);
            }
            AccordUser accordUser = (AccordUser) signIn.authentication(claims).getPrincipal();
            return new AccordOidcUser(user, accordUser.getAuthorities(), accordUser.personId(),
                    accordUser.trustId());
        };
    }

    /**
     * The session lasts as long as the ID token it was signed in with, not longer: a request on a session whose ID
     * token has expired ends that session and goes on unauthenticated (an API request then gets the 401 the pages
     * answer with the sign-in page). Without it the session would outlive the identity provider's word: a person
     * disabled or moved at the provider would keep Accord's pages until the session's idle timeout. Signing in again
     * goes through the provider, which signs them straight back in while its own session lasts.
     */
    static Filter endsWithTheIdToken(java.time.Clock clock) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
                if (signedIn != null && signedIn.getPrincipal() instanceof OidcUser user
                        && user.getIdToken().getExpiresAt() != null
                        && !user.getIdToken().getExpiresAt().isAfter(clock.instant())) {
                    HttpSession session = request.getSession(false);
                    if (session != null) {
                        session.invalidate();
                    }
                    SecurityContextHolder.clearContext();
                }
                chain.doFilter(request, response);
            }
        };
    }

    /** Back to the sign-in page, saying why (never a stack trace, never a bare 401 page). */
    static AuthenticationFailureHandler refused() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            String reason = e instanceof OAuth2AuthenticationException oauth
                    && oauth.getError().getDescription() != null ? oauth.getError().getDescription()
                    : "the identity provider did not sign you in (" + e.getMessage() + ")";
            response.sendRedirect(request.getContextPath() + REFUSED_PAGE
                    + URLEncoder.encode(reason, StandardCharsets.UTF_8));
        };
    }

    /**
     * Signing out ends Accord's session, then the provider's: the page is told where to send the browser (the
     * provider's end-session endpoint, with the ID token as hint and the pages as the way back). A script's
     * {@code fetch} cannot follow that redirect across sites, so the address comes back as JSON.
     */
    static LogoutSuccessHandler signedOut(ClientRegistrationRepository registrations) {
        EndSession endSession = new EndSession(registrations);
        endSession.setPostLogoutRedirectUri("{baseUrl}/board/");
        return endSession;
    }

    private static final class EndSession extends OidcClientInitiatedLogoutSuccessHandler {

        EndSession(ClientRegistrationRepository registrations) {
            super(registrations);
        }

        @Override
        public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
                                    Authentication authentication) throws IOException {
            if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser)) {
                response.setStatus(HttpStatus.NO_CONTENT.value());
                return;
            }
            String next = determineTargetUrl(request, response, authentication);
            response.setStatus(HttpStatus.OK.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write("{\"signedOut\":true,\"next\":\"" + next.replace("\\", "\\\\")
                    .replace("\"", "\\\"") + "\"}");
        }
    }
}
