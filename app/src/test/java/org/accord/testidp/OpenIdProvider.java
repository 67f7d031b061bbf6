package org.accord.testidp;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID provider for the production sign-in's tests: Spring Authorization Server on its own port and in its
 * own application context (not Accord's), with its own login form, discovery document, keys, token and end-session
 * endpoints. Only its users, Accord's client and the extra claims of its tokens are set by the test. Its package is
 * outside Accord's so that no Accord context ever scans it.
 */
public final class OpenIdProvider implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final String issuer;

    private OpenIdProvider(ConfigurableApplicationContext context) {
        this.context = context;
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        // 127.0.0.1 while Accord's pages are on localhost: another site, as a real provider is, so that cookies
        // and redirects between the two behave as they do in a trust's deployment
        this.issuer = "http://127.0.0.1:" + port;
    }

    public static OpenIdProvider start() {
        // as arguments, not default properties: Accord's application.yml is on the same class path and must not set
        // the provider's session cookie (its SameSite=Strict would lose the sign-in on the way in from Accord)
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Server.class)
                .run("--spring.config.name=openid-provider", "--server.port=0", "--server.address=127.0.0.1",
                        "--spring.main.banner-mode=off", "--server.servlet.session.cookie.name=PROVIDER_SESSION");
        return new OpenIdProvider(context);
    }

    public String issuer() {
        return issuer;
    }

    /** A person who can sign in here: user name (the {@code sub} of their tokens), password, extra claims. */
    public void addUser(String username, String password, Map<String, Object> claims) {
        context.getBean(InMemoryUserDetailsManager.class)
                .createUser(User.withUsername(username).password("{noop}" + password).roles("USER").build());
        context.getBean(Server.class).claims.put(username, Map.copyOf(claims));
    }

    /** A public client (no secret) that must use PKCE, coming back to {@code appBase}; no consent screen. */
    public void registerPublicClient(String clientId, String appBase) {
        context.getBean(Server.class).clients.put(clientId, RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(appBase + "/login/oauth2/code/trust")
                .postLogoutRedirectUri(appBase + "/board/")
                .scope("openid").scope("profile")
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .build())
                .build());
    }

    /** How long the ID tokens issued from now on last; null for the provider's default (30 minutes). */
    public void idTokenLifetime(java.time.Duration lifetime) {
        context.getBean(Server.class).idTokenLifetime = lifetime;
    }

    @Override
    public void close() {
        context.close();
    }

    @SpringBootConfiguration(proxyBeanMethods = false)
    @ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
            SecurityFilterAutoConfiguration.class, OAuth2AuthorizationServerAutoConfiguration.class,
            OAuth2AuthorizationServerJwtAutoConfiguration.class})
    static class Server {

        final Map<String, RegisteredClient> clients = new ConcurrentHashMap<>();
        final Map<String, Map<String, Object>> claims = new ConcurrentHashMap<>();
        volatile java.time.Duration idTokenLifetime;

        @Bean
        InMemoryUserDetailsManager users() {
            return new InMemoryUserDetailsManager();
        }

        @Bean
        RegisteredClientRepository registeredClients() {
            return new RegisteredClientRepository() {
                @Override
                public void save(RegisteredClient client) {
                    clients.put(client.getClientId(), client);
                }

                @Override
                public RegisteredClient findById(String id) {
                    return clients.values().stream().filter(c -> c.getId().equals(id)).findFirst().orElse(null);
                }

                @Override
                public RegisteredClient findByClientId(String clientId) {
                    return clients.get(clientId);
                }
            };
        }

        /** The user's extra claims (trust, roles) in every token issued for them, ID tokens included. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> extraClaims() {
            return context -> {
                claims.getOrDefault(context.getPrincipal().getName(), Map.of())
                        .forEach((name, value) -> context.getClaims().claim(name, value));
                java.time.Duration lifetime = idTokenLifetime;
                if (lifetime != null && "id_token".equals(context.getTokenType().getValue())) {
                    context.getClaims().expiresAt(java.time.Instant.now().plus(lifetime));
                }
            };
        }
    }
}
