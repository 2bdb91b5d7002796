package legion.arms.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import legion.access.Officers;
import legion.arms.register.ArmsFlow;
import legion.arms.register.ArmsReport;
import legion.arms.register.WeaponStatus;
import legion.reporting.Figure;
import legion.reporting.FigureDownloads;
import legion.reporting.Figures;
import legion.shared.Actor;

/**
 * Analysts' (and registry supervisors') figures of the arms register with the platform's figure mechanism (ADR
 * 0127), as the other programs' are: the flow ({@link ArmsFlow}, ADR 0160), weapons by issuing point and status, open
 * issues by point; each a server-drawn SVG chart, its table and its CSV, small cells suppressed. Aggregates only: no
 * serial, no holder. {@code ?point=} narrows the flow to one issuing point (a code).
 */
@Controller
class ArmsReportsController {

    private static final String OPEN_ISSUES = "OPEN_ISSUES";

    private final ArmsReport report;
    private final ArmsFlow flow;
    private final MessageSource messages;

    ArmsReportsController(ArmsReport report, ArmsFlow flow, MessageSource messages) {
        this.report = report;
        this.flow = flow;
        this.messages = messages;
    }

    @GetMapping("/console/arms/reports")
    String reports(Authentication auth, Model model, Locale locale, @RequestParam(required = false) String point) {
        String only = point(point);
        model.addAttribute("figures", figures(actor(auth), locale, only).values());
        model.addAttribute("figureBase", "/console/arms/reports");
        model.addAttribute("figureQuery", only == null ? "" : "?point=" + only);
        model.addAttribute("point", only);
        model.addAttribute("minCell", Figures.MIN_CELL);
        return "console/arms-reports";
    }

    @GetMapping("/console/arms/reports/{id}.svg")
    ResponseEntity<String> svg(Authentication auth, @PathVariable String id, Locale locale,
                               @RequestParam(required = false) String point) {
        return FigureDownloads.svg(figures(actor(auth), locale, point(point)).get(id));
    }

    @GetMapping("/console/arms/reports/{id}.csv")
    ResponseEntity<byte[]> csv(Authentication auth, @PathVariable String id, Locale locale,
                               @RequestParam(required = false) String point) {
        return FigureDownloads.csv("arms", figures(actor(auth), locale, point(point)).get(id));
    }

    /** An issuing point's code; anything else is refused (a 400) rather than searched for. */
    private static String point(String point) {
        if (point == null || point.isBlank()) {
            return null;
        }
        if (!point.matches("[A-Za-z0-9_-]{1,40}")) {
            throw new IllegalArgumentException("not a point code");
        }
        return point;
    }

    /** The flow (of one point, or all), then the counts by point (of all points), by id. */
    private Map<String, Figure> figures(Actor actor, Locale locale, String point) {
        Map<String, Figure> figures = new LinkedHashMap<>(flow.figures(actor, locale, Instant.now(), point));
        figures.putAll(counts(actor, locale));
        return figures;
    }

    private Map<String, Figure> counts(Actor actor, Locale locale) {
        Map<String, Map<String, Long>> byPoint = new TreeMap<>();
        for (ArmsReport.Row r : report.weapons(actor)) {
            byPoint.computeIfAbsent(r.point(), p -> new LinkedHashMap<>()).merge(r.status(), r.cell().count(), Long::sum);
        }
        List<Figure.Row> weapons = new ArrayList<>();
        List<Figure.Row> open = new ArrayList<>();
        byPoint.forEach((point, counts) -> {
            weapons.add(new Figure.Row(point, Arrays.stream(WeaponStatus.values())
                    .map(s -> Figure.Cell.count(counts.getOrDefault(s.name(), 0L))).toList()));
            if (counts.containsKey(OPEN_ISSUES)) {
                open.add(new Figure.Row(point, List.of(Figure.Cell.count(counts.get(OPEN_ISSUES)))));
            }
        });
        String point = text("arms.reports.point", locale);
        Map<String, Figure> figures = new LinkedHashMap<>();
        figures.put("weapons", Figure.counts("weapons", text("arms.reports.weapons", locale), point,
                Arrays.stream(WeaponStatus.values()).map(s -> text("arms.status." + s.name(), locale)).toList(),
                weapons));
        figures.put("open-issues", Figure.counts("open-issues", text("arms.reports.openIssues", locale), point,
                List.of(text("arms.reports.issues", locale)), open));
        return figures;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static Actor actor(Authentication auth) {
        return Officers.actorOf(auth).orElseThrow(() -> new SecurityException("officers only"));
    }
}
