package org.accord.app.security;

/**
 * How the board's pages offer to sign in, so that a page shows only the way this Accord accepts: the embedded mode's
 * account and password, production's identity provider (OpenID Connect), or, in production without it, a pasted
 * access token. Holds no secret: served to anyone at {@link SignInOptionsController#PATH}.
 *
 * @param password     the form posts an account name and password to /signin
 * @param providerUrl  where the browser goes to sign in through the identity provider, or null
 * @param providerName the words on that button, or null
 * @param token        the form takes an access token (production without OpenID Connect)
 */
public record SignInOptions(boolean password, String providerUrl, String providerName, boolean token) {

    static SignInOptions passwords() {
        return new SignInOptions(true, null, null, false);
    }

    static SignInOptions identityProvider(String url, String name) {
        return new SignInOptions(false, url, name, false);
    }

    static SignInOptions accessTokens() {
        return new SignInOptions(false, null, null, true);
    }
}
