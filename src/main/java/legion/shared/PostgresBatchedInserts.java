package legion.shared;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * On PostgreSQL, the driver sends a JDBC batch of inserts as multi-row inserts ({@code reWriteBatchedInserts}):
 * screening's runs and results, the work rows it enqueues, parole's history. Each row of a batch otherwise costs the
 * database a statement of its own (ADR 0170). The platform reads no batch's update counts, which the driver then
 * gives as "success, count unknown". H2 has no such option and would refuse an unknown one, so only a PostgreSQL
 * URL gets it.
 */
@Component
class PostgresBatchedInserts implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource ds && ds.getJdbcUrl() != null
                && ds.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            ds.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        return bean;
    }
}
