package legion.shared;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Timestamp;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Spring Modulith's event publication registry stores a publication for each persistent listener in the publishing
 * transaction. Inside a grouped work ({@link Writes#inTransaction} with group commit on) that transaction is
 * read-only and the work's rows are written by the group, so the registry's row must go the same way: this wraps the
 * registry's repository and, while the thread's inserts are kept for a group, keeps the publication's row with them.
 * The row is then durable exactly when the case it speaks of is, and {@link Writes} hands the publication to its
 * listener only after that commit. Everything else goes to the repository unchanged.
 *
 * <p>The columns are those of the registry's table as the Modulith jar ships it (schema version 2, migration V16,
 * whose checksum changes if the jar's schema does); the values are the ones the JDBC repository writes.
 */
@Component
class DeferredPublications implements BeanPostProcessor {

    static final String INSERT = "insert into event_publication (id, event_type, listener_id, publication_date, "
            + "serialized_event, status, completion_attempts, last_resubmission_date) values (?, ?, ?, ?, ?, ?, ?, ?)";

    private final ObjectProvider<Writes> writes;
    private final ObjectProvider<EventSerializer> serializer;

    DeferredPublications(ObjectProvider<Writes> writes, ObjectProvider<EventSerializer> serializer) {
        this.writes = writes;
        this.serializer = serializer;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof EventPublicationRepository repository)) {
            return bean;
        }
        return Proxy.newProxyInstance(bean.getClass().getClassLoader(),
                ClassUtils.getAllInterfacesForClass(bean.getClass()), (proxy, method, args) -> {
                    if ("create".equals(method.getName()) && args != null && args.length == 1
                            && args[0] instanceof TargetEventPublication p && writes.getObject().deferring()) {
                        keep(p);
                        return p;
                    }
                    try {
                        return method.invoke(repository, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void keep(TargetEventPublication p) {
        Timestamp at = Timestamp.from(p.getPublicationDate());
        writes.getObject().insert(INSERT, p.getIdentifier(), p.getEvent().getClass().getName(),
                p.getTargetIdentifier().getValue(), at, serializer.getObject().serialize(p.getEvent()).toString(),
                p.getStatus().name(), 1, at);
    }
}
