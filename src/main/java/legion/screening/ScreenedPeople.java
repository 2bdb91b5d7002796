package legion.screening;

import java.util.List;

/**
 * Another program's people screened against the watchlists (SPI: a program's Spring bean, e.g. the convicts of
 * Program 3). When a list changes, the node that records the new version queues every subject this returns in the
 * same transaction ({@code screening_subject_work}), and the screening workers of every node screen them again in
 * batches, claimed with {@code FOR UPDATE SKIP LOCKED} and only while every list is loaded at the current version —
 * the recurrent vetting of the Legion's cases (ADR 0050, 0051), for people screening does not own (ADR 0134).
 */
public interface ScreenedPeople {

    /** The program's key in the queue, 1 to 30 characters (e.g. {@code parole}). */
    String program();

    /**
     * A page of the ids (at most 64 characters) of the subjects to screen again when a list changes, in a stable
     * order after {@code after} ({@code null}: from the start); fewer than {@code limit} on the last page.
     */
    List<String> rescreened(String after, int limit);

    /**
     * Screens these subjects again against the lists as loaded now (through {@link ScreeningLists#screenPerson}),
     * recording what is found in the caller's transaction; a subject no longer there or no longer open is skipped.
     */
    void screen(List<String> ids);
}
