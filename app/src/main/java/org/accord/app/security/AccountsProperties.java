package org.accord.app.security;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in accounts of the embedded mode (HTTP Basic): user name → password hash (bcrypt, in Spring's
 * {@code {bcrypt}…} form) and the person and trust the account stands for.
 */
@ConfigurationProperties("accord.security")
public record AccountsProperties(Map<String, Account> accounts) {

    /** @param roles sign-in roles beyond the domain's, e.g. the operator role for the actuator's operations */
    public record Account(String password, String personId, String trustId, java.util.List<String> roles) {

        public java.util.List<String> roles() {
            return roles == null ? java.util.List.of() : roles;
        }
    }

    public Map<String, Account> accounts() {
        return accounts == null ? Map.of() : accounts;
    }
}
