package legion.screening;

/** What screening holds APPROVE and AUTHORIZE for, in the order checked (the {@code "hold"} of a 409). */
public enum Hold {
    /** Not yet screened against the current version of every configured list (or a list has not loaded). */
    SCREENING_PENDING("screening holds this case: it is not yet screened against every loaded list"),
    /** A watchlist or blocklist hit is open, proposed for clearing or confirmed. */
    WATCHLIST_HIT("screening holds this case: a watchlist or blocklist hit is not cleared"),
    /** A possible duplicate is neither linked nor dismissed. */
    POSSIBLE_DUPLICATE("screening holds this case: a possible duplicate is not decided");

    private final String explanation;

    Hold(String explanation) {
        this.explanation = explanation;
    }

    /** Why, in words for the problem's detail (no personal data). */
    public String explanation() {
        return explanation;
    }
}
