package legion.authorization;

/** Duration of stay of the visa profile: three bytes, days, months and years. */
public record DurationOfStay(int days, int months, int years) {

    public DurationOfStay {
        if (days < 0 || days > 255 || months < 0 || months > 255 || years < 0 || years > 255) {
            throw new IllegalArgumentException("each part of a duration of stay is one byte");
        }
    }

    public static DurationOfStay ofDays(int days) {
        return new DurationOfStay(days, 0, 0);
    }

    @Override
    public String toString() {
        return days + " days, " + months + " months, " + years + " years";
    }
}
