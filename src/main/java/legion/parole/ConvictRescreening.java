package legion.parole;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import legion.screening.ScreenedPeople;

/**
 * The convicts of parole cases not ended, screened again by the screening module's recurrent vetting when a
 * watchlist changes (ADR 0134): the same queue, workers and list versions as the Legion's cases; each convict
 * screened through {@link ConvictScreening#screen}, which records new hits {@code OPEN} (audited) and the list
 * versions screened against. A hit found after SCREEN holds PETITION until HQ decides it.
 */
@Component
class ConvictRescreening implements ScreenedPeople {

    private final ParoleCases cases;
    private final ConvictScreening screening;

    ConvictRescreening(ParoleCases cases, ConvictScreening screening) {
        this.cases = cases;
        this.screening = screening;
    }

    @Override
    public String program() {
        return "parole";
    }

    /** Every case not ended: a convict in service is armed by the state, so is screened as long as the case runs. */
    @Override
    public List<String> rescreened(String after, int limit) {
        return cases.notEnded(after == null ? null : UUID.fromString(after), limit).stream().map(UUID::toString)
                .toList();
    }

    @Override
    public void screen(List<String> ids) {
        for (String id : ids) {
            cases.findById(new ParoleCaseId(UUID.fromString(id))).filter(c -> !c.stage().isFinal())
                    .ifPresent(screening::screen);
        }
    }
}
