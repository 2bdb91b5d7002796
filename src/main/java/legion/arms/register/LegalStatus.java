package legion.arms.register;

/** Whether a person may legally be in Ukraine (Law 2114-IX: citizens, and foreigners or stateless persons legally there). */
public enum LegalStatus {
    CITIZEN(true),
    FOREIGNER_LEGALLY_RESIDENT(true),
    STATELESS_LEGALLY_RESIDENT(true),
    FOREIGNER_NOT_LEGALLY_RESIDENT(false),
    STATELESS_NOT_LEGALLY_RESIDENT(false);

    private final boolean legallyInUkraine;

    LegalStatus(boolean legallyInUkraine) {
        this.legallyInUkraine = legallyInUkraine;
    }

    public boolean legallyInUkraine() {
        return legallyInUkraine;
    }
}
