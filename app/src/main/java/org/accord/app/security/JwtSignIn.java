package org.accord.app.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Turns a verified token into the {@link AccordUser} the rest of Accord knows: person and trust from the configured
 * claims, sign-in roles as {@code ROLE_…} authorities. Domain roles (executive, chair…) still come from the trust's
 * events, never from the token.
 */
final class JwtSignIn {

    private static final Logger log = LoggerFactory.getLogger(JwtSignIn.class);

    private final JwtProperties properties;

    JwtSignIn(JwtProperties properties) {
        this.properties = properties;
    }

    /** The principal's authentication; the token's claims were checked by {@link #requiredClaims()}. */
    AbstractAuthenticationToken authentication(Jwt jwt) {
        List<GrantedAuthority> authorities = roles(jwt).stream()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
        String personId = jwt.getClaimAsString(properties.personIdClaim());
        AccordUser user = new AccordUser(personId, "", authorities, personId,
                jwt.getClaimAsString(properties.trustIdClaim()));
        return new Authenticated(user, jwt, authorities);
    }

    /** A token without an expiry, a person or a trust is refused like a forged one (401), naming what is missing. */
    OAuth2TokenValidator<Jwt> requiredClaims() {
        return jwt -> {
            List<OAuth2Error> missing = new ArrayList<>();
            if (jwt.getExpiresAt() == null) {
                missing.add(invalid("the token has no expiry (exp)"));
            }
            for (String claim : List.of(properties.personIdClaim(), properties.trustIdClaim())) {
                Object value = jwt.getClaims().get(claim);
                if (!(value instanceof String text) || text.isBlank()) {
                    missing.add(invalid("the token has no '" + claim + "' claim (a non-empty string)"));
                }
            }
            return missing.isEmpty() ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(missing);
        };
    }

    /**
     * A token whose person is registered in another trust than its trust claim is refused (401), naming the mismatch
     * but not the other trust: the trust a person belongs to is what the events registered, never what a token says.
     * A person no trust has registered signs in with the claim's trust and no roles, as before.
     */
    OAuth2TokenValidator<Jwt> registeredTrust(RegisteredTrusts registered) {
        return jwt -> {
            if (!(jwt.getClaims().get(properties.personIdClaim()) instanceof String personId)
                    || !(jwt.getClaims().get(properties.trustIdClaim()) instanceof String claimed)
                    || personId.isBlank()) {
                return OAuth2TokenValidatorResult.success(); // requiredClaims() refuses these
            }
            String trustId = registered.trustOf(personId);
            if (trustId == null || trustId.equals(claimed)) {
                return OAuth2TokenValidatorResult.success();
            }
            log.warn("refused a token for person '{}' claiming trust '{}': the person is registered in trust '{}'",
                    personId, claimed, trustId);
            return OAuth2TokenValidatorResult.failure(invalid("the token's person '" + personId
                    + "' is not a person of trust '" + claimed + "' (its '" + properties.trustIdClaim()
                    + "' claim): they are registered in another trust"));
        };
    }

    private List<String> roles(Jwt jwt) {
        Object claim = jwt.getClaims().get(properties.rolesClaim());
        if (claim instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String text && !text.isBlank()) {
            return List.of(text.trim().split("\\s+"));
        }
        return List.of();
    }

    private static OAuth2Error invalid(String description) {
        return new OAuth2Error("invalid_token", description, null);
    }

    /** Signed in with a token: the principal is the AccordUser, the credentials the token. */
    static final class Authenticated extends AbstractAuthenticationToken {

        private final AccordUser user;
        private final Jwt jwt;

        Authenticated(AccordUser user, Jwt jwt, Collection<? extends GrantedAuthority> authorities) {
            super(authorities);
            this.user = user;
            this.jwt = jwt;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return jwt;
        }

        @Override
        public Object getPrincipal() {
            return user;
        }

        @Override
        public String getName() {
            return user.personId();
        }
    }
}
