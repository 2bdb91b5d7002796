package legion.authorization;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The seal document types programs registered, besides the ICAO visa: every {@link Provider} listed in
 * {@code META-INF/services/legion.authorization.SealDocumentTypes$Provider}, read once. Spring-free, so the
 * {@code verify} subcommand knows them as the server does.
 */
@org.springframework.modulith.NamedInterface("seals")
public final class SealDocumentTypes {

    /** What a program implements (with a public no-argument constructor) to register its document types. */
    public interface Provider {
        List<SealDocumentType> documentTypes();
    }

    private SealDocumentTypes() {
    }

    private static final class Registered {
        static final List<SealDocumentType> ALL = load();

        private static List<SealDocumentType> load() {
            List<SealDocumentType> all = new ArrayList<>();
            for (Provider p : ServiceLoader.load(Provider.class, SealDocumentTypes.class.getClassLoader())) {
                for (SealDocumentType t : p.documentTypes()) {
                    if (find(all, t.featureDefinitionReference(), t.category()).isPresent()
                            || all.stream().anyMatch(o -> o.name().equals(t.name()))) {
                        throw new IllegalStateException("two seal document types share a name or header code: "
                                + t.name());
                    }
                    all.add(t);
                }
            }
            return List.copyOf(all);
        }
    }

    /** Every registered type. */
    public static List<SealDocumentType> all() {
        return Registered.ALL;
    }

    /** The registered type a header names, if any. */
    public static Optional<SealDocumentType> find(int featureDefinitionReference, int category) {
        return find(Registered.ALL, featureDefinitionReference, category);
    }

    /** The registered type of this name, if any. */
    public static Optional<SealDocumentType> named(String name) {
        return Registered.ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    private static Optional<SealDocumentType> find(List<SealDocumentType> types, int reference, int category) {
        return types.stream()
                .filter(t -> t.featureDefinitionReference() == reference && t.category() == category)
                .findFirst();
    }
}
