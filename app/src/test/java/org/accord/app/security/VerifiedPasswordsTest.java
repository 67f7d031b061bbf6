package org.accord.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class VerifiedPasswordsTest {

    private final AtomicInteger checks = new AtomicInteger();
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };
    private final VerifiedPasswords passwords = new VerifiedPasswords(counting);

    @Test
    void aPasswordThatMatchedIsNotCheckedAgainAgainstTheSameHash() {
        String hash = bcrypt.encode("demo");

        assertThat(passwords.matches("demo", hash)).isTrue();
        assertThat(passwords.matches("demo", hash)).isTrue();

        assertThat(checks).hasValue(1);
    }

    @Test
    void aWrongPasswordIsAlwaysCheckedAndRefused() {
        String hash = bcrypt.encode("demo");
        passwords.matches("demo", hash);

        assertThat(passwords.matches("demo ", hash)).isFalse();
        assertThat(passwords.matches("wrong", hash)).isFalse();

        assertThat(checks).hasValue(3);
    }

    @Test
    void aChangedHashIsCheckedAfresh() {
        passwords.matches("demo", bcrypt.encode("demo"));

        assertThat(passwords.matches("demo", bcrypt.encode("other"))).isFalse();
    }
}
