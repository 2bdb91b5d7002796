package legion.reporting.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import legion.reporting.FlowReport;

/** The analysts' dashboard: counts only, no names, no references. */
@Controller
class ReportsController {

    private final FlowReport report;

    ReportsController(FlowReport report) {
        this.report = report;
    }

    @GetMapping("/console/reports")
    String reports(Model model) {
        model.addAttribute("total", report.total());
        model.addAttribute("byStage", report.byStage().values());
        model.addAttribute("byEmbassy", report.byEmbassy().values());
        model.addAttribute("byNationality", report.byNationality().values());
        model.addAttribute("byRole", report.byRole().values());
        return "console/reports";
    }
}
