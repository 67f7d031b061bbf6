package org.accord.app.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;

import org.accord.app.ledger.DecisionLogExportController;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * Production sign-in: an OAuth2 resource server that accepts the trust's identity provider's JWTs (signature,
 * expiry, optionally issuer and audience checked), with person, trust and roles from configurable claims. No
 * password, no account in configuration. Same rules as the embedded chain otherwise: health and the ledger's public
 * key open, the graphql-ws handshake open (it signs in at connection_init), the actuator's operations for operators,
 * the rest signed in. With {@code accord.security.oidc.client-id} set, the board's pages sign in through the
 * provider (OpenID Connect, authorisation code with PKCE) and carry a session cookie ({@link OidcSignIn}).
 */
@Configuration(proxyBeanMethods = false)
@Profile("production")
public class JwtSecurityConfiguration {

    @Bean
    SecurityFilterChain jwtApi(HttpSecurity http, JwtDecoder decoder, JwtProperties properties, OidcProperties oidc,
                               RegisteredTrusts registered,
                               @Value("${accord.security.operator-role:ACCORD_OPERATOR}") String operator,
                               @Value("${server.servlet.session.cookie.name:JSESSIONID}") String sessionCookie)
            throws Exception {
        JwtSignIn signIn = new JwtSignIn(properties);
        if (oidc.enabled()) {
            browserSignIn(http, OidcSignIn.registrations(oidc), properties, registered, sessionCookie);
        } else {
            // bearer tokens only: nothing signs in by a cookie, so there is nothing to forge a request with
            http.csrf(csrf -> csrf.disable())
                    .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        }
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/graphql").permitAll()
                        .requestMatchers(HttpMethod.GET, SignInOptionsController.PATH).permitAll()
                        .requestMatchers(HttpMethod.POST, BrowserSession.SIGN_OUT).permitAll()
                        // the key that checks the decision log's checkpoints is public, as in the embedded mode
                        .requestMatchers(HttpMethod.GET, DecisionLogExportController.PUBLIC_KEY_PATH).permitAll()
                        // the board's pages hold no data: they send the person's bearer token with every request
                        .requestMatchers(HttpMethod.GET, "/", "/board", "/board/", "/board/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole(operator)
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt
                        .decoder(decoder)
                        .jwtAuthenticationConverter(signIn::authentication)))
                .anonymous(anonymous -> anonymous.disable())
                .build();
    }

    /**
     * The pages sign in through the identity provider (OidcSignIn) and then carry the session cookie, with the same
     * CSRF rule as the embedded mode: a state-changing request on the cookie must carry the session's token; one with
     * a bearer token needs none. API clients still get a 401, never a redirect to the provider.
     */
    private static void browserSignIn(HttpSecurity http, ClientRegistrationRepository registrations,
                                      JwtProperties properties, RegisteredTrusts registered, String sessionCookie)
            throws Exception {
        CookieCsrfTokenRepository csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        http.oauth2Login(login -> login
                        .clientRegistrationRepository(registrations)
                        .loginPage("/board/index.html")
                        .authorizationEndpoint(a -> a.authorizationRequestResolver(OidcSignIn.withPkce(registrations)))
                        .userInfoEndpoint(user -> user.oidcUserService(OidcSignIn.users(properties, registered)))
                        .defaultSuccessUrl("/", true)
                        .failureHandler(OidcSignIn.refused()))
                .logout(logout -> logout.logoutUrl(BrowserSession.SIGN_OUT)
                        .logoutSuccessHandler(OidcSignIn.signedOut(registrations))
                        .deleteCookies(sessionCookie))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new BearerTokenAuthenticationEntryPoint())
                        .accessDeniedHandler(BrowserSession.forbidden()))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens).csrfTokenRequestHandler(BrowserSession.tokens())
                        .requireCsrfProtectionMatcher(BrowserSession.needsCsrfToken()))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                // the page's session ends when its ID token does (OidcSignIn)
                .addFilterAfter(OidcSignIn.endsWithTheIdToken(java.time.Clock.systemUTC()),
                        SecurityContextHolderFilter.class);
    }

    @Bean
    SignInOptions signInOptions(OidcProperties oidc) {
        return oidc.enabled() ? SignInOptions.identityProvider(OidcSignIn.START, oidc.providerName())
                : SignInOptions.accessTokens();
    }

    @Bean
    JwtDecoder jwtDecoder(JwtProperties properties, ResourceLoader resources, RegisteredTrusts registered) {
        NimbusJwtDecoder decoder = keySource(properties, resources);
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtTimestampValidator(properties.clockSkew()));
        validators.add(new JwtSignIn(properties).requiredClaims());
        validators.add(new JwtSignIn(properties).registeredTrust(registered));
        if (present(properties.issuerUri())) {
            validators.add(new JwtIssuerValidator(properties.issuerUri()));
        }
        if (present(properties.audience())) {
            validators.add(new JwtAudienceValidator(properties.audience()));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }

    /** graphql-ws's connection_init: {@code Authorization: Bearer <token>}, checked exactly as on HTTP. */
    @Bean
    HeaderSignIn bearerHeaderSignIn(JwtDecoder decoder, JwtProperties properties) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(new JwtSignIn(properties)::authentication);
        return header -> {
            if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new BadCredentialsException("Authorization must be a Bearer token");
            }
            return provider.authenticate(new BearerTokenAuthenticationToken(header.substring(7).trim()));
        };
    }

    /** The first one set of: the issuer, its key set, a public key file. */
    private static NimbusJwtDecoder keySource(JwtProperties properties, ResourceLoader resources) {
        if (!present(properties.issuerUri()) && !present(properties.jwkSetUri())
                && !present(properties.publicKeyLocation())) {
            throw new IllegalStateException("production sign-in needs the identity provider's keys: set"
                    + " ACCORD_JWT_ISSUER_URI (accord.security.jwt.issuer-uri), ACCORD_JWT_JWK_SET_URI"
                    + " (accord.security.jwt.jwk-set-uri) or ACCORD_JWT_PUBLIC_KEY_LOCATION"
                    + " (accord.security.jwt.public-key-location, an RSA public key in PEM, e.g."
                    + " file:/etc/accord/jwt/public.pem)");
        }
        if (present(properties.issuerUri())) {
            return NimbusJwtDecoder.withIssuerLocation(properties.issuerUri()).build();
        }
        if (present(properties.jwkSetUri())) {
            return NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        }
        return NimbusJwtDecoder.withPublicKey(publicKey(resources.getResource(properties.publicKeyLocation())))
                .build();
    }

    private static RSAPublicKey publicKey(Resource pem) {
        if (!pem.exists()) {
            throw new IllegalStateException("accord.security.jwt.public-key-location: " + pem.getDescription()
                    + " does not exist (deploy/dev-jwt.sh keys makes a key pair for trying Accord)");
        }
        try (InputStream in = pem.getInputStream()) {
            return RsaKeyConverters.x509().convert(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pem.getDescription(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(pem.getDescription() + " is not an RSA public key in PEM"
                    + " (-----BEGIN PUBLIC KEY-----)", e);
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
