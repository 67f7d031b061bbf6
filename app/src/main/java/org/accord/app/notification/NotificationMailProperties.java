package org.accord.app.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * E-mail delivery of notifications, set by the operator; off by default. Read at run time (not a bean condition), so
 * that turning it on needs no rebuild.
 *
 * @param enabled  whether notifications are mailed ({@code ACCORD_NOTIFICATIONS_MAIL_ENABLED})
 * @param host     the SMTP server ({@code ACCORD_NOTIFICATIONS_MAIL_HOST}); mail stays off without one
 * @param port     its port (default 25; 587 for submission with STARTTLS)
 * @param username the SMTP user, if the server wants one (then {@code password} too)
 * @param password the SMTP password ({@code ACCORD_NOTIFICATIONS_MAIL_PASSWORD})
 * @param starttls whether to require STARTTLS
 * @param from     the sender's address
 * @param baseUrl  where the board's pages are reached, for the link in each message
 * @param maxAge   a notification older than this when the delivery first looks at it is not mailed (after an outage,
 *                 or one that appeared while mail was off): people get news, not a backlog
 * @param interval how often the delivery looks for new notifications
 */
@ConfigurationProperties("accord.notifications.mail")
public record NotificationMailProperties(@DefaultValue("false") boolean enabled,
                                         String host,
                                         @DefaultValue("25") int port,
                                         String username,
                                         String password,
                                         @DefaultValue("false") boolean starttls,
                                         @DefaultValue("accord@localhost") String from,
                                         @DefaultValue("http://localhost:8080") String baseUrl,
                                         @DefaultValue("48h") Duration maxAge,
                                         @DefaultValue("2s") Duration interval) {

    boolean configured() {
        return enabled && host != null && !host.isBlank();
    }

    @Override
    public String toString() {
        // never the password
        return "NotificationMailProperties[enabled=" + enabled + ", host=" + host + ", port=" + port + ", username="
                + username + ", starttls=" + starttls + ", from=" + from + ", baseUrl=" + baseUrl + ", maxAge="
                + maxAge + ", interval=" + interval + "]";
    }
}
