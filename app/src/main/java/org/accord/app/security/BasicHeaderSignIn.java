package org.accord.app.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** HTTP Basic credentials against the embedded mode's accounts. */
@Component
@Profile("!production")
class BasicHeaderSignIn implements HeaderSignIn {

    private final DaoAuthenticationProvider accounts;

    BasicHeaderSignIn(UserDetailsService users, PasswordEncoder passwords) {
        this.accounts = new DaoAuthenticationProvider(users);
        this.accounts.setPasswordEncoder(passwords);
    }

    @Override
    public Authentication authenticate(String header) {
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new BadCredentialsException("Authorization must be Basic credentials");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadCredentialsException("Authorization is not valid Basic credentials");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new BadCredentialsException("Authorization is not valid Basic credentials");
        }
        return accounts.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(decoded.substring(0, colon),
                decoded.substring(colon + 1)));
    }
}
