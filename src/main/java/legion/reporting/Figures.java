package legion.reporting;

import java.util.List;
import java.util.Locale;

/**
 * Shows {@link Figure}s: a server-rendered SVG bar chart (horizontal bars grouped per row, one colour per series, the
 * value at the end of each bar, a dashed reference line; no script), and the CSV of the same numbers. Suppressed
 * cells are neither drawn nor written. A page shows each chart (as an image served from {@link #svg}) with its data
 * table ({@link #table}, in templates {@code @figures.table(f)}) so that screen readers read the numbers.
 */
public final class Figures {

    /** Cells computed from fewer cases than this are suppressed (the rule of every report). */
    public static final int MIN_CELL = 5;

    /** Series colours, each at least 4.5:1 against white and told apart by the legend's order and labels too. */
    private static final String[] COLOURS = {"#1d4f91", "#00703c", "#912b88", "#8a4b00", "#505a5f", "#b0180f"};

    private static final int WIDTH = 720;
    private static final int LABEL = 150;
    private static final int VALUE = 60;
    private static final int BAR = 14;
    private static final int GAP = 10;

    private Figures() {
    }

    /** The chart as an SVG element (to be embedded in the page as it is; every text in it is escaped). */
    public static String svg(Figure f) {
        int groups = f.rows().size();
        int perGroup = Math.max(1, f.series().size()) * BAR + GAP;
        int legend = 24 * ((f.series().size() + 2) / 3);
        int height = 30 + legend + Math.max(1, groups) * perGroup + (f.reference() != null ? 24 : 0);
        double max = f.reference() == null ? 0 : f.reference();
        for (Figure.Row r : f.rows()) {
            for (Figure.Cell c : r.cells()) {
                if (!c.suppressed()) {
                    max = Math.max(max, c.value());
                }
            }
        }
        double scale = max <= 0 ? 0 : (WIDTH - LABEL - VALUE) / max;
        StringBuilder s = new StringBuilder();
        String titleId = f.id() + "-title";
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" aria-labelledby=\"")
                .append(titleId).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" preserveAspectRatio=\"xMinYMin meet\" font-family=\"system-ui, Arial, sans-serif\" font-size=\"13\"")
                .append(" fill=\"#0b0c0c\">");
        s.append("<title id=\"").append(titleId).append("\">").append(esc(f.title())).append("</title>");
        // legend
        int y = 18;
        for (int i = 0; i < f.series().size(); i++) {
            int x = (i % 3) * 240;
            int ly = y + (i / 3) * 24;
            s.append("<rect x=\"").append(x).append("\" y=\"").append(ly - 11).append("\" width=\"12\" height=\"12\" fill=\"")
                    .append(colour(i)).append("\"/>");
            s.append("<text x=\"").append(x + 18).append("\" y=\"").append(ly).append("\" class=\"legend\">")
                    .append(esc(f.series().get(i))).append("</text>");
        }
        y = 18 + legend;
        for (Figure.Row r : f.rows()) {
            s.append("<text x=\"0\" y=\"").append(y + BAR - 2).append("\" class=\"label\">").append(esc(r.label()))
                    .append("</text>");
            for (int i = 0; i < r.cells().size(); i++) {
                Figure.Cell c = r.cells().get(i);
                int by = y + i * BAR;
                if (!c.suppressed() && c.value() > 0) {
                    s.append("<rect x=\"").append(LABEL).append("\" y=\"").append(by).append("\" width=\"")
                            .append(fmt(Math.max(1, c.value() * scale))).append("\" height=\"").append(BAR - 2)
                            .append("\" fill=\"").append(colour(i)).append("\"/>");
                }
                String shown = c.shown(f.unit());
                if (!shown.isEmpty()) {
                    double tx = LABEL + (c.suppressed() ? 0 : c.value() * scale) + 4;
                    s.append("<text x=\"").append(fmt(tx)).append("\" y=\"").append(by + BAR - 3)
                            .append("\" class=\"value\">").append(esc(shown)).append("</text>");
                }
            }
            y += perGroup;
        }
        if (f.reference() != null && scale > 0) {
            double rx = LABEL + f.reference() * scale;
            s.append("<line x1=\"").append(fmt(rx)).append("\" y1=\"").append(18 + legend - 4).append("\" x2=\"")
                    .append(fmt(rx)).append("\" y2=\"").append(y)
                    .append("\" class=\"reference\" stroke=\"#0b0c0c\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>");
            s.append("<text x=\"").append(fmt(Math.min(rx, WIDTH - 200))).append("\" y=\"").append(y + 16)
                    .append("\" class=\"legend\">").append(esc(f.referenceName())).append("</text>");
        }
        s.append("</svg>");
        return s.toString();
    }

    /** The figure as CSV (RFC 4180, a header row, suppressed cells as "&lt;5"), UTF-8 without BOM. */
    public static String csv(Figure f) {
        StringBuilder s = new StringBuilder();
        s.append(cell(f.rowHeading()));
        for (String name : f.series()) {
            s.append(',').append(cell(name));
        }
        s.append("\r\n");
        for (Figure.Row r : f.rows()) {
            s.append(cell(r.label()));
            for (Figure.Cell c : r.cells()) {
                s.append(',').append(cell(c.shown(f.unit())));
            }
            s.append("\r\n");
        }
        return s.toString();
    }

    /** The rows of the data table beside the chart, cell texts as shown. */
    public static List<List<String>> table(Figure f) {
        return f.rows().stream().map(r -> {
            List<String> line = new java.util.ArrayList<>();
            line.add(r.label());
            r.cells().forEach(c -> line.add(c.shown(f.unit())));
            return List.copyOf(line);
        }).toList();
    }

    /** A CSV field; a text starting like a formula is prefixed with a quote so spreadsheets do not run it. */
    private static String cell(String text) {
        String t = text == null ? "" : text;
        if (!t.isEmpty() && "=+-@".indexOf(t.charAt(0)) >= 0 && !t.matches("-?\\d+(\\.\\d+)?")) {
            t = "'" + t;
        }
        if (t.contains(",") || t.contains("\"") || t.contains("\n") || t.contains("\r")) {
            return "\"" + t.replace("\"", "\"\"") + "\"";
        }
        return t;
    }

    private static String colour(int i) {
        return COLOURS[i % COLOURS.length];
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    private static String esc(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
