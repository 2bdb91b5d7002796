package legion.parole.policy;

/**
 * One offence as the Criminal Code cites it: an article (with the number of an inserted article, {@code 114-1} is
 * article 114, insertion 1), optionally a part and, within the part, an item. Written in the first notation of
 * PRODUCT.md, {@code ARTICLE[:PART[.ITEM]]}, by {@link #toString()}; read from either notation by
 * {@link OffenceNotation}.
 *
 * @param article   the article's number, {@code 115}
 * @param insertion the number of an inserted article ({@code 1} in {@code 114-1}), 0 when none
 * @param part      the part, 0 when not given
 * @param item      the item within the part, 0 when not given (never without a part)
 */
public record Offence(int article, int insertion, int part, int item) {

    public Offence {
        if (article <= 0 || insertion < 0 || part < 0 || item < 0 || (item > 0 && part == 0)) {
            throw new IllegalArgumentException("not an offence");
        }
    }

    public static Offence of(int article, int insertion, int part, int item) {
        return new Offence(article, insertion, part, item);
    }

    /** The article with its insertion, as the Code numbers it: {@code 115}, {@code 286-1}. */
    public String articleNumber() {
        return insertion == 0 ? Integer.toString(article) : article + "-" + insertion;
    }

    public boolean hasPart() {
        return part > 0;
    }

    public boolean hasItem() {
        return item > 0;
    }

    /** Whether this offence is of the given article (with its insertion), whatever the part. */
    public boolean isOfArticle(int otherArticle, int otherInsertion) {
        return article == otherArticle && insertion == otherInsertion;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(articleNumber());
        if (part > 0) {
            s.append(':').append(part);
            if (item > 0) {
                s.append('.').append(item);
            }
        }
        return s.toString();
    }
}
