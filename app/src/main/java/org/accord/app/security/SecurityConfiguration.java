package org.accord.app.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP Basic against the configured accounts; every request but the health check must be authenticated. Stateless:
 * no session cookie, so a browser cannot be tricked into replaying one (GraphQL posts JSON, which a cross-site form
 * cannot send without a CORS preflight).
 */
@Configuration(proxyBeanMethods = false)
@Profile("!production")
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http,
                            @Value("${accord.security.operator-role:ACCORD_OPERATOR}") String operator)
            throws Exception {
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // the page itself holds nothing; every request it makes signs in
                        .requestMatchers("/explorer.html").permitAll()
                        // the public key that checks the decision log's signed checkpoints: public by design
                        .requestMatchers(HttpMethod.GET, "/.well-known/accord-ledger-key.pem").permitAll()
                        // the board's pages (HTML, CSS, scripts) hold no data either: they sign in on every request
                        .requestMatchers(HttpMethod.GET, "/", "/board", "/board/", "/board/**").permitAll()
                        // the graphql-ws handshake: it may sign in later, in connection_init (WebSocketSignIn);
                        // queries and mutations are POSTs and always need credentials
                        .requestMatchers(HttpMethod.GET, "/graphql").permitAll()
                        // rebuilds, trust registration: operators only
                        .requestMatchers("/actuator/**").hasRole(operator)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(new UnauthorizedAsGraphQlError()))
                // no anonymous token: an unauthenticated caller has no authentication at all, so that the
                // credentials given in connection_init are the ones a subscription runs as
                .anonymous(anonymous -> anonymous.disable())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new VerifiedPasswords(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }

    @Bean
    UserDetailsService accounts(AccountsProperties properties) {
        return username -> {
            AccountsProperties.Account account = properties.accounts().get(username);
            if (account == null) {
                throw new UsernameNotFoundException("no such account");
            }
            return new AccordUser(username, account.password(),
                    account.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList(),
                    account.personId(), account.trustId());
        };
    }
}
