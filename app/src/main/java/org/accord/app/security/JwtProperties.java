package org.accord.app.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How production sign-in reads the identity provider's tokens ({@code accord.security.jwt.*}). The keys come from the
 * first of these that is set: the issuer's discovery document ({@code issuer-uri}, whose {@code iss} tokens must then
 * carry), its key set ({@code jwk-set-uri}), or an RSA public key in PEM ({@code public-key-location}, e.g.
 * {@code file:/etc/accord/jwt/public.pem}).
 *
 * @param personIdClaim the claim that holds the Accord person id of the caller
 * @param trustIdClaim  the claim that holds the id of the caller's trust
 * @param rolesClaim    the claim with sign-in roles (a list, or a space-separated string), e.g. the operator role
 * @param audience      when set, tokens must name it in {@code aud}
 * @param clockSkew     tolerance on {@code exp} and {@code nbf}
 */
@ConfigurationProperties("accord.security.jwt")
public record JwtProperties(String issuerUri, String jwkSetUri, String publicKeyLocation, String audience,
                            @DefaultValue("sub") String personIdClaim,
                            @DefaultValue("trust_id") String trustIdClaim,
                            @DefaultValue("roles") String rolesClaim,
                            @DefaultValue("30s") Duration clockSkew) {
}
