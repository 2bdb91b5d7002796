package legion.reporting;

import java.util.List;

import org.springframework.stereotype.Component;

/** {@link Figures} for templates: {@code ${@figures.table(f)}}, the rows of a figure's data table as shown. */
@Component("figures")
public class FigureView {

    public List<List<String>> table(Figure f) {
        return Figures.table(f);
    }
}
