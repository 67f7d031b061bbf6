package org.accord.app.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the board's pages sign in through the trust's identity provider in production ({@code accord.security.oidc.*}):
 * OpenID Connect's authorisation-code flow with PKCE. Off while {@code client-id} is blank; the pages then take a
 * pasted access token, as before. Who the caller is comes from the ID token's claims, read exactly as a bearer token's
 * ({@code accord.security.jwt.*-claim}).
 *
 * @param issuerUri     the provider's issuer; its discovery document names the endpoints and keys
 * @param clientId      Accord's client at the provider
 * @param clientSecret  blank for a public client (PKCE alone); otherwise sent with HTTP Basic to the token endpoint
 * @param scopes        asked for at sign-in; {@code openid} is always among them
 * @param providerName  the words on the sign-in button ("Sign in with …")
 */
@ConfigurationProperties("accord.security.oidc")
public record OidcProperties(String issuerUri, String clientId, String clientSecret,
                             @DefaultValue({"openid", "profile"}) List<String> scopes,
                             @DefaultValue("your trust's account") String providerName) {

    public boolean enabled() {
        return clientId != null && !clientId.isBlank();
    }
}
