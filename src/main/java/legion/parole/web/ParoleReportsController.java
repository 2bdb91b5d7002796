package legion.parole.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import legion.access.Officers;
import legion.parole.ParoleReports;
import legion.parole.ParoleRefusedException;
import legion.reporting.Figure;
import legion.reporting.FigureDownloads;
import legion.reporting.Figures;
import legion.shared.Actor;

/**
 * Analysts' figures of Program 3 with the platform's figure mechanism (ADR 0127), as the Legion's are: the counts by
 * facility and month as a server-rendered SVG chart, its table beside it, and its CSV; small cells suppressed.
 */
@Controller
class ParoleReportsController {

    static final String FIGURE = "by-facility-and-month";

    private final ParoleReports reports;
    private final MessageSource messages;

    ParoleReportsController(ParoleReports reports, MessageSource messages) {
        this.reports = reports;
        this.messages = messages;
    }

    @GetMapping("/console/parole/reports")
    String reports(Authentication auth, Model model, Locale locale) {
        Figure f = figure(actor(auth), locale);
        model.addAttribute("figures", List.of(f));
        model.addAttribute("figureBase", "/console/parole/reports");
        model.addAttribute("empty", f.rows().isEmpty());
        model.addAttribute("minCell", Figures.MIN_CELL);
        return "console/parole-reports";
    }

    @GetMapping("/console/parole/reports/{id}.svg")
    ResponseEntity<String> svg(Authentication auth, @PathVariable String id, Locale locale) {
        return FigureDownloads.svg(figure(actor(auth), locale, id));
    }

    @GetMapping("/console/parole/reports/{id}.csv")
    ResponseEntity<byte[]> csv(Authentication auth, @PathVariable String id, Locale locale) {
        return FigureDownloads.csv("parole", figure(actor(auth), locale, id));
    }

    /** The figure with this id, or {@code null} (a 404). */
    private Figure figure(Actor actor, Locale locale, String id) {
        Figure f = figure(actor, locale);
        return f.id().equals(id) ? f : null;
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
