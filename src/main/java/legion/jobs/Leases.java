package legion.jobs;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock.InterceptMode;

/**
 * A cluster-wide lease per scheduled job: a method annotated {@code @Scheduled} and {@code @SchedulerLock(name = …)}
 * runs on one node at a time; the others skip that turn. Leases live in the {@code shedlock} table and are timed by
 * the database's clock, so nodes with skewed clocks agree. The leased method is proxied
 * ({@link InterceptMode#PROXY_METHOD}; Spring 7's scheduler wraps its tasks so that ShedLock's scheduler proxy no
 * longer sees them): a call while another node holds the lease is skipped, so a leased method is a {@code void}
 * one that only the scheduler calls, delegating to the work that services may also call directly (APPROVE
 * screening a case inline, a test). A node that dies holding a lease frees it after the job's {@code lockAtMostFor}.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(interceptMode = InterceptMode.PROXY_METHOD, defaultLockAtMostFor = "PT10M")
class Leases {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }
}
