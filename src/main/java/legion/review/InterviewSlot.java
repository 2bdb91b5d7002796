package legion.review;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;

import legion.enlistment.Transition;
import legion.enlistment.TransitionRefusedException;
import legion.enlistment.TransitionRefusedException.Refusal;

/** When and how an interview takes place: a local date and time in a named time zone, in person or by video. */
public record InterviewSlot(LocalDateTime at, ZoneId zone, Mode mode) {

    /** How the interview is held. */
    public enum Mode { IN_PERSON, VIDEO }

    /**
     * Reads a slot as officers send it ({@code at} as {@code 2027-01-11T10:00}, an IANA zone, a mode); anything missing
     * or unreadable is an {@code INTERVIEW_REQUIRED} refusal naming the field, never a guess (no default time or zone).
     */
    public static InterviewSlot parse(String at, String zone, String mode) {
        if (blank(at) || blank(zone) || blank(mode)) {
            throw refused("an interview invitation needs the date and time, the time zone and the mode");
        }
        LocalDateTime when;
        try {
            when = LocalDateTime.parse(at.strip());
        } catch (DateTimeException e) {
            throw refused("interview.at is a local date and time such as 2027-01-11T10:00");
        }
        ZoneId id;
        try {
            id = ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw refused("interview.zone is a time zone such as Europe/London");
        }
        Mode m;
        try {
            m = Mode.valueOf(mode.strip());
        } catch (IllegalArgumentException e) {
            throw refused("interview.mode is IN_PERSON or VIDEO");
        }
        return new InterviewSlot(when, id, m);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static TransitionRefusedException refused(String message) {
        return new TransitionRefusedException(Refusal.INTERVIEW_REQUIRED, Transition.INVITE_TO_INTERVIEW, message);
    }
}
