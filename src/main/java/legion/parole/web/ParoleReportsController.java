package legion.parole.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import legion.access.Officers;
import legion.parole.ParoleFlow;
import legion.parole.ParoleReports;
import legion.parole.ParoleRefusedException;
import legion.reporting.Figure;
import legion.reporting.FigureDownloads;
import legion.reporting.Figures;
import legion.shared.Actor;

/**
 * Analysts' figures of Program 3 with the platform's figure mechanism (ADR 0127), as the Legion's are: the flow
 * ({@link ParoleFlow}, ADR 0160) and the counts by facility and month, each a server-rendered SVG chart, its table
 * beside it, and its CSV; small cells suppressed. {@code ?facility=} narrows the flow to one facility (a code).
 */
@Controller
class ParoleReportsController {

    static final String FIGURE = "by-facility-and-month";

    private final ParoleReports reports;
    private final ParoleFlow flow;
    private final MessageSource messages;

    ParoleReportsController(ParoleReports reports, ParoleFlow flow, MessageSource messages) {
        this.reports = reports;
        this.flow = flow;
        this.messages = messages;
    }

    @GetMapping("/console/parole/reports")
    String reports(Authentication auth, Model model, Locale locale,
                   @RequestParam(required = false) String facility) {
        String only = facility(facility);
        Map<String, Figure> figures = figures(actor(auth), locale, only);
        model.addAttribute("figures", figures.values());
        model.addAttribute("figureBase", "/console/parole/reports");
        model.addAttribute("figureQuery", only == null ? "" : "?facility=" + only);
        model.addAttribute("facility", only);
        model.addAttribute("empty", figures.get(FIGURE).rows().isEmpty());
        model.addAttribute("minCell", Figures.MIN_CELL);
        return "console/parole-reports";
    }

    @GetMapping("/console/parole/reports/{id}.svg")
    ResponseEntity<String> svg(Authentication auth, @PathVariable String id, Locale locale,
                               @RequestParam(required = false) String facility) {
        return FigureDownloads.svg(figures(actor(auth), locale, facility(facility)).get(id));
    }

    @GetMapping("/console/parole/reports/{id}.csv")
    ResponseEntity<byte[]> csv(Authentication auth, @PathVariable String id, Locale locale,
                               @RequestParam(required = false) String facility) {
        return FigureDownloads.csv("parole", figures(actor(auth), locale, facility(facility)).get(id));
    }

    /** The flow (of one facility, or all) and then the counts by facility and month, by id. */
    private Map<String, Figure> figures(Actor actor, Locale locale, String facility) {
        Map<String, Figure> figures = new LinkedHashMap<>(flow.figures(actor, locale, Instant.now(), facility));
        figures.put(FIGURE, figure(actor, locale));
        return figures;
    }

    /** A facility's code as the filings carry it; anything else is refused rather than searched for. */
    private static String facility(String facility) {
        if (facility == null || facility.isBlank()) {
            return null;
        }
        if (!facility.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("not a facility code");   // a 400; the value is not repeated
        }
        return facility;
    }

    /** One row per facility and month (newest first), one series per measure; refused to any but analysts. */
    private Figure figure(Actor actor, Locale locale) {
        List<Figure.Row> rows = new ArrayList<>();
        for (ParoleReports.Row r : reports.byFacilityAndMonth(actor)) {
            List<Figure.Cell> cells = Arrays.stream(ParoleReports.Measure.values())
                    .map(m -> Figure.Cell.count(r.cell(m).count())).toList();
            rows.add(new Figure.Row(r.month() + " · " + r.facility(), cells));
        }
        List<String> series = Arrays.stream(ParoleReports.Measure.values())
                .map(m -> messages.getMessage("parole.measure." + m, null, locale)).toList();
        return Figure.counts(FIGURE, messages.getMessage("parole.reports.figure", null, locale),
                messages.getMessage("parole.reports.figure.row", null, locale), series, rows);
    }

    private static Actor actor(Authentication auth) {
        return Officers.actorOf(auth).orElseThrow(() -> new ParoleRefusedException(
                ParoleRefusedException.Refusal.ROLE_NOT_PERMITTED, null, "not an officer"));
    }
}
