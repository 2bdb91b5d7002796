package legion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import legion.authorization.SealDocumentType;
import legion.authorization.SealDocumentTypes;
import legion.authorization.SealReport;
import legion.authorization.SealVerifier;
import legion.authorization.Seals;
import legion.authorization.TravelAuthorizations;

/** The generic seal types form the named interface other programs may depend on; the Legion's travel authorizations do not. */
class SealsInterfaceTests {

    @Test
    void theSealsNamedInterfaceHoldsTheGenericTypesOnly() {
        var seals = ApplicationModules.of(LegionApplication.class).getModuleByName("authorization").orElseThrow()
                .getNamedInterfaces().getByName("seals").orElseThrow();
        for (Class<?> generic : new Class<?>[] {Seals.class, SealDocumentType.class, SealDocumentTypes.class,
                SealVerifier.class, SealReport.class}) {
            assertThat(seals.contains(generic)).as(generic.getSimpleName()).isTrue();
        }
        assertThat(seals.contains(TravelAuthorizations.class)).isFalse();
    }
}
