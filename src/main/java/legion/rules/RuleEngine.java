package legion.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.stereotype.Service;

import legion.rules.internal.PolicyStore;
import legion.rules.internal.ReevaluationDriver;
import legion.rules.internal.VerdictStore;

/**
 * The one engine of versioned named rules: every program's {@link Rulebook} (one table of published versions and
 * one of verdicts for all programs, keyed by program), and the resumption of re-evaluations a stopped node left
 * unfinished, for every {@link RuleProgram} bean.
 */
@Service
public class RuleEngine {

    private final PolicyStore store;
    private final VerdictStore verdicts;
    private final ReevaluationDriver driver;
    private final ObjectProvider<RuleProgram<?, ?>> programs;
    private final Map<String, Rulebook<?, ?>> books = new ConcurrentHashMap<>();

    RuleEngine(PolicyStore store, VerdictStore verdicts, ReevaluationDriver driver,
               ObjectProvider<RuleProgram<?, ?>> programs) {
        this.store = store;
        this.verdicts = verdicts;
        this.driver = driver;
        this.programs = programs;
    }

    /** The program's rulebook (one per program name). */
    @SuppressWarnings("unchecked")
    public <S, P> Rulebook<S, P> rulebook(RuleProgram<S, P> program) {
        if (program.name() == null || program.name().isBlank() || program.name().length() > 30) {
            throw new IllegalArgumentException("a program's name is 1 to 30 characters");
        }
        return (Rulebook<S, P>) books.computeIfAbsent(program.name(),
                n -> new Rulebook<>(program, store, verdicts, driver));
    }

    /** The programs known to the engine. */
    public List<String> programs() {
        return programs.orderedStream().map(RuleProgram::name).toList();
    }

    @Scheduled(fixedDelayString = "${legion.eligibility.resume-interval:PT5M}",
            initialDelayString = "${legion.eligibility.resume-interval:PT5M}")
    @SchedulerLock(name = "rules-reevaluation-resume", lockAtMostFor = "PT30M")
    void resumeUnfinished() {
        Instant before = Instant.now().minus(Duration.ofMinutes(5));
        programs.orderedStream().forEach(p -> rulebook(p).resumeUnfinished(before));
    }
}
