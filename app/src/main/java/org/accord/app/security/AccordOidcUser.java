package org.accord.app.security;

import java.util.Collection;
import java.util.Map;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A caller signed in through the identity provider: the {@link AccordUser} every controller takes (person and trust
 * from the ID token's claims), and the {@link OidcUser} Spring Security needs to end the provider's session at
 * sign-out (it sends the ID token back as {@code id_token_hint}).
 */
final class AccordOidcUser extends AccordUser implements OidcUser {

    private final OidcUser signedIn;

    AccordOidcUser(OidcUser signedIn, Collection<? extends GrantedAuthority> authorities, String personId,
                   String trustId) {
        super(personId, "", authorities, personId, trustId);
        this.signedIn = signedIn;
    }

    @Override
    public Map<String, Object> getClaims() {
        return signedIn.getClaims();
    }

    @Override
    public OidcUserInfo getUserInfo() {
        return signedIn.getUserInfo();
    }

    @Override
    public OidcIdToken getIdToken() {
        return signedIn.getIdToken();
    }

    @Override
    public Map<String, Object> getAttributes() {
        return signedIn.getAttributes();
    }

    @Override
    public String getName() {
        return personId();
    }
}
