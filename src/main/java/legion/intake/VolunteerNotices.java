package legion.intake;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import legion.embassy.Embassy;
import legion.enlistment.Enlistment;
import legion.enlistment.EnlistmentApproved;
import legion.enlistment.EnlistmentAuthorized;
import legion.enlistment.EnlistmentId;
import legion.enlistment.EnlistmentRejected;
import legion.enlistment.EnlistmentRevoked;
import legion.enlistment.Enlistments;
import legion.enlistment.InformationRequested;
import legion.enlistment.InterviewScheduled;
import legion.enlistment.PersonalDataErased;
import legion.outbox.Mail;
import legion.outbox.Outbox;
import legion.review.CaseFiles;
import legion.web.Languages;

/**
 * Tells volunteers what happens to their application, by mail in their language: received (with the reference),
 * information requested, interview invitation (date, time, zone, mode), rejection with its reason, approval, travel
 * authorization ready, revocation. Each message is queued in the outbox in the very transaction that changed the case
 * (just before it commits, when everything the message tells is written; a new application's acknowledgement is queued
 * by {@link Intake} itself, last in its transaction), so it exists exactly when the change does.
 * No passport number or date of birth in any mail; the volunteer's language is the one they applied in.
 */
@Component
public class VolunteerNotices {

    private final Outbox outbox;
    private final Enlistments enlistments;
    private final CaseFiles files;
    private final MessageSource messages;
    private final VolunteerLanguages languages;
    private final String statusUrl;

    VolunteerNotices(Outbox outbox, Enlistments enlistments, CaseFiles files, MessageSource messages,
                     VolunteerLanguages languages,
                     @Value("${legion.public-url:http://localhost:8080}") String publicUrl) {
        this.outbox = outbox;
        this.enlistments = enlistments;
        this.files = files;
        this.messages = messages;
        this.languages = languages;
        this.statusUrl = publicUrl.replaceAll("/+$", "") + "/status";
    }

    /**
     * A new application was stored ({@link Intake}, in its transaction, after everything the message tells): records
     * the volunteer's language and queues the acknowledgement with the reference. Given the case just written, so
     * that nothing is read back or decrypted again on the intake path.
     */
    void received(Enlistment c, Embassy embassy) {
        Locale language = Languages.closest(LocaleContextHolder.getLocale());
        languages.record(c.id(), language);
        queue(c, "SUBMITTED", language, "", embassy.name());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(InformationRequested e) {
        notify(e.id(), "INFO_REQUESTED", e.at().toEpochMilli());
    }

    /**
     * An interview's date and time as the volunteer reads it: in the interview's time zone, written the way their
     * language writes dates (the mail and the status page say the same).
     */
    public static String interviewTime(CaseFiles.Interview i, Locale language) {
        ZonedDateTime at = i.scheduledAt().atZone(ZoneId.of(i.timeZone()));
        // British for English, as every date of the portal: 14:30, not 2:30 PM
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                .withLocale(VolunteerLanguages.writing(language)).format(at);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(InterviewScheduled e) {
        enlistments.findById(e.id()).ifPresent(c -> {
            Locale language = languageOf(e.id());
            files.interviews(e.id()).stream().max(Comparator.comparing(CaseFiles.Interview::id)).ifPresent(i -> {
                String mode = messages.getMessage("notice.mode." + i.mode(), null, i.mode(), language);
                queue(c, "INTERVIEW", language, "interview-" + i.id(), interviewTime(i, language), i.timeZone(), mode);
            });
        });
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(EnlistmentRejected e) {
        enlistments.findById(e.id()).ifPresent(c -> {
            Locale language = languageOf(e.id());
            queue(c, "REJECTED", language, "", messages.getMessage("notice.reason." + e.reason().name(), null,
                    language));
        });
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(EnlistmentApproved e) {
        notify(e.id(), "APPROVED", 0);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(EnlistmentAuthorized e) {
        notify(e.id(), "AUTHORIZED", 0);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(EnlistmentRevoked e) {
        notify(e.id(), "REVOKED", 0);
    }

    /** An erased case is told nothing more: what was still waiting to be sent goes. */
    @org.springframework.context.event.EventListener
    void on(PersonalDataErased e) {
        outbox.discardUnsent("enlistment:" + e.id().value() + ":");
    }

    private void notify(EnlistmentId id, String kind, long occasion) {
        enlistments.findById(id).ifPresent(c -> queue(c, kind, languageOf(id), occasion == 0 ? "" : "-" + occasion));
    }

    /**
     * Queues one notice. The arguments of every text: {0} the reference, {1} the status page, then the kind's own.
     * The dedupe key makes the notice once per case, kind and occasion (an information request, an interview).
     */
    private void queue(Enlistment c, String kind, Locale language, String occasion, Object... own) {
        if (c.applicant() == null || c.applicant().email() == null) {
            return; // erased: nobody to tell
        }
        Object[] args = new Object[2 + own.length];
        args[0] = c.reference().value();
        args[1] = statusUrl;
        System.arraycopy(own, 0, args, 2, own.length);
        String subject = messages.getMessage("notice.subject." + kind, args, language);
        String body = messages.getMessage("notice.body." + kind, args, language)
                + messages.getMessage("notice.footer", null, language);
        outbox.enqueue(new Mail("enlistment:" + c.id().value() + ":" + kind + occasion, kind, c.applicant().email(),
                subject, body, language));
    }

    private Locale languageOf(EnlistmentId id) {
        return languages.of(id);
    }

}
