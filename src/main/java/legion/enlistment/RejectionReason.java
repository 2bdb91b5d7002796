package legion.enlistment;

/** Reason codes for a rejection; the free-text reason explains the case at hand. */
public enum RejectionReason {
    AGE, PASSPORT, CRIMINAL_RECORD, NO_MILITARY_EXPERIENCE, LANGUAGE, MEDICAL, SECURITY, INCOMPLETE,
    DUPLICATE, NO_SHOW, ROLE_REQUIREMENTS, OTHER
}
