package legion.parole.policy;

import java.time.LocalDate;
import java.util.List;

/** {@code RESPONSIBLE_POST}: a convict who held an especially responsible post is not eligible. */
public record ResponsiblePost(String legalSource) implements ConvictRule {

    public static final String NAME = "RESPONSIBLE_POST";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String field() {
        return "especiallyResponsiblePost";
    }

    @Override
    public List<Failure> judge(Convict convict, LocalDate day) {
        return convict.responsiblePost() ? List.of(Failure.of(NAME)) : List.of();
    }
}
