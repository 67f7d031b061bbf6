package org.accord.app.security;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in accounts of the embedded mode (HTTP Basic): user name → password hash (bcrypt, in Spring's
 * {@code {bcrypt}…} form) and the person and trust the account stands for.
 */
@ConfigurationProperties("accord.security")
public record AccountsProperties(Map<String, Account> accounts) {

    public record Account(String password, String personId, String trustId) {
    }

    public Map<String, Account> accounts() {
        return accounts == null ? Map.of() : accounts;
    }
}
