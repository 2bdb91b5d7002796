package legion.reporting.web;

import java.time.Instant;
import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import legion.reporting.FigureDownloads;
import legion.reporting.FlowCharts;
import legion.reporting.FlowReport;

/** The analysts' dashboard: the flow as charts with their tables and CSV, and the counts; no names, no references. */
@Controller
class ReportsController {

    private final FlowReport report;
    private final FlowCharts charts;

    ReportsController(FlowReport report, FlowCharts charts) {
        this.report = report;
        this.charts = charts;
    }

    @GetMapping("/console/reports")
    String reports(Model model, Locale locale) {
        model.addAttribute("figures", charts.all(locale, Instant.now()).values());
        model.addAttribute("total", report.total());
        model.addAttribute("byStage", report.byStage().values());
        model.addAttribute("byEmbassy", report.byEmbassy().values());
        model.addAttribute("byNationality", report.byNationality().values());
        model.addAttribute("byRole", report.byRole().values());
        return "console/reports";
    }

    /** One figure's chart (SVG: no script, suppressed cells not drawn), shown as an image beside its table. */
    @GetMapping("/console/reports/{id}.svg")
    ResponseEntity<String> svg(@PathVariable String id, Locale locale) {
        return FigureDownloads.svg(charts.all(locale, Instant.now()).get(id));
    }

    /** One figure's numbers as CSV (suppressed cells as "<5"), as an attachment named after the figure. */
    @GetMapping("/console/reports/{id}.csv")
    ResponseEntity<byte[]> csv(@PathVariable String id, Locale locale) {
        return FigureDownloads.csv("legion", charts.all(locale, Instant.now()).get(id));
    }
}
