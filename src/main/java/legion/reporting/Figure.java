package legion.reporting;

import java.util.List;

/**
 * One chart of a report, as data: rows (the categories, e.g. days or embassies), one value per series in each row
 * (e.g. one per embassy, or p50 and p90), and optionally a reference value drawn across (a service level). Every
 * program's report builds its figures as these and shows them with {@link Figures}: the same SVG chart (readable
 * without JavaScript), the same data table beside it for screen readers, the same CSV, the same suppression of small
 * cells. Labels are shown as given (already in the reader's language); they must not be personal data.
 *
 * @param id            stable name, used in the page (element ids) and the CSV's file name ({@code [a-z0-9-]+})
 * @param title         the chart's title
 * @param rowHeading    what the rows are ("Day", "Embassy")
 * @param series        the series' names, one value of each per row
 * @param rows          the rows in the order shown
 * @param unit          what the values are (counts, or hours or days computed from some number of cases)
 * @param reference     a value drawn across every row (null for none)
 * @param referenceName what the reference is ("Service level: 48 h")
 */
public record Figure(String id, String title, String rowHeading, List<String> series, List<Row> rows, Unit unit,
                     Double reference, String referenceName) {

    public Figure {
        if (id == null || !id.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("a figure id is [a-z0-9-]+");
        }
        series = List.copyOf(series);
        rows = List.copyOf(rows);
        for (Row r : rows) {
            if (r.cells().size() != series.size()) {
                throw new IllegalArgumentException("row " + r.label() + " has " + r.cells().size() + " values for "
                        + series.size() + " series");
            }
        }
    }

    /** A figure of counts with no reference line. */
    public static Figure counts(String id, String title, String rowHeading, List<String> series, List<Row> rows) {
        return new Figure(id, title, rowHeading, series, rows, Unit.COUNT, null, null);
    }

    /** What a figure's values are: counts, or hours or days (to one decimal) computed from some number of cases. */
    public enum Unit { COUNT, HOURS, DAYS }

    public record Row(String label, List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /**
     * One value and the number of cases it was computed from (for a count, the count itself). A cell computed from
     * fewer than {@link Figures#MIN_CELL} cases is suppressed: neither drawn nor written, shown as "&lt;5", so that a
     * small group (one volunteer from a small country) cannot be singled out.
     */
    public record Cell(double value, long basis) {

        public static Cell count(long n) {
            return new Cell(n, n);
        }

        public boolean suppressed() {
            return basis > 0 && basis < Figures.MIN_CELL;
        }

        /**
         * The value as shown in the table and the CSV: "&lt;5" when suppressed, whole counts, hours and days to one
         * decimal (empty when computed from no case).
         */
        public String shown(Unit unit) {
            if (suppressed()) {
                return "<" + Figures.MIN_CELL;
            }
            if (basis == 0 && unit != Unit.COUNT) {
                return "";
            }
            return unit == Unit.COUNT ? Long.toString(Math.round(value))
                    : String.format(java.util.Locale.ROOT, "%.1f", value);
        }
    }
}
