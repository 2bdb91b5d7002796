/**
 * Background work for every program: the scheduler (several threads), a cluster-wide lease per scheduled job
 * (ShedLock in the database, ADR 0041) and the resubmission of incomplete event publications (ADR 0040).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package legion.jobs;
