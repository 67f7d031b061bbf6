package org.accord.app.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * Two ways in, one set of accounts. API clients (curl, scripts) send HTTP Basic on every request and keep no
 * session: nothing for them changes, and they need no CSRF token. The board's pages sign in once with a form
 * ({@code POST /signin}) and then carry a session cookie (HttpOnly, SameSite=Strict, idle timeout
 * server.servlet.session.timeout); a state-changing request on that cookie must also carry the session's CSRF token,
 * read by the page from the XSRF-TOKEN cookie and sent back as X-XSRF-TOKEN ({@link BrowserSession}).
 * {@code POST /signout} ends the session. Every request but the health check and the pages' files must be signed in.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!production")
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http,
                            @Value("${accord.security.operator-role:ACCORD_OPERATOR}") String operator,
                            @Value("${server.servlet.session.cookie.name:JSESSIONID}") String sessionCookie)
            throws Exception {
        CookieCsrfTokenRepository csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // the page itself holds nothing; every request it makes signs in
                        .requestMatchers("/explorer.html").permitAll()
                        // the public key that checks the decision log's signed checkpoints: public by design
                        .requestMatchers(HttpMethod.GET, "/.well-known/accord-ledger-key.pem").permitAll()
                        // the board's pages (HTML, CSS, scripts) hold no data either: their requests sign in
                        .requestMatchers(HttpMethod.GET, "/", "/board", "/board/", "/board/**").permitAll()
                        // the graphql-ws handshake: signed in by the session cookie, or later in connection_init
                        // (WebSocketSignIn); queries and mutations are POSTs and always need credentials
                        .requestMatchers(HttpMethod.GET, "/graphql").permitAll()
                        .requestMatchers(HttpMethod.POST, BrowserSession.SIGN_OUT).permitAll()
                        .requestMatchers(HttpMethod.GET, SignInOptionsController.PATH).permitAll()
                        // rebuilds, trust registration: operators only
                        .requestMatchers("/actuator/**").hasRole(operator)
                        .anyRequest().authenticated())
                // Basic signs in one request at a time: it never creates or joins a session
                .httpBasic(basic -> basic.authenticationEntryPoint(new UnauthorizedAsGraphQlError())
                        .securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .formLogin(form -> form.loginPage("/board/index.html").loginProcessingUrl(BrowserSession.SIGN_IN)
                        .successHandler(BrowserSession.signedIn()).failureHandler(BrowserSession.refused())
                        .permitAll())
                .logout(logout -> logout.logoutUrl(BrowserSession.SIGN_OUT)
                        .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT))
                        .deleteCookies(sessionCookie))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new UnauthorizedAsGraphQlError())
                        .accessDeniedHandler(BrowserSession.forbidden()))
                // no anonymous token: an unauthenticated caller has no authentication at all, so that the
                // credentials given in connection_init are the ones a subscription runs as
                .anonymous(anonymous -> anonymous.disable())
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens).csrfTokenRequestHandler(BrowserSession.tokens())
                        .requireCsrfProtectionMatcher(BrowserSession.needsCsrfToken()))
                // a refused request is not remembered for after signing in: that would open a session per 401
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                // only the sign-in form starts a session (and changes its id, against fixation): the filter that would
                // store every Basic sign-in in a new session is left out
                .sessionManagement(s -> s.requireExplicitAuthenticationStrategy(true))
                .build();
    }

    @Bean
    SignInOptions signInOptions() {
        return SignInOptions.passwords();
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
