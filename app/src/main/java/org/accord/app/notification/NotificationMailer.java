package org.accord.app.notification;

import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.accord.api.notification.FindNotificationsToMailQuery;
import org.accord.api.notification.NotificationView;
import org.accord.app.person.PersonDirectory;
import org.accord.app.shared.Queries;
import org.accord.query.notification.MailOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Mails new notifications, when the operator has turned it on, from the read side: after the event is stored and
 * projected, on a thread of its own, so a slow or absent mail server never holds up a command, a projection or the
 * deadline checks.
 * <p>
 * Never twice: each notification is claimed in {@link NotificationMarks} (beside the events, one insert on its id)
 * before the message is handed to the server, and a claimed one is never sent again, whatever restarts or rebuilds
 * follow. A crash between the claim and the hand-over loses that message (at most once, on purpose); a server that
 * refuses it gives the claim back, to be tried again while the notification is recent.
 */
@Component
class NotificationMailer {

    private static final Logger log = LoggerFactory.getLogger(NotificationMailer.class);
    private static final int BATCH = 100;
    private static final String TIMEOUT_MILLIS = "10000";

    private final NotificationMailProperties properties;
    private final Queries queries;
    private final MailOutbox outbox;
    private final NotificationMarks marks;
    private final PersonDirectory directory;
    private final JavaMailSenderImpl sender;
    private ScheduledExecutorService thread;

    NotificationMailer(NotificationMailProperties properties, Queries queries, MailOutbox outbox,
                       NotificationMarks marks, PersonDirectory directory) {
        this.properties = properties;
        this.queries = queries;
        this.outbox = outbox;
        this.marks = marks;
        this.directory = directory;
        this.sender = sender(properties);
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void start() {
        if (thread != null) {
            return;
        }
        if (properties.enabled() && !properties.configured()) {
            log.warn("notification e-mail is enabled but accord.notifications.mail.host is not set: nothing is mailed");
        } else if (properties.configured()) {
            log.info("notifications are mailed through {}:{}", properties.host(), properties.port());
        }
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "accord-notification-mail");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(100, properties.interval().toMillis());
        thread.scheduleWithFixedDelay(this::deliverSafely, 0, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    synchronized void stop() {
        if (thread != null) {
            thread.shutdownNow();
        }
    }

    private void deliverSafely() {
        try {
            deliver();
        } catch (RuntimeException e) {
            // the store busy, a query timing out: look again next time (nothing was sent that is not claimed)
            log.warn("notification mail delivery skipped a round: {}", e.toString());
        }
    }

    /** One round: every notification that appeared since the last, oldest first. */
    void deliver() {
        if (properties.enabled() && !properties.configured()) {
            return; // misconfigured: keep the outbox for when it is fixed (recent notifications are still mailed)
        }
        if (!properties.enabled()) {
            // mail off, the default: nothing will be sent, so the outbox is emptied at once rather than read a
            // hundred at a time (a load that notifies thousands outgrew that, each look reading the whole outbox)
            outbox.dealtWithAll();
            return;
        }
        List<NotificationView> due = queries.list(new FindNotificationsToMailQuery(BATCH), NotificationView.class);
        Instant now = Instant.now();
        for (NotificationView n : due) {
            if (!properties.configured() || n.createdAt().isBefore(now.minus(properties.maxAge()))) {
                outbox.dealtWith(n.id()); // mail off, or old news
                continue;
            }
            // decided once for good, whatever follows: a rebuild that offers it again finds the claim
            if (!marks.claimMail(n.id(), now)) {
                outbox.dealtWith(n.id()); // already sent, or already found not to be sent
                continue;
            }
            String to = directory.email(n.personId());
            if (to == null || !marks.readOf(n.personId(), Set.of(n.id())).isEmpty()) {
                outbox.dealtWith(n.id()); // nowhere to send it, or already read in Accord
                continue;
            }
            try {
                sender.send(message(to, n));
                outbox.dealtWith(n.id());
            } catch (MailException | MessagingException e) {
                marks.releaseMail(n.id());
                log.warn("the mail server did not take notification {}; trying again later: {}", n.id(),
                        e.getMessage());
                return; // the server is likely down for the rest too
            }
        }
    }

    private MimeMessage message(String to, NotificationView n) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(to);
        helper.setSubject("Accord: " + n.title());
        String base = properties.baseUrl().endsWith("/") ? properties.baseUrl() : properties.baseUrl() + "/";
        helper.setText(n.title() + "\n\n"
                + (n.dueAt() == null ? "" : "Due by " + n.dueAt() + ".\n\n")
                + "Your inbox: " + base + "board/inbox.html\n\n"
                + "You receive this because it needs you in Accord. Ask your trust to remove your address to stop"
                + " these messages.\n");
        // lets a mail server or client recognise the one notification behind a message
        message.setHeader("X-Accord-Notification", n.id());
        return message;
    }

    private static JavaMailSenderImpl sender(NotificationMailProperties properties) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(properties.host());
        sender.setPort(properties.port());
        sender.setDefaultEncoding("UTF-8");
        Properties javaMail = new Properties();
        javaMail.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        javaMail.put("mail.smtp.timeout", TIMEOUT_MILLIS);
        javaMail.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        if (properties.username() != null && !properties.username().isBlank()) {
            sender.setUsername(properties.username());
            sender.setPassword(properties.password());
            javaMail.put("mail.smtp.auth", "true");
        }
        if (properties.starttls()) {
            javaMail.put("mail.smtp.starttls.enable", "true");
            javaMail.put("mail.smtp.starttls.required", "true");
        }
        sender.setJavaMailProperties(javaMail);
        return sender;
    }
}
